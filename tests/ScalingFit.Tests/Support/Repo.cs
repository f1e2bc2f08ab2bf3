namespace ScalingFit.Tests.Support;

/// <summary>The repository the tests run in, found from the test assembly upward (for the shipped samples).</summary>
public static class Repo
{
    /// <summary>The folder holding ScalingFit.sln.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ScalingFit.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ScalingFit.sln not found above " + AppContext.BaseDirectory);
    }
}

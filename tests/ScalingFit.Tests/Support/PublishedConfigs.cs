namespace ScalingFit.Tests.Support;

/// <summary>
/// The published config.json files in Architecture/Configs (embedded), each with its source in
/// Architecture/Configs/SOURCES.md.
/// </summary>
public static class PublishedConfigs
{
    /// <summary>The text of Architecture/Configs/{name}.json.</summary>
    public static string Text(string name)
    {
        using var stream = typeof(PublishedConfigs).Assembly.GetManifestResourceStream($"Configs.{name}.json")
            ?? throw new InvalidOperationException($"no published config named {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The file as a stream, for the library's readers.</summary>
    public static Stream Open(string name) => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Text(name)));
}

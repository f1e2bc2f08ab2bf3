using ScalingFit.Plotting;

namespace ScalingFit.Cli.Plot;

/// <summary>
/// Writes a figure to the file the user named, in a folder that exists: a mistyped folder is an
/// error, not a new tree of folders (as for report, which makes only the one folder it is given).
/// </summary>
internal static class FigureFile
{
    /// <summary>Fails before any work when the file's folder does not exist or the path names a folder.</summary>
    /// <exception cref="CliWriteException">The folder is missing or the path is a folder.</exception>
    public static void Check(string path)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new CliWriteException(path, "it is a folder; name a file such as fit.png");
        if (Path.GetDirectoryName(full) is { Length: > 0 } folder && !Directory.Exists(folder))
            throw new CliWriteException(path, $"the folder '{folder}' does not exist; create it first or write elsewhere");
    }

    public static void Write(string path, Figure figure, FigureFormat format, float scale = 1)
    {
        Check(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            figure.Write(stream, format, scale);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliWriteException(path, e);
        }
    }
}

/// <summary>A file the user named that cannot be written.</summary>
internal sealed class CliWriteException : ScalingFitException
{
    public CliWriteException(string path, Exception inner)
        : base($"cannot write '{path}': {(inner is UnauthorizedAccessException ? "permission denied" : inner.Message)}", inner)
    {
        Path = path;
    }

    public CliWriteException(string path, string reason)
        : base($"cannot write '{path}': {reason}.")
    {
        Path = path;
    }

    /// <summary>The file that cannot be written.</summary>
    public string Path { get; }
}

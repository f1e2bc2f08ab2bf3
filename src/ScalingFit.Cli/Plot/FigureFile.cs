using ScalingFit.Plotting;

namespace ScalingFit.Cli.Plot;

/// <summary>Writes a figure to the file the user named, creating its folder.</summary>
internal static class FigureFile
{
    public static void Write(string path, Figure figure, FigureFormat format)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            figure.Write(stream, format);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliWriteException(path, e);
        }
    }
}

/// <summary>A file the user named that cannot be written.</summary>
internal sealed class CliWriteException(string path, Exception inner)
    : ScalingFitException($"cannot write '{path}': {(inner is UnauthorizedAccessException ? "permission denied" : inner.Message)}", inner)
{
    /// <summary>The file that cannot be written.</summary>
    public string Path { get; } = path;
}

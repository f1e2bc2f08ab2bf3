namespace ScalingFit.Data;

/// <summary>
/// Reads a path that names a file, a folder or a glob. A folder is every file under it and a glob
/// every file it matches (* and ? in the last part; ** for any depth), in ordinal order of their
/// paths, so the result does not depend on the file system's order; their tables are concatenated
/// (columns united by name) with a column 'file' holding each row's file.
/// </summary>
internal static class InputFiles
{
    /// <summary>The name of the column that holds each row's file when a folder or glob is read.</summary>
    public const string FileColumn = "file";

    /// <param name="path">A file, folder or glob.</param>
    /// <param name="numbersOnly">Columns that keep numbers only.</param>
    /// <param name="sink">When streaming, takes the rows as they are read (the table returned then holds none).</param>
    public static RawTable Read(string path, Func<string, bool>? numbersOnly = null, IFileSink? sink = null)
    {
        if (Directory.Exists(path)) return Concatenate(path, Path.GetFullPath(path), Files(path, "*", recursive: true), numbersOnly, sink);
        if (path.IndexOfAny(['*', '?']) >= 0) return ReadGlob(path, numbersOnly, sink);
        sink?.BeginFile(path, null);
        return ReadFile(path, numbersOnly, sink);
    }

    public static RawTable ReadFile(string path, Func<string, bool>? numbersOnly = null, IRowSink? sink = null)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return TableReader.Read(stream, path, numbersOnly, sink: sink);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file or folder",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            throw new DataException($"cannot read the file: {reason}.", path);
        }
    }

    private static RawTable ReadGlob(string pattern, Func<string, bool>? numbersOnly, IFileSink? sink)
    {
        string normalized = pattern.Replace('\\', '/');
        int wildcard = normalized.IndexOfAny(['*', '?']);
        int slash = normalized.LastIndexOf('/', wildcard);
        string root = slash < 0 ? "." : normalized[..Math.Max(1, slash)];
        string rest = normalized[(slash + 1)..];
        bool recursive = rest.Contains("**", StringComparison.Ordinal);
        string filePattern = rest[(rest.LastIndexOf('/') + 1)..];
        if (!recursive && rest.Contains('/', StringComparison.Ordinal))
            throw new DataException("a glob may have wildcards in its last part only (runs/*.json), or ** for any depth (runs/**/*.json).", pattern);
        if (!Directory.Exists(root)) throw new DataException("the folder of the pattern does not exist.", pattern);
        var files = Files(root, filePattern.Replace("**", "*", StringComparison.Ordinal), recursive);
        return Concatenate(pattern, Path.GetFullPath(root), files, numbersOnly, sink);
    }

    private static List<string> Files(string root, string pattern, bool recursive)
    {
        try
        {
            return Directory.EnumerateFiles(root, pattern, new EnumerationOptions
                {
                    RecurseSubdirectories = recursive, IgnoreInaccessible = false, AttributesToSkip = 0,
                    MatchCasing = MatchCasing.PlatformDefault,
                })
                .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"cannot list the folder: {e.Message}", root);
        }
    }

    private static RawTable Concatenate(string source, string root, List<string> files, Func<string, bool>? numbersOnly, IFileSink? sink)
    {
        var tables = new List<RawTable>();
        var skipped = new List<string>();
        foreach (var file in files)
        {
            if (IsNotData(file))
            {
                skipped.Add(Path.GetRelativePath(root, file));
                continue;
            }
            sink?.BeginFile(file, Path.GetRelativePath(root, file));
            tables.Add(ReadFile(file, numbersOnly, sink));
        }
        if (tables.Count == 0)
            throw new DataException(files.Count == 0 ? "no files match." : $"none of the {files.Count} files is a table of runs.", source);
        var notes = new List<string> { $"read {tables.Count} files in order of their paths" };
        if (skipped.Count > 0) notes.Add($"skipped {skipped.Count} files that are not data: {string.Join(", ", skipped.Take(5))}{(skipped.Count > 5 ? ", ..." : "")}");
        return RawTables.Concatenate(source, root, tables, FileColumn, notes);
    }

    /// <summary>Files a folder of logs often holds beside its data: notes, code, configs. Data files are recognised by content.</summary>
    private static bool IsNotData(string file) =>
        Path.GetExtension(file).ToLowerInvariant() is ".md" or ".py" or ".sh" or ".yaml" or ".yml" or ".toml" or ".ini" or ".cfg"
            or ".rst" or ".html" or ".log" or ".ipynb" or ".png" or ".jpg" or ".svg" or ".pdf";
}

/// <summary>A streaming sink told where each file of the input begins (a folder's files are concatenated).</summary>
internal interface IFileSink : IRowSink
{
    /// <summary>The rows that follow come from <paramref name="path"/>; <paramref name="relative"/> is its path in the folder, null for a single input.</summary>
    void BeginFile(string path, string? relative);
}

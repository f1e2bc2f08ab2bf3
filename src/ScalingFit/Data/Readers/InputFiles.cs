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
        if (Directory.Exists(path)) return Concatenate(path, Path.GetFullPath(path), Files(path, "*", recursive: true), numbersOnly, "the folder holds no files.", sink);
        // A file whose name holds * or ? is that file, not a pattern.
        if (path.IndexOfAny(['*', '?']) >= 0 && !File.Exists(path)) return ReadGlob(path, numbersOnly, sink);
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
        return Concatenate(pattern, Path.GetFullPath(root), files, numbersOnly, "no files match.", sink);
    }

    /// <summary>The files under a folder that match, in ordinal order, and how many hidden ones (a name or folder starting with '.') were left out.</summary>
    private static (List<string> Files, int Hidden) Files(string root, string pattern, bool recursive)
    {
        try
        {
            var all = Directory.EnumerateFiles(root, pattern, new EnumerationOptions
                {
                    RecurseSubdirectories = recursive, IgnoreInaccessible = false, AttributesToSkip = 0,
                    MatchCasing = MatchCasing.PlatformDefault,
                })
                .ToList();
            var visible = all
                .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                .Order(StringComparer.Ordinal)
                .ToList();
            return (visible, all.Count - visible.Count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"cannot list the folder: {e.Message}", root);
        }
    }

    private static RawTable Concatenate(string source, string root, (List<string> Files, int Hidden) found, Func<string, bool>? numbersOnly, string none, IFileSink? sink)
    {
        var tables = new List<RawTable>();
        var notData = new List<string>();
        var noRows = new List<string>();
        foreach (var file in found.Files)
        {
            if (IsNotData(file))
            {
                notData.Add(Path.GetRelativePath(root, file));
                continue;
            }
            try
            {
                sink?.BeginFile(file, Path.GetRelativePath(root, file));
                tables.Add(ReadFile(file, numbersOnly, sink));
            }
            catch (DataException e) when (e.HoldsNoRows)
            {
                // A run that stopped before it logged anything: an empty file, or a header only.
                noRows.Add(Path.GetRelativePath(root, file));
            }
        }
        if (tables.Count == 0)
        {
            string why = found.Files.Count == 0 ? none
                : found.Files.Count == 1 ? $"its only file, {List([.. noRows, .. notData])}, {(noRows.Count > 0 ? "holds no rows of runs" : "is not a table of runs")}."
                : noRows.Count > 0 ? $"none of the {found.Files.Count} files holds rows of runs ({List(noRows)} hold none{(notData.Count > 0 ? $"; {List(notData)} are not data" : "")})."
                : $"none of the {found.Files.Count} files is a table of runs ({List(notData)}).";
            throw new DataException(found.Hidden > 0 ? $"{why.TrimEnd('.')} ({found.Hidden} hidden, skipped)." : why, source);
        }
        var notes = new List<string> { $"read {Files(tables.Count)} in order of their paths" };
        if (notData.Count > 0) notes.Add($"skipped {Files(notData.Count)} that {(notData.Count == 1 ? "is" : "are")} not data: {List(notData)}");
        if (noRows.Count > 0) notes.Add($"skipped {Files(noRows.Count)} with no rows (empty, or a header only): {List(noRows)}");
        if (found.Hidden > 0) notes.Add($"skipped {(found.Hidden == 1 ? "1 hidden file" : $"{found.Hidden} hidden files")} (a name or folder starting with '.')");
        return RawTables.Concatenate(source, root, tables, FileColumn, notes);
    }

    private static string Files(int count) => count == 1 ? "1 file" : $"{count} files";

    private static string List(List<string> files) => string.Join(", ", files.Take(5)) + (files.Count > 5 ? ", ..." : "");

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

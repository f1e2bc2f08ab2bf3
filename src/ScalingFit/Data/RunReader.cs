using System.Text;

namespace ScalingFit.Data;

/// <summary>
/// Reads training runs in any format the tool knows, recognised by content rather than extension:
/// CSV/TSV, JSON Lines, JSON (records, columns, split, table, or one record), Parquet, any of these
/// gzip-compressed, and folders or globs of such files concatenated in a stable order with the file
/// name as a column. Nested JSON is flattened to dotted names as pandas.json_normalize does.
/// </summary>
public static class RunReader
{
    /// <summary>Reads runs from a stream (a file, standard input, memory).</summary>
    /// <param name="stream">The input; read from its current position.</param>
    /// <param name="source">The name used for the input in messages.</param>
    /// <param name="options">Column, unit and layout choices; null for the defaults.</param>
    /// <exception cref="DataException">The input is not a table of runs, or is malformed.</exception>
    public static RunSet Read(Stream stream, string source, RunReadOptions? options = null)
    {
        options ??= RunReadOptions.Default;
        var table = TableReader.Read(stream, source, ColumnResolver.NumbersOnly(options));
        return RunTable.ToRuns(options.Wide ? WideLayout.Melt(table) : table, options);
    }

    /// <summary>Reads runs from text (any text format).</summary>
    public static RunSet Parse(string text, string source = "<text>", RunReadOptions? options = null) =>
        Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), source, options);

    /// <summary>Reads runs from a file, a folder (every file in it, recursively, by path) or a glob (runs/*.json, logs/**/*.jsonl).</summary>
    /// <exception cref="DataException">Nothing matches, a file cannot be read, or its content is not a table of runs.</exception>
    public static RunSet ReadPath(string path, RunReadOptions? options = null)
    {
        options ??= RunReadOptions.Default;
        var table = InputFiles.Read(path, ColumnResolver.NumbersOnly(options));
        return RunTable.ToRuns(options.Wide ? WideLayout.Melt(table) : table, options);
    }
}

using System.Text;

namespace ScalingFit.Data;

/// <summary>
/// Reads training runs from CSV (CsvHelper 34; also TSV and semicolon-separated): finds N, D, C and
/// loss by name or alias and keeps every column. Numbers are read with the invariant culture
/// (decimal point) whatever the machine's locale; integers beyond 64 bits are read as doubles.
/// Cells are validated when used (see <see cref="RunSet"/>). <see cref="RunReader"/> reads any format.
/// </summary>
public static class CsvRunReader
{
    /// <summary>Reads runs from UTF-8 CSV in a stream.</summary>
    /// <param name="stream">The CSV input, header first.</param>
    /// <param name="source">The name used for the input in messages, e.g. the file's path.</param>
    /// <param name="options">Column choices; null for the defaults.</param>
    /// <exception cref="DataException">The input is empty, ragged, has no loss column or two columns for one quantity.</exception>
    public static RunSet Read(Stream stream, string source, RunReadOptions? options = null) =>
        RunTable.ToRuns(CsvTableReader.Read(stream, source, ColumnResolver.NumbersOnly(options ?? RunReadOptions.Default)), options ?? RunReadOptions.Default);

    /// <summary>Reads runs from CSV text.</summary>
    /// <inheritdoc cref="Read(Stream, string, RunReadOptions?)"/>
    public static RunSet Read(TextReader text, string source, RunReadOptions? options = null) =>
        RunTable.ToRuns(CsvTableReader.Read(text, source, ColumnResolver.NumbersOnly(options ?? RunReadOptions.Default)), options ?? RunReadOptions.Default);

    /// <summary>Reads runs from a string holding CSV.</summary>
    public static RunSet Parse(string csv, string source = "<text>", RunReadOptions? options = null) =>
        Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), source, options);
}

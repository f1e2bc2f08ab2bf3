using System.Globalization;
using CsvHelper;

namespace ScalingFit.Data;

/// <summary>
/// Reads training runs from CSV (CsvHelper 34): finds N, D, C and loss by name or alias, keeps the
/// other columns as text, and reports malformed input with its line and column. Numbers are read
/// with the invariant culture (decimal point) whatever the machine's locale; integers beyond 64 bits
/// are read as doubles.
/// </summary>
public static class CsvRunReader
{
    /// <summary>Reads runs from UTF-8 CSV in a stream.</summary>
    /// <param name="stream">The CSV input, header first.</param>
    /// <param name="source">The name used for the input in messages, e.g. the file's path.</param>
    /// <param name="options">Column choices; null for the defaults.</param>
    /// <exception cref="DataException">The input is empty, ragged or has a malformed number.</exception>
    public static RunSet Read(Stream stream, string source, RunReadOptions? options = null)
    {
        using var reader = CsvReader.Create(stream, ReaderOptions, leaveOpen: true);
        return Read(reader, source, options ?? RunReadOptions.Default);
    }

    /// <summary>Reads runs from CSV text.</summary>
    /// <inheritdoc cref="Read(Stream, string, RunReadOptions?)"/>
    public static RunSet Read(TextReader text, string source, RunReadOptions? options = null)
    {
        using var reader = CsvReader.Create(text, ReaderOptions, leaveOpen: true);
        return Read(reader, source, options ?? RunReadOptions.Default);
    }

    /// <summary>Reads runs from a string holding CSV.</summary>
    public static RunSet Parse(string csv, string source = "<text>", RunReadOptions? options = null) =>
        Read(new StringReader(csv), source, options);

    private static CsvReaderOptions ReaderOptions => new()
    {
        HasHeader = true,
        TrackLineNumbers = true,
        TrimWhitespace = true,
        SkipEmptyLines = true,
        PoolStrings = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private static RunSet Read(CsvReader reader, string source, RunReadOptions options)
    {
        try
        {
            return ReadRecords(reader, source, options);
        }
        catch (CsvFormatException e)
        {
            throw new DataException($"the CSV is malformed: {e.Message}", source, e.LineNumber > 0 ? e.LineNumber : null);
        }
    }

    private static RunSet ReadRecords(CsvReader reader, string source, RunReadOptions options)
    {
        reader.ReadHeader();
        var header = reader.Headers.Select(h => h.Trim()).ToArray();
        if (header.Length == 0 || header.All(h => h.Length == 0))
            throw new DataException("the file is empty; expected a header row and at least one row of runs.", source);

        var (index, notes) = ColumnResolver.Resolve(header, options, source);
        var textIndex = Enumerable.Range(0, header.Length).Where(i => !index.Contains(i)).ToArray();
        var values = index.Select(i => i < 0 ? null : new List<double>()).ToArray();
        var text = textIndex.Select(_ => new List<string>()).ToArray();
        var lines = new List<long>();
        int incomplete = 0;

        while (reader.Read())
        {
            long line = reader.LineNumber;
            if (reader.FieldCount != header.Length)
                throw new DataException(
                    $"the row has {reader.FieldCount} fields but the header has {header.Length}.", source, line);
            if (!ReadQuantities(reader, index, values, header, source, line, options.DropIncompleteRows))
            {
                incomplete++;
                continue;
            }
            for (int t = 0; t < textIndex.Length; t++) text[t].Add(reader.GetString(textIndex[t]));
            lines.Add(line);
        }

        if (lines.Count == 0)
            throw new DataException(
                incomplete > 0
                    ? $"all {incomplete} rows have an empty N, D, C or loss cell."
                    : "the file has a header but no rows of runs.", source);
        if (index[(int)Quantity.Loss] < 0)
            throw new DataException(
                "no loss column: looked for " + string.Join(", ", Quantity.Loss.Aliases().Select(a => $"'{a}'")) +
                " (case-insensitive). Name the column with --loss-column.", source, 1);

        var origins = index.Select(i => i < 0 ? null : ColumnOrigin.Read(header[i])).ToArray();
        if (incomplete > 0) notes.Add($"dropped {incomplete} rows with an empty N, D, C or loss cell");
        var columns = new TextColumns(textIndex.Select(i => header[i]).ToArray(), text.Select(t => t.ToArray()).ToArray());
        return new RunSet(source, values.Select(v => v?.ToArray()).ToArray(), origins, columns, lines.ToArray(), notes);
    }

    /// <summary>Parses the quantity cells of the current row; false when one is empty and such rows are dropped.</summary>
    private static bool ReadQuantities(
        CsvReader reader, int[] index, List<double>?[] values, string[] header, string source, long line, bool dropIncomplete)
    {
        Span<double> parsed = stackalloc double[index.Length];
        for (int q = 0; q < index.Length; q++)
        {
            int i = index[q];
            if (i < 0) continue;
            // .NET's invariant parser rather than CsvHelper's, which accepts thousands separators
            // and would read the decimal comma of "2,5" as 25.
            if (double.TryParse(reader.GetSpan(i), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                parsed[q] = v;
                continue;
            }
            if (reader.IsEmpty(i))
            {
                if (dropIncomplete) return false;
                throw new DataException(
                    "the cell is empty; every run needs a value here (or pass --drop-incomplete to skip such rows).",
                    source, line, header[i]);
            }
            throw NotANumber(reader.GetString(i), source, line, header[i]);
        }
        for (int q = 0; q < index.Length; q++) values[q]?.Add(parsed[q]);
        return true;
    }

    private static DataException NotANumber(string cell, string source, long line, string column)
    {
        string hint = cell.Contains(',') && double.TryParse(cell, NumberStyles.Float, CultureInfo.GetCultureInfo("de-DE"), out _)
            ? " It looks like a decimal comma: numbers must use a decimal point (1.5, not 1,5), whatever the machine's locale."
            : "";
        return new DataException($"'{cell}' is not a number.{hint}", source, line, column);
    }
}

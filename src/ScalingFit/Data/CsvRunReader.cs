using System.Globalization;
using System.Runtime.CompilerServices;
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
        return Read(reader, stream, source, options ?? RunReadOptions.Default);
    }

    /// <summary>Reads runs from CSV text.</summary>
    /// <inheritdoc cref="Read(Stream, string, RunReadOptions?)"/>
    public static RunSet Read(TextReader text, string source, RunReadOptions? options = null)
    {
        using var reader = CsvReader.Create(text, ReaderOptions, leaveOpen: true);
        return Read(reader, null, source, options ?? RunReadOptions.Default);
    }

    /// <summary>Reads runs from a string holding CSV.</summary>
    public static RunSet Parse(string csv, string source = "<text>", RunReadOptions? options = null) =>
        Read(new StringReader(csv), source, options);

    private static CsvReaderOptions ReaderOptions => new()
    {
        HasHeader = true,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        PoolStrings = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private static RunSet Read(CsvReader reader, Stream? stream, string source, RunReadOptions options)
    {
        try
        {
            return ReadRecords(reader, stream, source, options);
        }
        catch (CsvFormatException e)
        {
            throw new DataException($"the CSV is malformed: {e.Message}", source, e.LineNumber > 0 ? e.LineNumber : null);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RunSet ReadRecords(CsvReader reader, Stream? stream, string source, RunReadOptions options)
    {
        reader.ReadHeader();
        var header = reader.Headers.Select(h => h.Trim()).ToArray();
        if (header.Length == 0 || header.All(h => h.Length == 0))
            throw new DataException("the file is empty; expected a header row and at least one row of runs.", source);

        var (index, notes) = ColumnResolver.Resolve(header, options, source);
        var textIndex = Enumerable.Range(0, header.Length).Where(i => !index.Contains(i)).ToArray();
        var values = index.Select(i => i < 0 ? null : new ColumnBuilder<double>(SizingSample)).ToArray();
        var text = textIndex.Select(_ => new TextColumn.Builder(256)).ToArray();
        var lines = new ColumnBuilder<int>(SizingSample);
        int incomplete = 0;

        while (reader.Read())
        {
            int line = (int)Math.Min(int.MaxValue, reader.LineNumber);
            if (lines.Count == SizingSample && stream?.CanSeek == true)
                Reserve(stream.Length, reader.ByteOffset, values, text, lines);
            if (reader.FieldCount != header.Length)
                throw new DataException(
                    $"the row has {reader.FieldCount} fields but the header has {header.Length}.", source, line);
            if (!ReadQuantities(reader, index, values, header, source, line, options.DropIncompleteRows))
            {
                incomplete++;
                continue;
            }
            for (int t = 0; t < textIndex.Length; t++) text[t].Add(reader.GetSpan(textIndex[t]).Trim(Blanks));
            lines.Add(line);
        }

        if (lines.Count == 0)
            throw new DataException(
                incomplete > 0
                    ? $"all {incomplete} rows have an empty N, D, C or loss cell."
                    : "the file has a header but no rows of runs.", source);
        if (options.RequireLoss && index[(int)Quantity.Loss] < 0)
            throw new DataException(
                "no loss column: looked for " + string.Join(", ", Quantity.Loss.Aliases().Select(a => $"'{a}'")) +
                " (case-insensitive). Name the column with --loss-column.", source, 1);

        var origins = index.Select(i => i < 0 ? null : ColumnOrigin.Read(header[i])).ToArray();
        if (incomplete > 0) notes.Add($"dropped {incomplete} rows with an empty N, D, C or loss cell");
        var columns = new TextColumns(textIndex.Select(i => header[i]).ToArray(), text.Select(t => t.Build()).ToArray());
        return new RunSet(source, lines.Count, values.Select(v => v?.Array).ToArray(), origins, columns, lines.Array, notes);
    }

    private const int SizingSample = 1024;

    /// <summary>
    /// Sizes the column buffers for the whole input once the first rows show how long a row is,
    /// so a million-row file does not regrow and copy its columns twenty times.
    /// </summary>
    private static void Reserve(long length, long offset, ColumnBuilder<double>?[] values, TextColumn.Builder[] text, ColumnBuilder<int> lines)
    {
        if (offset <= 0) return;
        int rows = (int)Math.Min(Array.MaxLength - 1, length * 1.05 * lines.Count / offset + 16);
        foreach (var v in values) v?.EnsureCapacity(rows);
        lines.EnsureCapacity(rows);
        foreach (var t in text) t.EnsureCapacity(rows);
    }

    /// <summary>Parses the quantity cells of the current row; false when one is empty and such rows are dropped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ReadQuantities(
        CsvReader reader, int[] index, ColumnBuilder<double>?[] values, string[] header, string source, int line, bool dropIncomplete)
    {
        Span<double> parsed = stackalloc double[index.Length];
        for (int q = 0; q < index.Length; q++)
        {
            int i = index[q];
            if (i < 0) continue;
            // CsvHelper's parser accepts thousands separators and would read the decimal comma of
            // "2,5" as 25; a cell with a comma is never a number here. (It is 4x faster than .NET's.)
            var cell = reader.GetSpan(i);
            if (cell.IndexOf((byte)',') < 0 && (reader.TryParse<double>(i, out var v) || TryParseTrimmed(cell, out v)))
            {
                parsed[q] = v;
                continue;
            }
            if (cell.Trim(Blanks).IsEmpty)
            {
                if (dropIncomplete) return false;
                throw new DataException(
                    "the cell is empty; every run needs a value here (or pass --drop-incomplete to skip such rows).",
                    source, line, header[i]);
            }
            throw NotANumber(reader.GetString(i).Trim(), source, line, header[i]);
        }
        for (int q = 0; q < index.Length; q++) values[q]?.Add(parsed[q]);
        return true;
    }

    private static ReadOnlySpan<byte> Blanks => " \t"u8;

    /// <summary>A number with spaces or tabs around it (" 2.5"); the reader does not trim, for speed.</summary>
    private static bool TryParseTrimmed(ReadOnlySpan<byte> cell, out double value) =>
        double.TryParse(cell.Trim(Blanks), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static DataException NotANumber(string cell, string source, int line, string column)
    {
        string hint = cell.Contains(',') && double.TryParse(cell, NumberStyles.Float, CultureInfo.GetCultureInfo("de-DE"), out _)
            ? " It looks like a decimal comma: numbers must use a decimal point (1.5, not 1,5), whatever the machine's locale."
            : "";
        return new DataException($"'{cell}' is not a number.{hint}", source, line, column);
    }
}

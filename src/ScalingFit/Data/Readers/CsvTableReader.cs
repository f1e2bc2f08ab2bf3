using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace ScalingFit.Data;

/// <summary>
/// Reads delimited text (CSV, TSV, semicolon- or pipe-separated; the separator is detected by
/// CsvHelper 34 from the first lines) into a <see cref="RawTable"/>: header first, every cell kept,
/// nothing validated but the shape of the table and the text encoding.
/// </summary>
internal static class CsvTableReader
{
    private static CsvReaderOptions Options => new()
    {
        HasHeader = true,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        PoolStrings = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <exception cref="DataException">The input is empty, ragged, malformed or not UTF-8.</exception>
    public static RawTable Read(Stream stream, string source, Func<string, bool>? numbersOnly = null, IRowSink? sink = null)
    {
        using var reader = CsvReader.Create(stream, Options, leaveOpen: true);
        return Read(reader, stream.CanSeek ? stream.Length : -1, source, numbersOnly, sink);
    }

    public static RawTable Read(TextReader text, string source, Func<string, bool>? numbersOnly = null)
    {
        using var reader = CsvReader.Create(text, Options, leaveOpen: true);
        return Read(reader, -1, source, numbersOnly, null);
    }

    private static RawTable Read(CsvReader reader, long length, string source, Func<string, bool>? numbersOnly, IRowSink? sink)
    {
        try
        {
            return ReadRecords(reader, length, source, numbersOnly, sink);
        }
        catch (CsvFormatException e)
        {
            throw new DataException($"the CSV is malformed: {e.Message}", source, e.LineNumber > 0 ? e.LineNumber : null);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RawTable ReadRecords(CsvReader reader, long length, string source, Func<string, bool>? numbersOnly, IRowSink? sink)
    {
        reader.ReadHeader();
        var header = reader.Headers.Select(h => h.Trim()).ToArray();
        if (header.Length == 0 || header.All(h => h.Length == 0))
            throw new DataException("the file is empty; expected a header row and at least one row of runs.", source) { HoldsNoRows = true };
        for (int i = 0; i < header.Length; i++)
        {
            if (header[i].Contains('\uFFFD', StringComparison.Ordinal))
                throw new DataException("the header is not UTF-8 text; save the file as UTF-8.", source, 1, header[i]);
            if (header[i].Length == 0) header[i] = $"Unnamed: {i}";
        }
        Headers.RequireDistinct(header, source);

        var table = new TableBuilder(source, RowLocator.Line, numbersOnly: numbersOnly, sink: sink);
        foreach (var name in header) table.Column(name);
        while (reader.Read())
        {
            int line = (int)Math.Min(int.MaxValue, reader.LineNumber);
            if (table.Count == SizingSample && length > 0 && reader.ByteOffset > 0)
                table.EnsureCapacity((int)Math.Min(Array.MaxLength - 1, length * 1.05 * table.Count / reader.ByteOffset + 16));
            if (reader.FieldCount != header.Length)
                throw new DataException(
                    $"the row has {reader.FieldCount} fields but the header has {header.Length}" +
                    (reader.FieldCount > header.Length ? " (a separator inside an unquoted cell? quote cells that contain one)." : "."),
                    source, line);
            for (int c = 0; c < header.Length; c++) AddCell(reader, table[c], c, source, line, header[c]);
            table.EndFullRow(line);
        }
        if (table.Total == 0)
            throw new DataException("the file has a header but no rows of runs.", source) { HoldsNoRows = true };
        return table.Build();
    }

    private const int SizingSample = 1024;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddCell(CsvReader reader, CellColumn.Builder column, int c, string source, int line, string name)
    {
        var cell = reader.GetSpan(c);
        // CsvHelper's parser (4x faster than .NET's) accepts thousands separators and would read the
        // decimal comma of "2,5" as 25: a cell with a comma goes the slow way, and is not a number.
        if (!column.IsText && cell.IndexOf((byte)',') < 0 && reader.TryParse<double>(c, out var v) && double.IsFinite(v))
        {
            column.AddNumber(v, cell);
            return;
        }
        if (!Utf8.IsValid(cell))
            throw new DataException(
                $"the cell is not UTF-8 text (byte 0x{FirstInvalid(cell):X2}); save the file as UTF-8.", source, line, name);
        column.AddCell(cell);
    }

    private static byte FirstInvalid(ReadOnlySpan<byte> cell)
    {
        var chars = new char[cell.Length];
        Utf8.ToUtf16(cell, chars, out int read, out _, replaceInvalidSequences: false);
        return read < cell.Length ? cell[read] : (byte)0;
    }

    /// <summary>Text for tests and messages.</summary>
    public static RawTable Parse(string csv, string source) => Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), source);
}

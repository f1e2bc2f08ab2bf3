using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ScalingFit.Data;

/// <summary>
/// Reads a JSON document into a <see cref="RawTable"/>, in the layouts pandas to_json writes and
/// those logging tools use: an array of records (orient="records"), an object of columns (the
/// default orient="columns", as {"col": {"0": v, ...}} or {"col": [v, ...]}), an object of rows
/// (orient="index"), "split" ({"columns", "data"}) and "table" ({"schema", "data"}); any other
/// object is one record. Records are flattened to dotted names as pandas.json_normalize does.
/// </summary>
internal static class JsonTableReader
{
    /// <exception cref="DataException">The JSON is malformed or holds no records.</exception>
    public static RawTable Read(byte[] json, string source, Func<string, bool>? numbersOnly = null, IRowSink? sink = null)
    {
        var span = json.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        if (!System.Text.Unicode.Utf8.IsValid(span))
            throw new DataException("the JSON is not UTF-8 text; save the file as UTF-8.", source);
        // Python's json.dump writes NaN and Infinity (a diverged run's loss): quoted, they read as those numbers.
        List<int>? inserted = null;
        if ((span.IndexOf("NaN"u8) >= 0 || span.IndexOf("Infinity"u8) >= 0) && JsonLiterals.Quote(span, out var quotes) is { } quoted)
        {
            json = quoted;
            span = quoted;
            inserted = quotes;
        }
        int first = span.IndexOfAnyExcept(CellColumn.Blanks);
        try
        {
            return first >= 0 && span[first] == (byte)'['
                ? ReadRecords(span, source, numbersOnly, sink)
                : JsonObjectLayouts.Read(JsonDocument.Parse(json.AsMemory(json.Length - span.Length), Options), source, numbersOnly, sink);
        }
        catch (JsonException e)
        {
            long line = e.LineNumber ?? 0, position = e.BytePositionInLine ?? 0;
            if (inserted is not null) position = OriginalPosition(span, line, position, inserted);
            throw new DataException(
                $"the JSON is malformed at character {position + 1}: {JsonErrors.Describe(e)}", source, line + 1);
        }
    }

    /// <summary>
    /// Whether a document that starts with an object is JSON Lines: its first line is a whole object
    /// and the next non-blank line starts another. (The format sniffer decides this from the first
    /// bytes; a first line longer than those, a run summary with many keys, is decided here.)
    /// </summary>
    public static bool IsJsonLines(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith("\uFEFF"u8)) json = json[3..];
        int first = json.IndexOfAnyExcept(CellColumn.Blanks);
        if (first < 0 || json[first] != (byte)'{') return false;
        int newline = json[first..].IndexOf((byte)'\n');
        if (newline < 0) return false;
        var rest = json[(first + newline + 1)..].TrimStart(CellColumn.Blanks);
        return !rest.IsEmpty && rest[0] == (byte)'{' && FormatSniffer.IsWholeObject(json.Slice(first, newline).TrimEnd(CellColumn.Blanks));
    }

    /// <summary>A 0-based position in a line of the rewritten document as the position in the original line.</summary>
    private static long OriginalPosition(ReadOnlySpan<byte> rewritten, long line, long position, List<int> inserted)
    {
        int start = 0;
        for (long l = 0; l < line && start < rewritten.Length; l++)
        {
            int next = rewritten[start..].IndexOf((byte)'\n');
            if (next < 0) break;
            start += next + 1;
        }
        return JsonLiterals.Original(start + position, inserted) - JsonLiterals.Original(start, inserted);
    }

    private static JsonDocumentOptions Options => new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 };

    /// <summary>[{...}, {...}]: each element a record, streamed; each row keeps the line its record starts on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RawTable ReadRecords(ReadOnlySpan<byte> json, string source, Func<string, bool>? numbersOnly, IRowSink? sink)
    {
        var table = new TableBuilder(source, RowLocator.Line, numbersOnly: numbersOnly, sink: sink);
        var records = new JsonRecordReader(table);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256,
        });
        reader.Read();
        long line = 1, counted = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            line += json[(int)counted..(int)reader.TokenStartIndex].Count((byte)'\n');
            counted = reader.TokenStartIndex;
            if (reader.TokenType == JsonTokenType.StartArray)
                throw new DataException(
                    "the JSON is an array of arrays, which has no column names; write records (pandas: to_json(orient=\"records\")).",
                    source, line);
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new DataException(
                    $"the JSON array holds a {JsonLinesTableReader.Describe(reader.TokenType)}, not a record (an object).", source, line);
            records.ReadRecord(ref reader, line);
            table.EndRow((int)Math.Min(int.MaxValue, line));
        }
        if (table.Total == 0) throw new DataException("the JSON array holds no records.", source) { HoldsNoRows = true };
        return table.Build();
    }
}

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
        int first = span.IndexOfAnyExcept(CellColumn.Blanks);
        if (!System.Text.Unicode.Utf8.IsValid(span))
            throw new DataException("the JSON is not UTF-8 text; save the file as UTF-8.", source);
        try
        {
            return first >= 0 && span[first] == (byte)'['
                ? ReadRecords(span, source, numbersOnly, sink)
                : JsonObjectLayouts.Read(JsonDocument.Parse(json.AsMemory(json.Length - span.Length), Options), source, numbersOnly, sink);
        }
        catch (JsonException e)
        {
            throw new DataException(
                $"the JSON is malformed at character {e.BytePositionInLine + 1}: {JsonErrors.Describe(e)}", source, (e.LineNumber ?? 0) + 1);
        }
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
        if (table.Total == 0) throw new DataException("the JSON array holds no records.", source);
        return table.Build();
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ScalingFit.Data;

/// <summary>
/// Reads JSON Lines (one JSON object per line, as W&amp;B extractions and pandas
/// to_json(orient="records", lines=True) write) with System.Text.Json's streaming
/// <see cref="Utf8JsonReader"/>, one line at a time from a reused buffer, into a
/// <see cref="RawTable"/>. Blank lines are skipped; each row keeps its line.
/// </summary>
internal static class JsonLinesTableReader
{
    private const int BlockSize = 1 << 20;

    /// <exception cref="DataException">A line is not a JSON object, or the input has no records.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RawTable Read(Stream stream, string source, Func<string, bool>? numbersOnly = null, IRowSink? sink = null)
    {
        var table = new TableBuilder(source, RowLocator.Line, numbersOnly: numbersOnly, sink: sink);
        var records = new JsonRecordReader(table);
        long length = stream.CanSeek ? stream.Length - stream.Position : -1;
        long consumedBytes = 0;
        var buffer = new byte[length is >= 0 and < BlockSize ? (int)length + 1 : BlockSize];
        int start = 0, end = 0, line = 0;
        bool final = false;
        while (true)
        {
            int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (final)
                {
                    if (end > start) ReadLine(buffer.AsSpan(start, end - start), ++line, table, records);
                    break;
                }
                (start, end, final) = Refill(stream, ref buffer, start, end, ref consumedBytes);
                continue;
            }
            ReadLine(buffer.AsSpan(start, newline), ++line, table, records);
            start += newline + 1;
            if (table.Count == 1024 && length > 0)
                table.EnsureCapacity((int)Math.Min(Array.MaxLength - 1, length * 1.05 * 1024 / (consumedBytes - (end - start)) + 16));
        }
        if (table.Total == 0)
            throw new DataException("the file has no records (JSON Lines: one JSON object per line).", source) { HoldsNoRows = true };
        return table.Build();
    }

    private static (int Start, int End, bool Final) Refill(Stream stream, ref byte[] buffer, int start, int end, ref long consumed)
    {
        int pending = end - start;
        if (pending == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        buffer.AsSpan(start, pending).CopyTo(buffer);
        int read = stream.ReadAtLeast(buffer.AsSpan(pending), buffer.Length - pending, throwOnEndOfStream: false);
        consumed += read;
        return (0, pending + read, read < buffer.Length - pending);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadLine(ReadOnlySpan<byte> text, int line, TableBuilder table, JsonRecordReader records)
    {
        if (line == 1 && text.StartsWith("\uFEFF"u8)) text = text[3..];
        if (text.Trim(CellColumn.Blanks).IsEmpty) return;
        // Python's json.dump writes NaN and Infinity (a diverged run's loss): quoted, they read as those numbers.
        List<int>? inserted = null;
        if ((text.IndexOf("NaN"u8) >= 0 || text.IndexOf("Infinity"u8) >= 0) && JsonLiterals.Quote(text, out var quotes) is { } quoted)
        {
            text = quoted;
            inserted = quotes;
        }
        var reader = new Utf8JsonReader(text, Options);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new DataException(
                    $"the line holds a JSON {Describe(reader.TokenType)}, not an object; JSON Lines has one record (an object) per line.",
                    table.Source, line);
            records.ReadRecord(ref reader, line);
            if (reader.Read())
                throw new DataException("the line holds more than one JSON value; JSON Lines has one record per line.", table.Source, line);
        }
        catch (JsonException e)
        {
            long position = inserted is null ? e.BytePositionInLine ?? 0 : JsonLiterals.Original(e.BytePositionInLine ?? 0, inserted);
            throw new DataException(
                $"the line is not valid JSON at character {position + 1}: {JsonErrors.Describe(e)}", table.Source, line);
        }
        table.EndRow(line);
    }

    /// <summary>As the JSON document reader: comments skipped, a trailing comma allowed.</summary>
    private static JsonReaderOptions Options => new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => "value",
    };
}

/// <summary>Messages for malformed JSON, without the reader's internal wording about byte positions.</summary>
internal static class JsonErrors
{
    public static string Describe(JsonException e)
    {
        string message = e.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        message = message.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        if (message.Contains("'N'", StringComparison.Ordinal) || message.Contains("'T'", StringComparison.Ordinal)
            || message.Contains("'F'", StringComparison.Ordinal) || message.Contains("'''", StringComparison.Ordinal))
            message += " (None, True, False and single quotes are Python's repr, not JSON: write the records with json.dumps)";
        else if (message.Contains("'n'", StringComparison.Ordinal) || message.Contains("'i'", StringComparison.Ordinal) || message.Contains("'I'", StringComparison.Ordinal))
            message += " (write a missing value as null, and NaN or Infinity as Python's json module does)";
        return message.TrimEnd('.') + ".";
    }
}

namespace ScalingFit.Data;

/// <summary>
/// Reads a table of runs from a stream whatever its format, recognised by content
/// (<see cref="FormatSniffer"/>), not by the file's extension: CSV/TSV, JSON Lines, JSON, Parquet,
/// and any of them gzip-compressed. Inputs that are not tables stop with what they look like.
/// </summary>
internal static class TableReader
{
    /// <exception cref="DataException">The input is not a table of runs, or is malformed.</exception>
    public static RawTable Read(Stream stream, string source, Func<string, bool>? numbersOnly = null, int depth = 0, IRowSink? sink = null)
    {
        // A small file needs no 8 KB (a folder holds thousands); a length of 0 may be a special file (/proc) that still has content.
        var head = new byte[stream.CanSeek && stream.Length - stream.Position is > 0 and var left && left < FormatSniffer.SniffLength ? (int)left : FormatSniffer.SniffLength];
        long start = stream.CanSeek ? stream.Position : 0;
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var format = FormatSniffer.Detect(head.AsSpan(0, read), out string? what);
        // A file is read again from its start (its length sizes the columns); a pipe, after the sniffed bytes.
        Stream input = stream.CanSeek ? Rewind(stream, start) : new PrefixedStream(head.AsMemory(0, read), stream);
        switch (format)
        {
            case InputFormat.Gzip when depth == 0:
                return GzipInput.Read(input, source, inner => Read(inner, source, numbersOnly, depth + 1, sink));
            case InputFormat.Csv:
                return CsvTableReader.Read(input, source, numbersOnly, sink);
            case InputFormat.JsonLines:
                return JsonLinesTableReader.Read(input, source, numbersOnly, sink);
            case InputFormat.Json:
                var json = ReadAll(input);
                return JsonTableReader.IsJsonLines(json)
                    ? JsonLinesTableReader.Read(new MemoryStream(json, writable: false), source, numbersOnly, sink)
                    : JsonTableReader.Read(json, source, numbersOnly, sink);
            case InputFormat.Parquet:
                return ParquetTableReader.Read(input, source, sink);
            default:
                throw new DataException(FormatSniffer.Refusal(format == InputFormat.Gzip ? InputFormat.OtherBinary : format, what), source)
                {
                    HoldsNoRows = format == InputFormat.Empty,
                };
        }
    }

    private static Stream Rewind(Stream stream, long start)
    {
        stream.Position = start;
        return stream;
    }

    private static byte[] ReadAll(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position is var length and > 0 and < int.MaxValue)
        {
            var bytes = new byte[length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}

/// <summary>A read-only stream that counts the bytes read through it.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public long Count { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        Count += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A stream that yields bytes already read (the sniffed head) before the rest of another stream.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> _prefix = prefix;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_prefix.IsEmpty) return rest.Read(buffer);
        int n = Math.Min(buffer.Length, _prefix.Length);
        _prefix.Span[..n].CopyTo(buffer);
        _prefix = _prefix[n..];
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

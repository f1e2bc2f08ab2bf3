using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace ScalingFit.Data;

/// <summary>
/// Reads gzip-compressed input, one member or several concatenated (cat a.gz b.gz, pigz, bgzip:
/// GZipStream reads them all), and refuses a truncated file: .NET's GZipStream ends quietly with
/// part of the data when the input stops early, so a file's own trailer is checked (RFC 1952,
/// section 2.3.1: CRC-32 and ISIZE, the size mod 2^32, of the last member).
/// </summary>
internal static class GzipInput
{
    /// <exception cref="DataException">The gzip data is damaged or truncated, or its content cannot be read.</exception>
    public static RawTable Read(Stream input, string source, Func<Stream, RawTable> read)
    {
        var trailer = Trailer.Of(input);
        using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        var counted = new CountingStream(gzip);
        RawTable table;
        try
        {
            table = read(counted);
            counted.CopyTo(Stream.Null);
        }
        catch (InvalidDataException e)
        {
            throw Damaged(source, e.Message.TrimEnd('.'));
        }
        catch (DataException) when (trailer is { } t && !Intact(input, t, Drained(counted)))
        {
            // The content looked malformed because the data stops early: say that instead.
            throw Damaged(source, "it decompresses to fewer bytes than its trailer says");
        }
        if (trailer is { } t2 && !Intact(input, t2, counted.Count))
            throw Damaged(source, "its data does not match its trailer; is the file cut short?");
        return table;
    }

    private static DataException Damaged(string source, string why) =>
        new($"the gzip data is damaged or truncated ({why}).", source);

    /// <summary>
    /// Whether the decompressed data ends with the last member the trailer describes: its size
    /// (one member: the whole data), or, for concatenated members, its last ISIZE bytes with the
    /// trailer's CRC-32 (read again; only for such files).
    /// </summary>
    private static bool Intact(Stream input, Trailer trailer, long total)
    {
        if ((total & 0xFFFFFFFF) == trailer.Size) return true;
        if (trailer.Size > total) return false;
        input.Position = trailer.Start;
        using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        var buffer = new byte[1 << 16];
        long skip = total - trailer.Size;
        var crc = new Crc32();
        long hashed = 0;
        int n;
        while ((n = gzip.Read(buffer)) > 0)
        {
            int from = (int)Math.Clamp(skip, 0, n);
            skip -= from;
            crc.Append(buffer.AsSpan(from, n - from));
            hashed += n - from;
        }
        return hashed == trailer.Size && crc.GetCurrentHashAsUInt32() == trailer.Crc;
    }

    private static long Drained(CountingStream counted)
    {
        try
        {
            counted.CopyTo(Stream.Null);
        }
        catch (InvalidDataException)
        {
        }
        return counted.Count;
    }

    /// <summary>The last 8 bytes of a seekable gzip file: CRC-32 and ISIZE of its last member.</summary>
    private readonly record struct Trailer(long Start, uint Crc, uint Size)
    {
        public static Trailer? Of(Stream input)
        {
            if (!input.CanSeek || input.Length - input.Position < 18) return null;
            long start = input.Position;
            Span<byte> bytes = stackalloc byte[8];
            input.Position = input.Length - 8;
            input.ReadExactly(bytes);
            input.Position = start;
            return new Trailer(start, BinaryPrimitives.ReadUInt32LittleEndian(bytes), BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]));
        }
    }
}

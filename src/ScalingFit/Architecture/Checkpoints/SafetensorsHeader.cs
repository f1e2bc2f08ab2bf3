using System.Buffers.Binary;
using System.Text.Json;

namespace ScalingFit.Architecture;

/// <summary>
/// Reads the header of a .safetensors file and nothing else: 8 bytes of little-endian header
/// length N, then N bytes of JSON mapping each tensor's name to its dtype, shape and data_offsets
/// (begin and end, relative to the data after the header); "__metadata__" holds strings. The tensor
/// data that follows is never read.
/// </summary>
public static class SafetensorsHeader
{
    /// <summary>The largest header the format allows (100 MB, as the safetensors library enforces).</summary>
    public const long MaximumHeaderLength = 100_000_000;

    /// <summary>The tensors a header lists, in header order.</summary>
    /// <param name="stream">The file, positioned at its start; only the header is read.</param>
    /// <param name="length">The file's length in bytes.</param>
    /// <param name="file">The name used for the file in messages.</param>
    /// <exception cref="CheckpointException">The header is truncated, runs past the file, is not valid JSON, or describes a tensor badly.</exception>
    public static IReadOnlyList<TensorEntry> Read(Stream stream, long length, string file)
    {
        Span<byte> prefix = stackalloc byte[8];
        if (length < 8 || ReadFully(stream, prefix) < 8)
            throw new CheckpointException($"truncated: {length} bytes, fewer than the 8 that give the header's length.", file);
        ulong declared = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (declared > (ulong)(length - 8))
            throw new CheckpointException($"the header's length {declared} runs past the end of the file ({length - 8} bytes follow the length).", file);
        if (declared > MaximumHeaderLength)
            throw new CheckpointException($"the header's length {declared} is more than the {MaximumHeaderLength} bytes the format allows.", file);
        var header = new byte[(int)declared];
        if (ReadFully(stream, header) < header.Length)
            throw new CheckpointException($"truncated: the header should have {declared} bytes.", file);
        return Parse(header, length - 8 - (long)declared, file);
    }

    /// <summary>The tensors of a header given as JSON bytes, with <paramref name="dataLength"/> bytes of data after it.</summary>
    /// <exception cref="CheckpointException">The JSON is malformed or describes a tensor badly.</exception>
    public static IReadOnlyList<TensorEntry> Parse(ReadOnlySpan<byte> header, long dataLength, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header.ToArray());
        }
        catch (JsonException e)
        {
            string message = e.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut].TrimEnd(' ', '|');
            throw new CheckpointException($"the header is not valid JSON (at byte {8 + (e.BytePositionInLine ?? 0) + 1} of the file): {message}", file);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new CheckpointException("the header is not a JSON object of tensors.", file);
            var tensors = new List<TensorEntry>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__") continue;
                tensors.Add(Tensor(property.Name, property.Value, dataLength, file));
            }
            return tensors;
        }
    }

    private static TensorEntry Tensor(string name, JsonElement entry, long dataLength, string file)
    {
        if (entry.ValueKind != JsonValueKind.Object)
            throw new CheckpointException($"expected an object with dtype, shape and data_offsets, got {entry.GetRawText()}.", file, name);
        if (!entry.TryGetProperty("dtype", out var type) || type.ValueKind != JsonValueKind.String)
            throw new CheckpointException("has no dtype.", file, name);
        string dataType = type.GetString()!;
        int bits = SafetensorsTypes.BitsOf(dataType)
            ?? throw new CheckpointException($"dtype '{dataType}' is not one the safetensors format defines ({string.Join(", ", SafetensorsTypes.Names)}).", file, name);
        if (!entry.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array)
            throw new CheckpointException("has no shape.", file, name);
        var shape = new List<long>();
        long elements = 1;
        foreach (var dimension in shapeElement.EnumerateArray())
        {
            if (dimension.ValueKind != JsonValueKind.Number || !dimension.TryGetInt64(out long size) || size < 0)
                throw new CheckpointException($"the shape must hold whole numbers, got {shapeElement.GetRawText()}.", file, name);
            shape.Add(size);
            elements = Checked(() => checked(elements * size), file, name);
        }
        long bytes = Checked(() => checked((elements * bits + 7) / 8), file, name);
        if (!entry.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2 ||
            !offsets[0].TryGetInt64(out long begin) || !offsets[1].TryGetInt64(out long end) || begin < 0 || end < begin)
            throw new CheckpointException("data_offsets must be [begin, end] with 0 ≤ begin ≤ end.", file, name);
        if (end > dataLength)
            throw new CheckpointException($"data_offsets end at {end}, past the {dataLength} bytes of data in the file.", file, name);
        if (end - begin != bytes)
            throw new CheckpointException($"data_offsets span {end - begin} bytes, but {elements} elements of {dataType} take {bytes}.", file, name);
        return new TensorEntry(name, dataType, shape, elements, bytes, file);
    }

    private static long Checked(Func<long> compute, string file, string name)
    {
        try
        {
            return compute();
        }
        catch (OverflowException)
        {
            throw new CheckpointException("the shape is too large: its element count does not fit in a 64-bit integer.", file, name);
        }
    }

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = stream.Read(buffer[total..]);
            if (read == 0) break;
            total += read;
        }
        return total;
    }
}

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
    /// <remarks>
    /// As the safetensors library checks: every tensor's data_offsets span exactly its elements, and the
    /// tensors, in offset order, cover the data after the header without a gap or an overlap.
    /// </remarks>
    /// <exception cref="CheckpointException">The JSON is malformed, describes a tensor badly, or the offsets leave a gap or overlap.</exception>
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
            var tensors = new List<(TensorEntry Tensor, long Begin, long End)>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                string name = NameOf(property, file);
                if (name == "__metadata__")
                {
                    if (property.Value.ValueKind != JsonValueKind.Object)
                        throw new CheckpointException($"__metadata__ must be an object of strings, got {property.Value.GetRawText()}.", file);
                    continue;
                }
                if (!names.Add(name))
                    throw new CheckpointException("appears twice in the header.", file, name);
                tensors.Add(Tensor(name, property.Value, dataLength, file));
            }
            CheckCoverage(tensors, dataLength, file);
            return tensors.Select(t => t.Tensor).ToList();
        }
    }

    private static string NameOf(JsonProperty property, string file)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            throw new CheckpointException("the header is not valid UTF-8: a tensor name cannot be decoded.", file);
        }
    }

    /// <summary>The tensors in offset order must tile the data: each begins where the one before ends, the last ends with the file.</summary>
    private static void CheckCoverage(List<(TensorEntry Tensor, long Begin, long End)> tensors, long dataLength, string file)
    {
        long expected = 0;
        string? previous = null;
        foreach (var (tensor, begin, end) in tensors.OrderBy(t => t.Begin).ThenBy(t => t.End))
        {
            if (begin < expected)
                throw new CheckpointException(
                    $"its data_offsets [{begin}, {end}] overlap those of tensor '{previous}', which end at {expected}.", file, tensor.Name);
            if (begin > expected)
                throw new CheckpointException(
                    $"its data_offsets begin at {begin}, but the data before it ends at {expected}: bytes {expected} to {begin} belong to no tensor.", file, tensor.Name);
            expected = end;
            previous = tensor.Name;
        }
        if (expected != dataLength)
            throw new CheckpointException(
                $"the tensors' data ends at byte {expected} after the header, but {dataLength} bytes follow it: {dataLength - expected} belong to no tensor.", file);
    }

    private static (TensorEntry Tensor, long Begin, long End) Tensor(string name, JsonElement entry, long dataLength, string file)
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
            !Offset(offsets[0], out long begin) || !Offset(offsets[1], out long end) || begin < 0 || end < begin)
            throw new CheckpointException($"data_offsets must be [begin, end], whole numbers with 0 ≤ begin ≤ end, got {(entry.TryGetProperty("data_offsets", out var o) ? o.GetRawText() : "none")}.", file, name);
        if (end > dataLength)
            throw new CheckpointException($"data_offsets end at {end}, past the {dataLength} bytes of data in the file.", file, name);
        if (end - begin != bytes)
            throw new CheckpointException($"data_offsets span {end - begin} bytes, but {elements} elements of {dataType} take {bytes}.", file, name);
        return (new TensorEntry(name, dataType, shape, elements, bytes, file), begin, end);
    }

    private static bool Offset(JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
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

using System.Globalization;
using System.Text.Json;

namespace ScalingFit.Architecture;

/// <summary>
/// A model.safetensors.index.json: weight_map names the shard of every tensor (a file in the
/// index's folder), metadata.total_size the bytes of their data.
/// </summary>
internal sealed class CheckpointIndex
{
    private readonly Dictionary<string, string> _map;

    private CheckpointIndex(string path, IReadOnlyList<string> files, Dictionary<string, string> map, long? totalSize)
    {
        Path = path;
        Files = files;
        _map = map;
        TotalSize = totalSize;
    }

    /// <summary>The index file.</summary>
    public string Path { get; }

    /// <summary>The shards, in order of first appearance.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>metadata.total_size in bytes, when it is a whole number.</summary>
    public long? TotalSize { get; }

    /// <summary>Reads the index; notes what it cannot check.</summary>
    public static CheckpointIndex Read(string path, List<string> notes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string why = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message.TrimEnd('.', ' ');
            throw new CheckpointException($"cannot be read: {why}.", path);
        }
        catch (JsonException e)
        {
            throw new CheckpointException($"the index is not valid JSON (line {e.LineNumber + 1}).", path);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("weight_map", out var weights) || weights.ValueKind != JsonValueKind.Object)
                throw new CheckpointException("an index needs a weight_map object naming each tensor's file.", path, "weight_map");
            string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
            var files = new List<string>();
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in weights.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String || entry.Value.GetString() is not { Length: > 0 } name)
                    throw new CheckpointException($"the weight_map must name a file, got {entry.Value.GetRawText()}.", path, entry.Name);
                if (System.IO.Path.IsPathRooted(name) || name.Split('/', '\\').Contains(".."))
                    throw new CheckpointException($"the weight_map names '{name}', outside the index's folder; shards are files beside the index.", path, entry.Name);
                string shard = System.IO.Path.Combine(folder, name);
                if (!files.Contains(shard)) files.Add(shard);
                map[entry.Name] = shard;
            }
            return new CheckpointIndex(path, files, map, TotalSizeOf(root, notes));
        }
    }

    /// <summary>Every tensor the index names must be in the shard it names; tensors it does not name and a total_size that differs are noted.</summary>
    public void Check(IReadOnlyDictionary<string, string> found, long bytes, List<string> notes)
    {
        foreach (var (tensor, shard) in _map)
        {
            if (!found.TryGetValue(tensor, out var actual))
                throw new CheckpointException($"the index places tensor '{tensor}' in {System.IO.Path.GetFileName(shard)}, whose header does not list it.", Path, tensor);
            if (!string.Equals(System.IO.Path.GetFullPath(actual), System.IO.Path.GetFullPath(shard), StringComparison.Ordinal))
                throw new CheckpointException($"the index places tensor '{tensor}' in {System.IO.Path.GetFileName(shard)}, but it is in {System.IO.Path.GetFileName(actual)}.", Path, tensor);
        }
        int unnamed = found.Keys.Count(k => !_map.ContainsKey(k));
        if (unnamed > 0)
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{unnamed:N0} {(unnamed == 1 ? "tensor" : "tensors")} in the shards {(unnamed == 1 ? "is" : "are")} not named by the index (counted)"));
        if (TotalSize is { } size && size != bytes)
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the index declares a total_size of {size:N0} bytes; the headers' tensors take {bytes:N0}"));
    }

    private static long? TotalSizeOf(JsonElement root, List<string> notes)
    {
        if (!root.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object ||
            !metadata.TryGetProperty("total_size", out var size) || size.ValueKind == JsonValueKind.Null)
            return null;
        if (size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out long total) && total >= 0) return total;
        notes.Add($"the index's metadata.total_size ({size.GetRawText()}) is not a whole number of bytes, so it is not checked");
        return null;
    }
}

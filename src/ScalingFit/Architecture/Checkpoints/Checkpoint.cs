using System.Text.Json;

namespace ScalingFit.Architecture;

/// <summary>
/// The tensors of a checkpoint on disk, from the safetensors headers only: one .safetensors file,
/// a model.safetensors.index.json (its shards, in the same folder), or a folder of .safetensors
/// shards. The weights are never read.
/// </summary>
public static class Checkpoint
{
    /// <summary>Counts a checkpoint's tensors by group.</summary>
    /// <param name="path">A .safetensors file, a safetensors index (.json), or a folder holding .safetensors files.</param>
    /// <param name="mainLayers">The layers of the model proper, when known from its configuration: tensors of later layers count as prediction modules.</param>
    /// <exception cref="CheckpointException">A file cannot be read, a header is bad, a shard is missing, or a tensor appears twice.</exception>
    public static CheckpointCount Read(string path, long? mainLayers = null)
    {
        long? declared = null;
        var notes = new List<string>();
        IReadOnlyList<string> files;
        if (Directory.Exists(path))
        {
            files = Directory.GetFiles(path, "*.safetensors").OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (files.Count == 0) throw new CheckpointException("the folder holds no .safetensors files.", path);
        }
        else if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            (files, declared) = Index(path);
        }
        else files = [path];

        var tensors = new List<TensorEntry>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var tensor in Header(file))
            {
                if (!seen.TryAdd(tensor.Name, file))
                    throw new CheckpointException($"appears in {seen[tensor.Name]} as well.", file, tensor.Name);
                tensors.Add(tensor);
            }
        }
        long bytes = tensors.Sum(t => t.Bytes);
        if (declared is { } size && size != bytes)
            notes.Add(FormattableString.Invariant($"the index declares a total_size of {size:N0} bytes; the headers' tensors take {bytes:N0}"));
        return CheckpointCount.Of(path, files, tensors, declared, mainLayers, notes);
    }

    private static IReadOnlyList<TensorEntry> Header(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            return SafetensorsHeader.Read(stream, stream.Length, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"cannot be read: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}.", file);
        }
    }

    /// <summary>The shards an index's weight_map names, in order of first appearance, and its metadata.total_size.</summary>
    private static (IReadOnlyList<string> Files, long? TotalSize) Index(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"cannot be read: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}.", path);
        }
        catch (JsonException e)
        {
            throw new CheckpointException($"the index is not valid JSON (line {e.LineNumber + 1}).", path);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("weight_map", out var map) || map.ValueKind != JsonValueKind.Object)
                throw new CheckpointException("an index needs a weight_map object naming each tensor's file.", path, "weight_map");
            string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var files = new List<string>();
            foreach (var entry in map.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String)
                    throw new CheckpointException($"the weight_map must name a file, got {entry.Value.GetRawText()}.", path, entry.Name);
                string shard = Path.Combine(folder, entry.Value.GetString()!);
                if (!files.Contains(shard)) files.Add(shard);
            }
            long? total = root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object &&
                          metadata.TryGetProperty("total_size", out var size) && size.TryGetInt64(out long t) ? t : null;
            return (files, total);
        }
    }
}

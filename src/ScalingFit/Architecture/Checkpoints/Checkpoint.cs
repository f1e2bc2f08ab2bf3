namespace ScalingFit.Architecture;

/// <summary>
/// The tensors of a checkpoint on disk, from the safetensors headers only: one .safetensors file,
/// a model.safetensors.index.json (its shards, in the same folder), or a folder of .safetensors
/// shards (through its index when it holds one). The weights are never read.
/// </summary>
public static class Checkpoint
{
    /// <summary>The index transformers writes beside sharded weights.</summary>
    public const string IndexName = "model.safetensors.index.json";

    /// <summary>Counts a checkpoint's tensors by group.</summary>
    /// <param name="path">A .safetensors file, a safetensors index (.json), or a folder holding .safetensors files.</param>
    /// <param name="mainLayers">The layers of the model proper, when known from its configuration: tensors of later layers count as prediction modules.</param>
    /// <remarks>
    /// A folder holding an index is read through it, as transformers loads it: .safetensors files the
    /// index does not name (a consolidated copy of the same weights, as Mistral publishes) are left out
    /// and named in the notes. Every tensor the index places in a shard must be in that shard's header.
    /// </remarks>
    /// <exception cref="CheckpointException">A file cannot be read, a header is bad, a shard is missing, a tensor appears twice, or the index and the headers disagree.</exception>
    public static CheckpointCount Read(string path, long? mainLayers = null)
    {
        var notes = new List<string>();
        CheckpointIndex? index = null;
        IReadOnlyList<string> files;
        if (Directory.Exists(path))
        {
            var all = Directory.GetFiles(path, "*.safetensors").OrderBy(f => f, StringComparer.Ordinal).ToList();
            string indexPath = Path.Combine(path, IndexName);
            if (File.Exists(indexPath))
            {
                index = CheckpointIndex.Read(indexPath, notes);
                files = index.Files;
                var unnamed = all.Select(Path.GetFullPath).Except(index.Files.Select(Path.GetFullPath)).Select(Path.GetFileName).ToList();
                if (unnamed.Count > 0)
                    notes.Add($"left out {string.Join(", ", unnamed)}: {IndexName} does not name {(unnamed.Count == 1 ? "it" : "them")}");
            }
            else
            {
                files = all;
                if (files.Count == 0) throw new CheckpointException("the folder holds no .safetensors files.", path);
            }
        }
        else if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            index = CheckpointIndex.Read(path, notes);
            files = index.Files;
        }
        else files = [path];

        var tensors = new List<TensorEntry>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var tensor in Header(file, index?.Path))
            {
                if (!seen.TryAdd(tensor.Name, file))
                    throw new CheckpointException($"appears in {seen[tensor.Name]} as well.", file, tensor.Name);
                tensors.Add(tensor);
            }
        }
        long bytes = tensors.Sum(t => t.Bytes);
        index?.Check(seen, bytes, notes);
        return CheckpointCount.Of(path, files, tensors, index?.TotalSize, mainLayers, notes);
    }

    private static IReadOnlyList<TensorEntry> Header(string file, string? index)
    {
        string named = index is null ? "" : $" (named by {index})";
        if (Directory.Exists(file))
            throw new CheckpointException($"is a folder, not a .safetensors file{named}.", file);
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            return SafetensorsHeader.Read(stream, stream.Length, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string why = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message.TrimEnd('.', ' ');
            throw new CheckpointException($"cannot be read{named}: {why}.", file);
        }
    }
}

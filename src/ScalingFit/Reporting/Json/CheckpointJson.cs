using System.Text.Json.Serialization;
using ScalingFit.Architecture;

namespace ScalingFit.Reporting.Json;

/// <summary>
/// A checkpoint's count from its safetensors headers in JSON (<c>params --safetensors --json</c>),
/// with the configuration's exact count and the difference per group when a configuration was given.
/// </summary>
/// <param name="Source">The file, index or folder read.</param>
/// <param name="Files">The shards read.</param>
/// <param name="Tensors">How many tensors.</param>
/// <param name="Total">Parameters: the elements of every tensor that holds parameters.</param>
/// <param name="Bytes">The tensors' bytes.</param>
/// <param name="DeclaredTotalSize">The index's declared total size in bytes; null without an index.</param>
/// <param name="Groups">Elements by group (attention, mlp, norms, …, quantizationScales, buffers).</param>
/// <param name="Dtypes">Elements by data type.</param>
/// <param name="Notes">What a person should know about the count.</param>
/// <param name="Config">The configuration's exact count; left out without a configuration.</param>
/// <param name="Difference">Checkpoint minus configuration per parameter group, and in total; left out without a configuration.</param>
public sealed record CheckpointJson(
    string Source, IReadOnlyList<string> Files, int Tensors, long Total, long Bytes, long? DeclaredTotalSize,
    IReadOnlyDictionary<string, long> Groups, IReadOnlyDictionary<string, long> Dtypes, IReadOnlyList<string> Notes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ArchitectureJson? Config,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, long>? Difference)
{
    /// <summary>"checkpoint".</summary>
    [JsonPropertyOrder(-1)]
    public string Kind => "checkpoint";

    /// <summary>The checkpoint's JSON, compared with a configuration's exact count when one is given.</summary>
    public static CheckpointJson Of(CheckpointCount c, ArchitectureAnalysis? config = null)
    {
        Dictionary<string, long>? difference = null;
        if (config is not null)
        {
            var expected = CheckpointCount.GroupsOf(config);
            difference = JsonMaps.Of(TensorGroups.All.Where(g => TensorGroups.HoldsParameters(g.Name)), g => g.Name, g => c.Groups[g.Name] - expected[g.Name]);
            difference["total"] = c.Total - config.Parameters.Total - (config.PredictionModules?.Total ?? 0);
        }
        return new(
            c.Source, c.Files, c.Tensors.Count, c.Total, c.Bytes, c.DeclaredTotalSize,
            JsonMaps.Of(TensorGroups.All, g => g.Name, g => c.Groups[g.Name]),
            JsonMaps.Of(c.DataTypes, t => t.Key, t => t.Value),
            c.Notes,
            config is null ? null : ArchitectureJson.Of(config),
            difference);
    }
}

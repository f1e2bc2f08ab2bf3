namespace ScalingFit.Architecture;

/// <summary>A checkpoint's tensors counted by group, from its safetensors headers.</summary>
public sealed record CheckpointCount
{
    /// <summary>The path given: a file, an index or a folder.</summary>
    public required string Source { get; init; }

    /// <summary>The .safetensors files read.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Every tensor, in file and header order.</summary>
    public required IReadOnlyList<TensorEntry> Tensors { get; init; }

    /// <summary>Parameters by group name (<see cref="TensorGroups.All"/>), every group present with 0 where empty.</summary>
    public required IReadOnlyDictionary<string, long> Groups { get; init; }

    /// <summary>Parameters by dtype (BF16, F32, …), quantization scales included.</summary>
    public required IReadOnlyDictionary<string, long> DataTypes { get; init; }

    /// <summary>Every parameter: the groups but quantization scales and buffers, which are not parameters of the model.</summary>
    public long Total => Groups.Where(g => TensorGroups.HoldsParameters(g.Key)).Sum(g => g.Value);

    /// <summary>The bytes the tensors' data take.</summary>
    public long Bytes => Tensors.Sum(t => t.Bytes);

    /// <summary>The total_size an index declares, in bytes, when read from one.</summary>
    public long? DeclaredTotalSize { get; init; }

    /// <summary>What a person should know: a declared size that differs, quantization scales left out, packed weights.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Counts the tensors by group.</summary>
    public static CheckpointCount Of(string source, IReadOnlyList<string> files, IReadOnlyList<TensorEntry> tensors,
        long? declaredTotalSize, long? mainLayers, IReadOnlyList<string> notes)
    {
        var groups = TensorGroups.All.ToDictionary(g => g.Name, _ => 0L, StringComparer.Ordinal);
        var types = new SortedDictionary<string, long>(StringComparer.Ordinal);
        checked
        {
            foreach (var t in tensors)
            {
                groups[TensorGroups.Of(t.Name, mainLayers)] += t.Elements;
                types[t.DataType] = types.GetValueOrDefault(t.DataType) + t.Elements;
            }
        }
        var all = new List<string>(notes);
        if (groups["quantizationScales"] > 0)
            all.Add(FormattableString.Invariant($"{groups["quantizationScales"]:N0} values of quantization scales are left out of the total"));
        if (groups["buffers"] > 0)
            all.Add(FormattableString.Invariant($"{groups["buffers"]:N0} values of buffers (causal masks, masked_bias, rotary inv_freq) are left out of the total: they are saved with the weights but are not parameters"));
        if (tensors.Any(t => t.Name.EndsWith(".qweight", StringComparison.Ordinal)))
            all.Add("the checkpoint holds packed quantized weights (qweight): their element counts are not parameter counts");
        if (groups["other"] > 0)
        {
            int other = tensors.Count(t => TensorGroups.Of(t.Name, mainLayers) == "other");
            all.Add(FormattableString.Invariant($"{other:N0} {(other == 1 ? "tensor fits" : "tensors fit")} no group and {(other == 1 ? "is" : "are")} counted as other"));
        }
        return new CheckpointCount
        {
            Source = source,
            Files = files,
            Tensors = tensors,
            Groups = groups,
            DataTypes = types,
            DeclaredTotalSize = declaredTotalSize,
            Notes = all,
        };
    }

    /// <summary>A configuration's count in the same groups, to set beside the checkpoint's.</summary>
    public static IReadOnlyDictionary<string, long> GroupsOf(ArchitectureAnalysis a)
    {
        var p = a.Parameters;
        checked
        {
            return new Dictionary<string, long>(StringComparer.Ordinal)
            {
                ["embeddings"] = p.TokenEmbedding + p.PositionEmbedding + p.Projections,
                ["attention"] = p.Attention + p.AttentionBiases,
                ["mlp"] = p.Mlp + p.MlpBiases + p.Router,
                ["mixer"] = p.Mixer,
                ["norms"] = p.Norms,
                ["head"] = p.OutputHead,
                ["predictionModules"] = a.PredictionModules?.Total ?? 0,
                ["quantizationScales"] = 0,
                ["buffers"] = 0,
                ["other"] = 0,
            };
        }
    }
}

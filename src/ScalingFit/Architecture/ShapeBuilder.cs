using System.Globalization;

namespace ScalingFit.Architecture;

/// <summary>The checks that turn an <see cref="ArchitectureSpec"/> into a <see cref="TransformerShape"/>.</summary>
internal static class ShapeBuilder
{
    public static TransformerShape Build(ArchitectureSpec spec)
    {
        foreach (var setting in new[]
        {
            spec.ModelWidth, spec.LayerCount, spec.AttentionHeads, spec.KeyValueHeads, spec.HeadDimension, spec.FeedForwardWidth,
            spec.VocabularySize, spec.ContextLength, spec.PositionRows, spec.EmbeddingWidth, spec.Experts, spec.ExpertsPerToken,
            spec.ExpertWidth,
        })
        {
            if (setting is { Value: <= 0 } bad)
                throw bad.Origin.Error($"must be a positive integer, got {Text(bad.Value)}.");
        }
        foreach (var setting in new[] { spec.DenseLayers, spec.SharedExpertWidth, spec.NormsPerLayer, spec.PredictionLayers })
        {
            if (setting is { Value: < 0 } bad)
                throw bad.Origin.Error($"must be a whole number, got {Text(bad.Value)}.");
        }
        if (spec.StateSpace is not null) return StateSpaceShape(spec);
        RequireAll(spec);
        Setting<long> d = spec.ModelWidth!, layers = spec.LayerCount!, heads = spec.AttentionHeads!, vocabulary = spec.VocabularySize!;

        long headSize = spec.HeadDimension?.Value ?? (spec.Latent?.Value.QueryKeyHeadDimension) ?? HeadSize(d, heads);
        var kv = spec.KeyValueHeads;
        if (kv is not null && (kv.Value > heads.Value || heads.Value % kv.Value != 0))
            throw kv.Origin.Error(
                $"{Text(kv.Value)} key-value heads cannot serve {Text(heads.Value)} query heads ({heads.Origin}): " +
                "the query heads must be a whole multiple of the key-value heads.");

        var positions = spec.Positions!.Value;
        long rows = 0;
        if (positions == PositionKind.Learned)
        {
            rows = (spec.PositionRows ?? spec.ContextLength)?.Value
                ?? throw new OptionException("learned positions need the number of positions: give --n-ctx.");
        }

        long experts = spec.Experts?.Value ?? 1;
        long perToken = spec.ExpertsPerToken?.Value ?? 1;
        if (experts > 1 && spec.ExpertsPerToken is null)
            throw spec.Experts!.Origin.Error($"a mixture of {Text(experts)} experts needs the number of experts per token (--experts-per-token).");
        if (perToken > experts)
            throw spec.ExpertsPerToken!.Origin.Error($"{Text(perToken)} experts per token is more than the {Text(experts)} experts ({spec.Experts?.Origin.ToString() ?? "a dense MLP has 1"}).");
        long dense = experts > 1 ? spec.DenseLayers?.Value ?? 0 : layers.Value;
        if (dense > layers.Value)
            throw spec.DenseLayers!.Origin.Error($"{Text(dense)} dense layers is more than the {Text(layers.Value)} layers ({layers.Origin}).");

        return Kaplan.Checked($"d_model {d.Value}, n_layer {layers.Value}", () => new TransformerShape
        {
            Family = spec.Family,
            ModelWidth = d.Value,
            LayerCount = layers.Value,
            AttentionHeads = heads.Value,
            KeyValueHeads = kv?.Value ?? heads.Value,
            HeadDimension = headSize,
            FeedForwardWidth = spec.FeedForwardWidth?.Value ?? checked(4 * d.Value),
            VocabularySize = vocabulary.Value,
            ContextLength = spec.ContextLength?.Value,
            Positions = positions,
            PositionRows = rows,
            GatedMlp = spec.GatedMlp?.Value ?? false,
            Bias = spec.Bias!.Value,
            Norm = spec.Norm!.Value,
            TiedEmbeddings = spec.TiedEmbeddings!.Value,
            FinalNorm = spec.FinalNorm?.Value ?? true,
            EmbeddingNorm = spec.EmbeddingNorm?.Value ?? false,
            EmbeddingWidth = spec.EmbeddingWidth?.Value ?? d.Value,
            Experts = experts,
            ExpertsPerToken = perToken,
            ExpertWidth = spec.ExpertWidth?.Value ?? spec.FeedForwardWidth?.Value ?? checked(4 * d.Value),
            DenseLayers = dense,
            SharedExpertWidth = experts > 1 ? spec.SharedExpertWidth?.Value ?? 0 : 0,
            SharedExpertGate = experts > 1 && (spec.SharedExpertGate?.Value ?? false),
            RouterBias = experts > 1 && (spec.RouterBias?.Value ?? false),
            NormsPerLayer = spec.NormsPerLayer?.Value ?? 2,
            QueryKeyNorm = spec.QueryKeyNorm?.Value ?? QueryKeyNorm.None,
            Latent = spec.Latent?.Value,
            OutputHeadBias = spec.OutputHeadBias?.Value ?? false,
            PredictionLayers = spec.PredictionLayers?.Value ?? 0,
        });
    }

    /// <summary>A Mamba model: no attention and no MLP, one norm and one state-space mixer per layer.</summary>
    private static TransformerShape StateSpaceShape(ArchitectureSpec spec)
    {
        Setting<long> d = spec.ModelWidth ?? throw new OptionException("a state-space model needs --d-model."),
            layers = spec.LayerCount ?? throw new OptionException("a state-space model needs --n-layer."),
            vocabulary = spec.VocabularySize ?? throw new OptionException("a state-space model needs --vocab.");
        return new TransformerShape
        {
            Family = spec.Family,
            ModelWidth = d.Value,
            LayerCount = layers.Value,
            AttentionHeads = 0,
            KeyValueHeads = 0,
            HeadDimension = 0,
            FeedForwardWidth = 0,
            VocabularySize = vocabulary.Value,
            ContextLength = spec.ContextLength?.Value,
            Positions = PositionKind.None,
            GatedMlp = false,
            Bias = BiasLayout.None,
            Norm = spec.Norm?.Value ?? NormKind.RmsNorm,
            TiedEmbeddings = spec.TiedEmbeddings?.Value ?? true,
            EmbeddingWidth = d.Value,
            DenseLayers = 0,
            NormsPerLayer = spec.NormsPerLayer?.Value ?? 1,
            StateSpace = spec.StateSpace!.Value,
        };
    }

    /// <summary>d_model / heads, which must be a whole number when the head size is not given.</summary>
    private static long HeadSize(Setting<long> width, Setting<long> heads)
    {
        if (width.Value % heads.Value != 0)
            throw heads.Origin.Error(
                $"{Text(heads.Value)} heads do not divide the width {Text(width.Value)} ({width.Origin}), " +
                "so the head size is not a whole number.");
        return width.Value / heads.Value;
    }

    /// <summary>Sizes and structure without a default; only a hand description can lack them (a reader names missing keys).</summary>
    private static void RequireAll(ArchitectureSpec spec)
    {
        var missing = new List<string>();
        if (spec.ModelWidth is null) missing.Add("--d-model");
        if (spec.LayerCount is null) missing.Add("--n-layer");
        if (spec.AttentionHeads is null) missing.Add("--n-heads");
        if (spec.VocabularySize is null) missing.Add("--vocab");
        if (spec.Norm is null) missing.Add("--norm (layernorm or rmsnorm)");
        if (spec.Positions is null) missing.Add("--positions (learned, rotary, alibi or none)");
        if (spec.Bias is null) missing.Add("--bias (none, qkv, attention or all)");
        if (spec.TiedEmbeddings is null) missing.Add("--tied or --untied");
        if (missing.Count == 0) return;
        throw new OptionException(
            $"describing an architecture by hand (family {spec.Family}) needs {string.Join(", ", missing)}" +
            (spec.Family == ModelFamilies.Custom ? $"; or take a known family's rules with --family ({string.Join(", ", ModelFamilies.Names)})." : "."));
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

namespace ScalingFit.Architecture;

/// <summary>
/// An architecture as it is being described: every value optional and tagged with where it came
/// from (a configuration key, a command-line option, a family default). Layers overlay one another
/// (family defaults, then the configuration, then options), and <see cref="Build"/> checks the
/// result and blames the source of any bad value.
/// </summary>
public sealed record ArchitectureSpec
{
    /// <summary>The family whose rules apply (gpt2, llama, …), or "custom" for a hand description.</summary>
    public string Family { get; init; } = ModelFamilies.Custom;

    /// <summary>The model_type the configuration declared, when read from one.</summary>
    public string? ModelType { get; init; }

    /// <summary>d_model.</summary>
    public Setting<long>? ModelWidth { get; init; }

    /// <summary>n_layer.</summary>
    public Setting<long>? LayerCount { get; init; }

    /// <summary>Query heads.</summary>
    public Setting<long>? AttentionHeads { get; init; }

    /// <summary>Key-value heads (grouped-query attention); default: the query heads.</summary>
    public Setting<long>? KeyValueHeads { get; init; }

    /// <summary>Head size; default d_model / heads.</summary>
    public Setting<long>? HeadDimension { get; init; }

    /// <summary>d_ff; default 4·d_model.</summary>
    public Setting<long>? FeedForwardWidth { get; init; }

    /// <summary>Vocabulary size.</summary>
    public Setting<long>? VocabularySize { get; init; }

    /// <summary>Context length.</summary>
    public Setting<long>? ContextLength { get; init; }

    /// <summary>Rows of a learned position embedding; default the context length.</summary>
    public Setting<long>? PositionRows { get; init; }

    /// <summary>Token embedding width when projected to d_model; default d_model.</summary>
    public Setting<long>? EmbeddingWidth { get; init; }

    /// <summary>Experts per MLP; default 1.</summary>
    public Setting<long>? Experts { get; init; }

    /// <summary>Experts per token; default 1.</summary>
    public Setting<long>? ExpertsPerToken { get; init; }

    /// <summary>Gated MLP; default false.</summary>
    public Setting<bool>? GatedMlp { get; init; }

    /// <summary>Tied output head.</summary>
    public Setting<bool>? TiedEmbeddings { get; init; }

    /// <summary>A norm after the last block; default true.</summary>
    public Setting<bool>? FinalNorm { get; init; }

    /// <summary>A norm after the token embedding; default false.</summary>
    public Setting<bool>? EmbeddingNorm { get; init; }

    /// <summary>Biases.</summary>
    public Setting<BiasLayout>? Bias { get; init; }

    /// <summary>Norm kind.</summary>
    public Setting<NormKind>? Norm { get; init; }

    /// <summary>Positions.</summary>
    public Setting<PositionKind>? Positions { get; init; }

    /// <summary>Width of one routed expert; default d_ff.</summary>
    public Setting<long>? ExpertWidth { get; init; }

    /// <summary>Layers with a dense MLP in a mixture of experts; default 0.</summary>
    public Setting<long>? DenseLayers { get; init; }

    /// <summary>Width of the shared experts' MLP; default 0 (none).</summary>
    public Setting<long>? SharedExpertWidth { get; init; }

    /// <summary>A gate on the shared expert; default false.</summary>
    public Setting<bool>? SharedExpertGate { get; init; }

    /// <summary>A bias per expert in the router; default false.</summary>
    public Setting<bool>? RouterBias { get; init; }

    /// <summary>Norms of width d_model per layer; default 2.</summary>
    public Setting<long>? NormsPerLayer { get; init; }

    /// <summary>Query and key norms; default none.</summary>
    public Setting<QueryKeyNorm>? QueryKeyNorm { get; init; }

    /// <summary>Multi-head latent attention; default standard attention.</summary>
    public Setting<LatentAttention>? Latent { get; init; }

    /// <summary>A bias on the output head; default false.</summary>
    public Setting<bool>? OutputHeadBias { get; init; }

    /// <summary>Multi-token prediction modules; default 0.</summary>
    public Setting<long>? PredictionLayers { get; init; }

    /// <summary>A state-space mixer in place of attention and MLP (Mamba); default none.</summary>
    public Setting<StateSpaceMixer>? StateSpace { get; init; }

    /// <summary>This description with every value that <paramref name="overrides"/> sets replaced by it.</summary>
    public ArchitectureSpec Overlay(ArchitectureSpec overrides) => this with
    {
        ModelWidth = overrides.ModelWidth ?? ModelWidth,
        LayerCount = overrides.LayerCount ?? LayerCount,
        AttentionHeads = overrides.AttentionHeads ?? AttentionHeads,
        KeyValueHeads = overrides.KeyValueHeads ?? KeyValueHeads,
        HeadDimension = overrides.HeadDimension ?? HeadDimension,
        FeedForwardWidth = overrides.FeedForwardWidth ?? FeedForwardWidth,
        VocabularySize = overrides.VocabularySize ?? VocabularySize,
        ContextLength = overrides.ContextLength ?? ContextLength,
        PositionRows = overrides.PositionRows ?? PositionRows,
        EmbeddingWidth = overrides.EmbeddingWidth ?? EmbeddingWidth,
        Experts = overrides.Experts ?? Experts,
        ExpertsPerToken = overrides.ExpertsPerToken ?? ExpertsPerToken,
        GatedMlp = overrides.GatedMlp ?? GatedMlp,
        TiedEmbeddings = overrides.TiedEmbeddings ?? TiedEmbeddings,
        FinalNorm = overrides.FinalNorm ?? FinalNorm,
        EmbeddingNorm = overrides.EmbeddingNorm ?? EmbeddingNorm,
        Bias = overrides.Bias ?? Bias,
        Norm = overrides.Norm ?? Norm,
        Positions = overrides.Positions ?? Positions,
        ExpertWidth = overrides.ExpertWidth ?? ExpertWidth,
        DenseLayers = overrides.DenseLayers ?? DenseLayers,
        SharedExpertWidth = overrides.SharedExpertWidth ?? SharedExpertWidth,
        SharedExpertGate = overrides.SharedExpertGate ?? SharedExpertGate,
        RouterBias = overrides.RouterBias ?? RouterBias,
        NormsPerLayer = overrides.NormsPerLayer ?? NormsPerLayer,
        QueryKeyNorm = overrides.QueryKeyNorm ?? QueryKeyNorm,
        Latent = overrides.Latent ?? Latent,
        OutputHeadBias = overrides.OutputHeadBias ?? OutputHeadBias,
        PredictionLayers = overrides.PredictionLayers ?? PredictionLayers,
        StateSpace = overrides.StateSpace ?? StateSpace,
    };

    /// <summary>The values that came from a family default standing in for a key the file left out.</summary>
    public IReadOnlyList<(SettingOrigin Origin, object Value)> DefaultsTaken =>
        new (SettingOrigin? Origin, object? Value)[]
        {
            (TiedEmbeddings?.Origin, TiedEmbeddings?.Value), (Bias?.Origin, Bias?.Value), (GatedMlp?.Origin, GatedMlp?.Value),
            (FeedForwardWidth?.Origin, FeedForwardWidth?.Value), (KeyValueHeads?.Origin, KeyValueHeads?.Value),
            (HeadDimension?.Origin, HeadDimension?.Value), (NormsPerLayer?.Origin, NormsPerLayer?.Value),
            (StateSpace?.Origin, StateSpace?.Value), (PredictionLayers?.Origin, PredictionLayers?.Value),
        }
        .Where(x => x.Origin is { Source: SettingSource.Default, Absent: not null } && x.Value is not null)
        .Select(x => (x.Origin!, x.Value!))
        .ToList();

    /// <summary>Whether any value that only a hand description gives (structure, heads layout, experts) is set.</summary>
    public bool DescribesStructure =>
        GatedMlp is not null || TiedEmbeddings is not null || Bias is not null || Norm is not null || Positions is not null ||
        KeyValueHeads is not null || HeadDimension is not null || Experts is not null || ExpertsPerToken is not null;

    /// <summary>Checks the description and makes the shape.</summary>
    /// <exception cref="ArchitectureException">A value from a file is bad or inconsistent.</exception>
    /// <exception cref="OptionException">A value from an option is bad, or the options leave out something needed.</exception>
    public TransformerShape Build() => ShapeBuilder.Build(this);
}

namespace ScalingFit.Architecture;

/// <summary>
/// A decoder-only transformer described exactly enough to count its parameters: sizes, attention
/// layout (grouped-query, head size), MLP (plain or gated, dense or mixture of experts), biases,
/// norms, positions and embeddings. Built and checked by <see cref="ArchitectureSpec.Build"/>.
/// </summary>
public sealed record TransformerShape
{
    /// <summary>The family whose rules were used (gpt2, llama, …, or custom).</summary>
    public required string Family { get; init; }

    /// <summary>d_model: the width of the residual stream.</summary>
    public required long ModelWidth { get; init; }

    /// <summary>n_layer: the number of transformer blocks.</summary>
    public required long LayerCount { get; init; }

    /// <summary>The number of query heads.</summary>
    public required long AttentionHeads { get; init; }

    /// <summary>The number of key and value heads; fewer than the query heads in grouped-query attention.</summary>
    public required long KeyValueHeads { get; init; }

    /// <summary>The size of one head.</summary>
    public required long HeadDimension { get; init; }

    /// <summary>d_ff: the width of the dense MLP (of one expert in a mixture of experts with one width, as Mixtral).</summary>
    public required long FeedForwardWidth { get; init; }

    /// <summary>The vocabulary size.</summary>
    public required long VocabularySize { get; init; }

    /// <summary>The context length in tokens, when known (for FLOP per token).</summary>
    public long? ContextLength { get; init; }

    /// <summary>How positions enter the model.</summary>
    public required PositionKind Positions { get; init; }

    /// <summary>Rows of the learned position embedding (OPT has 2 more than its context); 0 otherwise.</summary>
    public long PositionRows { get; init; }

    /// <summary>Whether the MLP is gated (SwiGLU and kin: gate, up and down matrices) rather than two matrices.</summary>
    public required bool GatedMlp { get; init; }

    /// <summary>Which linear layers carry a bias.</summary>
    public required BiasLayout Bias { get; init; }

    /// <summary>LayerNorm (weight and bias) or RMSNorm (weight).</summary>
    public required NormKind Norm { get; init; }

    /// <summary>Whether the output head shares the token embedding's matrix.</summary>
    public required bool TiedEmbeddings { get; init; }

    /// <summary>Whether a norm follows the last block.</summary>
    public bool FinalNorm { get; init; } = true;

    /// <summary>Whether a norm follows the token embedding (BLOOM).</summary>
    public bool EmbeddingNorm { get; init; }

    /// <summary>The width of the token embedding when it differs from d_model and is projected in and out (OPT-350m); else d_model.</summary>
    public required long EmbeddingWidth { get; init; }

    /// <summary>Experts per MLP; 1 for a dense model.</summary>
    public long Experts { get; init; } = 1;

    /// <summary>Experts a token is routed to; 1 for a dense model.</summary>
    public long ExpertsPerToken { get; init; } = 1;

    /// <summary>The width of one routed expert's MLP (moe_intermediate_size); d_ff when the family has one width.</summary>
    public long ExpertWidth { get; init; }

    /// <summary>Layers whose MLP is dense (d_ff) in a mixture of experts (first_k_dense_replace, mlp_only_layers); all layers of a dense model.</summary>
    public long DenseLayers { get; init; }

    /// <summary>The width of the shared experts' MLP, always active, in every expert layer (DeepSeek, Qwen2-MoE); 0 for none.</summary>
    public long SharedExpertWidth { get; init; }

    /// <summary>Whether a d_model → 1 gate scales the shared expert (Qwen2-MoE).</summary>
    public bool SharedExpertGate { get; init; }

    /// <summary>Whether the router carries a bias per expert (DeepSeek-V3's e_score_correction_bias).</summary>
    public bool RouterBias { get; init; }

    /// <summary>Norms of width d_model in each layer: 2 in most models, 1 with parallel attention and MLP (GPT-J, Falcon-7B), 4 in Gemma 2 and 3.</summary>
    public long NormsPerLayer { get; init; } = 2;

    /// <summary>Norms on the queries and keys (Qwen3, Gemma 3, OLMo 2).</summary>
    public QueryKeyNorm QueryKeyNorm { get; init; }

    /// <summary>Multi-head latent attention (DeepSeek-V2/V3), or null for standard attention.</summary>
    public LatentAttention? Latent { get; init; }

    /// <summary>Whether the output head has a bias (GPT-J).</summary>
    public bool OutputHeadBias { get; init; }

    /// <summary>Multi-token prediction modules (DeepSeek-V3's num_nextn_predict_layers), counted apart from the model.</summary>
    public long PredictionLayers { get; init; }

    /// <summary>The state-space mixer of a Mamba model, which has no attention and no MLP; null for a transformer.</summary>
    public StateSpaceMixer? StateSpace { get; init; }

    /// <summary>Layers with experts: all but the dense layers of a mixture of experts; 0 for a dense model.</summary>
    public long ExpertLayers => IsMixtureOfExperts ? LayerCount - DenseLayers : 0;

    /// <summary>d_attn: query heads × head size (× the value head size under latent attention).</summary>
    public long AttentionWidth => checked(AttentionHeads * (Latent?.ValueHeadDimension ?? HeadDimension));

    /// <summary>The width of the key (and of the value) projection: key-value heads × head size.</summary>
    public long KeyValueWidth => checked(KeyValueHeads * HeadDimension);

    /// <summary>Whether the MLP is a mixture of experts.</summary>
    public bool IsMixtureOfExperts => Experts > 1;

    /// <summary>The d_ff Kaplan's formula sees: the width of one routed expert when every layer has experts, else d_ff.</summary>
    public long KaplanFeedForwardWidth => IsMixtureOfExperts && DenseLayers == 0 ? ExpertWidth : FeedForwardWidth;

    /// <summary>The shape Kaplan's formulas see: d_model, n_layer, d_attn, d_ff (of one expert), vocabulary, context.</summary>
    public KaplanShape ToKaplan() => new()
    {
        ModelWidth = ModelWidth,
        LayerCount = LayerCount,
        AttentionWidth = AttentionWidth,
        FeedForwardWidth = KaplanFeedForwardWidth,
        VocabularySize = VocabularySize,
        ContextLength = ContextLength,
    };
}

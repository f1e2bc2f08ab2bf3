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

    /// <summary>d_ff: the width of the MLP (of one expert in a mixture of experts).</summary>
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

    /// <summary>d_attn: query heads × head size.</summary>
    public long AttentionWidth => checked(AttentionHeads * HeadDimension);

    /// <summary>The width of the key (and of the value) projection: key-value heads × head size.</summary>
    public long KeyValueWidth => checked(KeyValueHeads * HeadDimension);

    /// <summary>Whether the MLP is a mixture of experts.</summary>
    public bool IsMixtureOfExperts => Experts > 1;

    /// <summary>The shape Kaplan's formulas see: d_model, n_layer, d_attn, d_ff (of one expert), vocabulary, context.</summary>
    public KaplanShape ToKaplan() => new()
    {
        ModelWidth = ModelWidth,
        LayerCount = LayerCount,
        AttentionWidth = AttentionWidth,
        FeedForwardWidth = FeedForwardWidth,
        VocabularySize = VocabularySize,
        ContextLength = ContextLength,
    };
}

/// <summary>How a transformer knows token positions.</summary>
public enum PositionKind
{
    /// <summary>A learned position embedding (GPT-2, OPT): parameters.</summary>
    Learned,

    /// <summary>Rotary embeddings (GPT-NeoX, Llama): no parameters.</summary>
    Rotary,

    /// <summary>ALiBi attention biases (BLOOM): no parameters.</summary>
    Alibi,

    /// <summary>No position information: no parameters.</summary>
    None,
}

/// <summary>The normalisation layer.</summary>
public enum NormKind
{
    /// <summary>LayerNorm: a weight and a bias per channel.</summary>
    LayerNorm,

    /// <summary>RMSNorm: a weight per channel.</summary>
    RmsNorm,
}

/// <summary>Which linear layers carry a bias vector.</summary>
/// <param name="QueryKeyValue">The Q, K and V projections.</param>
/// <param name="AttentionOutput">The attention output projection.</param>
/// <param name="Mlp">The MLP (and expert) matrices.</param>
public sealed record BiasLayout(bool QueryKeyValue, bool AttentionOutput, bool Mlp)
{
    /// <summary>No biases (Llama, Mistral).</summary>
    public static BiasLayout None { get; } = new(false, false, false);

    /// <summary>Biases on Q, K and V only (Qwen2).</summary>
    public static BiasLayout QueryKeyValueOnly { get; } = new(true, false, false);

    /// <summary>Biases on the four attention projections only (Llama with attention_bias).</summary>
    public static BiasLayout Attention { get; } = new(true, true, false);

    /// <summary>Biases everywhere (GPT-2, GPT-NeoX, OPT, BLOOM).</summary>
    public static BiasLayout All { get; } = new(true, true, true);

    /// <summary>The names accepted by <see cref="Parse"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["none", "qkv", "attention", "all"];

    /// <summary>Parses none, qkv, attention or all.</summary>
    /// <exception cref="OptionException">Another word.</exception>
    public static BiasLayout Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "none" => None,
        "qkv" => QueryKeyValueOnly,
        "attention" => Attention,
        "all" => All,
        _ => throw new OptionException($"'{text}' is not a bias layout; use {string.Join(", ", Names)}."),
    };

    /// <summary>"none", "qkv", "attention", "all", or a list of the layers with a bias.</summary>
    public override string ToString() => (QueryKeyValue, AttentionOutput, Mlp) switch
    {
        (false, false, false) => "none",
        (true, false, false) => "qkv",
        (true, true, false) => "attention",
        (true, true, true) => "all",
        _ => string.Join("+", new[] { QueryKeyValue ? "qkv" : null, AttentionOutput ? "attention output" : null, Mlp ? "mlp" : null }.OfType<string>()),
    };
}

namespace ScalingFit.Architecture;

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

    /// <summary>A LayerNorm without learned weight or bias (OLMo): no parameters.</summary>
    Parameterless,
}

/// <summary>Norms on the queries and keys inside attention.</summary>
public enum QueryKeyNorm
{
    /// <summary>None (most models).</summary>
    None,

    /// <summary>An RMSNorm of one head's size on the queries and one on the keys (Qwen3, Gemma 3).</summary>
    PerHead,

    /// <summary>An RMSNorm over all query heads and one over all key heads (OLMo 2).</summary>
    FullWidth,
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

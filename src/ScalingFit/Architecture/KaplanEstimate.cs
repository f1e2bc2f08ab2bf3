namespace ScalingFit.Architecture;

/// <summary>
/// The Kaplan et al. 2020 (Table 1) estimate for a shape: non-embedding parameters by the full and
/// the simplified formula, embedding parameters, FLOP per token and training compute. Counts are
/// exact integers (a 175B model does not fit in 32 bits); compute over a whole run is a double.
/// </summary>
public sealed record KaplanEstimate
{
    /// <summary>The shape estimated.</summary>
    public required KaplanShape Shape { get; init; }

    /// <summary>N = 2·d_model·n_layer·(2·d_attn + d_ff).</summary>
    public required long NonEmbeddingParameters { get; init; }

    /// <summary>12·n_layer·d_model², equal to N when d_attn = d_ff/4 = d_model.</summary>
    public required long SimplifiedParameters { get; init; }

    /// <summary>The attention share of N: 4·n_layer·d_model·d_attn (Q, K, V and output projections).</summary>
    public required long AttentionParameters { get; init; }

    /// <summary>The feed-forward share of N: 2·n_layer·d_model·d_ff.</summary>
    public required long FeedForwardParameters { get; init; }

    /// <summary>The token embedding n_vocab·d_model, when the vocabulary is known.</summary>
    public long? TokenEmbeddingParameters { get; init; }

    /// <summary>The learned position embedding n_ctx·d_model, when the context is known.</summary>
    public long? PositionEmbeddingParameters { get; init; }

    /// <summary>(n_vocab + n_ctx)·d_model when both are known.</summary>
    public long? EmbeddingParameters { get; init; }

    /// <summary>N plus the embedding, when the embedding is known.</summary>
    public long? TotalParameters { get; init; }

    /// <summary>
    /// C_forward = 2·N + 2·n_layer·n_ctx·d_attn FLOP per token; without a context length the
    /// attention term is left out (see <see cref="ForwardIncludesContext"/>).
    /// </summary>
    public required long ForwardFlopsPerToken { get; init; }

    /// <summary>Whether <see cref="ForwardFlopsPerToken"/> includes the context term.</summary>
    public bool ForwardIncludesContext => Shape.ContextLength is not null;

    /// <summary>Training FLOP per token, ≈ 6·N (forward and backward pass).</summary>
    public required long TrainingFlopsPerToken { get; init; }

    /// <summary>Training tokens D, when given.</summary>
    public double? TrainingTokens { get; init; }

    /// <summary>Training compute C ≈ 6·N·D in FLOP, when D is given.</summary>
    public double? TrainingCompute { get; init; }
}

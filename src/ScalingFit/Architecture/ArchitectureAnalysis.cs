namespace ScalingFit.Architecture;

/// <summary>
/// An exactly counted architecture beside the Kaplan estimate of the same shape: how far
/// 12·n_layer·d_model² and 2·d_model·n_layer·(2·d_attn + d_ff) fall from the exact non-embedding
/// count, FLOP per token, and notes on why they differ.
/// </summary>
public sealed record ArchitectureAnalysis
{
    /// <summary>The file or catalog the architecture came from, or null for a hand description.</summary>
    public string? Source { get; init; }

    /// <summary>The model_type declared by the configuration, when read from one.</summary>
    public string? ModelType { get; init; }

    /// <summary>The architecture counted.</summary>
    public required TransformerShape Shape { get; init; }

    /// <summary>The exact counts by component.</summary>
    public required ParameterBreakdown Parameters { get; init; }

    /// <summary>Kaplan's N = 2·d_model·n_layer·(2·d_attn + d_ff) for this shape (d_ff of one expert).</summary>
    public required long KaplanEstimate { get; init; }

    /// <summary>12·n_layer·d_model² for this shape.</summary>
    public required long SimplifiedEstimate { get; init; }

    /// <summary>(Kaplan − exact) / exact, against the exact non-embedding count.</summary>
    public double KaplanRelativeError => RelativeError(KaplanEstimate, Parameters.NonEmbedding);

    /// <summary>(12·L·d² − exact) / exact, against the exact non-embedding count.</summary>
    public double SimplifiedRelativeError => RelativeError(SimplifiedEstimate, Parameters.NonEmbedding);

    /// <summary>Kaplan's error against the non-embedding parameters active per token (differs for a mixture of experts).</summary>
    public double KaplanRelativeErrorToActive => RelativeError(KaplanEstimate, Parameters.ActiveNonEmbedding);

    /// <summary>12·L·d²'s error against the non-embedding parameters active per token.</summary>
    public double SimplifiedRelativeErrorToActive => RelativeError(SimplifiedEstimate, Parameters.ActiveNonEmbedding);

    /// <summary>
    /// Forward FLOP per token, 2·N + 2·n_layer·n_ctx·d_attn with N the active non-embedding count
    /// (Kaplan Table 1); the context term is left out when the context length is not known.
    /// </summary>
    public required long ForwardFlopsPerToken { get; init; }

    /// <summary>Whether <see cref="ForwardFlopsPerToken"/> includes the context term.</summary>
    public bool ForwardIncludesContext => Shape.ContextLength is not null;

    /// <summary>Training FLOP per token, 6·N with N the active non-embedding count.</summary>
    public required long TrainingFlopsPerToken { get; init; }

    /// <summary>Training tokens D, when given.</summary>
    public double? TrainingTokens { get; init; }

    /// <summary>Training compute 6·N·D in FLOP, when D is given.</summary>
    public double? TrainingCompute { get; init; }

    /// <summary>What the counts include and why the estimate differs, written for a person.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    private static double RelativeError(long estimate, long exact) => exact == 0 ? double.NaN : (double)(estimate - exact) / exact;
}

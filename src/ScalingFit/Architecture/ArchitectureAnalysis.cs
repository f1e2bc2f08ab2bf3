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

    /// <summary>Kaplan's N = 2·d_model·n_layer·(2·d_attn + d_ff) for this shape (d_ff of one expert); null for a state-space model, which has no attention or MLP.</summary>
    public required long? KaplanEstimate { get; init; }

    /// <summary>12·n_layer·d_model² for this shape; null for a state-space model.</summary>
    public required long? SimplifiedEstimate { get; init; }

    /// <summary>The multi-token prediction modules (DeepSeek-V3), counted apart from <see cref="Parameters"/>; null when there are none.</summary>
    public ParameterBreakdown? PredictionModules { get; init; }

    /// <summary>The context length the FLOP per token are counted at, when known.</summary>
    public long? ContextLength { get; init; }

    /// <summary>Whether <see cref="ContextLength"/> is the configuration's maximum rather than a training context that was given.</summary>
    public bool ContextIsConfigurationMaximum { get; init; }

    /// <summary>Hoffmann et al. 2022 (Appendix F) FLOP per token at <see cref="ContextLength"/>; null without a context length or for a state-space model.</summary>
    public HoffmannFlops? Hoffmann { get; init; }

    /// <summary>Values the family's rules supplied for keys the configuration left out (the tied output head, biases, …).</summary>
    public IReadOnlyList<TakenDefault> Defaults { get; init; } = [];

    /// <summary>The section of the configuration counted when the language model is nested (text_config), else null.</summary>
    public string? Section { get; init; }

    /// <summary>What the count leaves out of a nested configuration (vision tower, projector, …).</summary>
    public IReadOnlyList<string> LeftOut { get; init; } = [];

    /// <summary>(Kaplan − exact) / exact, against the exact non-embedding count.</summary>
    public double KaplanRelativeError => RelativeError(KaplanEstimate, Parameters.NonEmbedding);

    /// <summary>(12·L·d² − exact) / exact, against the exact non-embedding count.</summary>
    public double SimplifiedRelativeError => RelativeError(SimplifiedEstimate, Parameters.NonEmbedding);

    /// <summary>Kaplan's error against the non-embedding parameters active per token (differs for a mixture of experts).</summary>
    public double KaplanRelativeErrorToActive => RelativeError(KaplanEstimate, Parameters.ActiveNonEmbedding);

    /// <summary>12·L·d²'s error against the non-embedding parameters active per token.</summary>
    public double SimplifiedRelativeErrorToActive => RelativeError(SimplifiedEstimate, Parameters.ActiveNonEmbedding);

    /// <summary>
    /// Forward FLOP per token C_forward = 2·N + 2·n_layer·n_ctx·d_attn with N the active non-embedding
    /// count (Kaplan Table 1) at <see cref="ContextLength"/>; the context term is left out when the
    /// context length is not known, and for a state-space model, which has no attention.
    /// </summary>
    public required long ForwardFlopsPerToken { get; init; }

    /// <summary>Whether <see cref="ForwardFlopsPerToken"/> includes the context term.</summary>
    public bool ForwardIncludesContext => ContextLength is not null && Shape.StateSpace is null;

    /// <summary>Training FLOP per token, 6·N with N the active non-embedding count.</summary>
    public required long TrainingFlopsPerToken { get; init; }

    /// <summary>Training tokens D, when given.</summary>
    public double? TrainingTokens { get; init; }

    /// <summary>Training compute 6·N·D in FLOP, when D is given.</summary>
    public double? TrainingCompute { get; init; }

    /// <summary>What the counts include and why the estimate differs, written for a person.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    private static double RelativeError(long? estimate, long exact) =>
        estimate is not { } e || exact == 0 ? double.NaN : (double)(e - exact) / exact;
}

/// <summary>A value a family's rules supplied because the configuration left its key out.</summary>
/// <param name="Key">The configuration key that was absent, e.g. tie_word_embeddings.</param>
/// <param name="Family">The family whose default was taken.</param>
/// <param name="Value">The value taken, as text (true, false, a number, a bias layout).</param>
public sealed record TakenDefault(string Key, string Family, string Value);

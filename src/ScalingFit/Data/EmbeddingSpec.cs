namespace ScalingFit.Data;

/// <summary>
/// The embedding parameters a non-embedding count N leaves out: a vocabulary of V tokens embedded in
/// d_model dimensions (V·d_model), the output head when it is not tied to them (another V·d_model),
/// and learned position embeddings (n_ctx·d_model) — the convention of Kaplan et al. 2020 (section
/// 2.1) against the total count of Hoffmann et al. 2022. d_model is read per run from a column.
/// </summary>
public sealed record EmbeddingSpec
{
    /// <summary>The vocabulary size V (tokens); positive.</summary>
    public long Vocabulary { get; init; }

    /// <summary>Whether the output head has its own V·d_model weights (untied from the input embedding).</summary>
    public bool UntiedHead { get; init; }

    /// <summary>The context length n_ctx of learned position embeddings; 0 for none (rotary, ALiBi, sinusoidal).</summary>
    public long LearnedPositions { get; init; }

    /// <summary>The column of widths d_model; null to find it by alias (d_model, hidden_size, n_embd, width).</summary>
    public string? WidthColumn { get; init; }

    /// <summary>
    /// Whether N is converted to total parameters (the default); false keeps N non-embedding and only
    /// measures the embeddings' share (and warns when it is large among the smallest models).
    /// </summary>
    public bool Convert { get; init; } = true;

    /// <summary>The embedding parameters of a model of width <paramref name="width"/>: V·d (·2 untied) + n_ctx·d.</summary>
    /// <exception cref="OverflowException">The count does not fit in 64 bits.</exception>
    public long AddedParameters(long width) =>
        checked(Vocabulary * width * (UntiedHead ? 2 : 1) + LearnedPositions * width);

    /// <summary>The spec, checked.</summary>
    /// <exception cref="OptionException">V is not positive, or n_ctx is negative.</exception>
    public EmbeddingSpec Validated()
    {
        if (Vocabulary < 1)
            throw new OptionException("EmbeddingSpec.Vocabulary", $"the vocabulary size must be a positive number of tokens, got {Vocabulary}.");
        if (LearnedPositions < 0)
            throw new OptionException("EmbeddingSpec.LearnedPositions", $"the context length of learned positions must be 0 or more, got {LearnedPositions}.");
        return this;
    }
}

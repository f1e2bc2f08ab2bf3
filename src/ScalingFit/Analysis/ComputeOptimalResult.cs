using ScalingFit.Fitting;

namespace ScalingFit.Analysis;

/// <summary>What to ask of the compute-optimal frontier.</summary>
public sealed record ComputeOptimalOptions
{
    /// <summary>Budgets C (FLOP): the optimal size, tokens and loss at each.</summary>
    public IReadOnlyList<double> Budgets { get; init; } = [];

    /// <summary>Model sizes N: the budget at which each is the optimal size.</summary>
    public IReadOnlyList<double> ParameterCounts { get; init; } = [];

    /// <summary>Target losses: the smallest budget that reaches each, and how to spend it.</summary>
    public IReadOnlyList<double> TargetLosses { get; init; } = [];

    /// <summary>Whether the data's N counts embeddings; said in the report because it moves the frontier.</summary>
    public ParameterConvention Convention { get; init; } = ParameterConvention.Unknown;

    /// <summary>Checks every budget, size and loss before any fitting starts.</summary>
    /// <exception cref="OptionException">A value that is not positive and finite.</exception>
    public ComputeOptimalOptions Validated()
    {
        foreach (var c in Budgets) Guard.Positive(c, "ComputeOptimalOptions.Budgets", "a compute budget");
        foreach (var n in ParameterCounts) Guard.Positive(n, "ComputeOptimalOptions.ParameterCounts", "a model size");
        foreach (var l in TargetLosses) Guard.Positive(l, "ComputeOptimalOptions.TargetLosses", "a target loss");
        return this;
    }
}

/// <summary>The compute-optimal frontier of a fit and the allocations asked for.</summary>
/// <param name="Fit">The law the frontier comes from.</param>
/// <param name="Frontier">The closed form at the fitted parameters.</param>
/// <param name="Coefficient">G in N_opt = G·(C/6)^a, with its interval from the bootstrap when there is one.</param>
/// <param name="ParameterExponent">a: N_opt ∝ C^a.</param>
/// <param name="TokenExponent">b = 1 − a: D_opt ∝ C^b.</param>
/// <param name="Allocations">One row per budget, model size and target loss asked about, in that order.</param>
/// <param name="Convention">Whether N counts embeddings.</param>
/// <param name="IntervalMethod">How the intervals were made, in words.</param>
/// <param name="Warnings">Extrapolation, convention and fit warnings.</param>
public sealed record ComputeOptimalResult(
    FitResult Fit,
    ComputeFrontier Frontier,
    FittedParameter Coefficient,
    FittedParameter ParameterExponent,
    FittedParameter TokenExponent,
    IReadOnlyList<Allocation> Allocations,
    ParameterConvention Convention,
    string IntervalMethod,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The closed form of the frontier for this law, in words and symbols.</summary>
    public string Formula => Frontier.Formula;

    /// <summary>Approach 2 (an IsoFLOP analysis of the same runs) against this allocation at its budgets, when it was asked; null otherwise.</summary>
    public ApproachComparisons? Approaches { get; init; }

    /// <summary>How N_opt was converted back to non-embedding parameters (the runs' N was converted to total), or null.</summary>
    public string? BackConversion { get; init; }

    /// <summary>What the convention means for the numbers, for a person.</summary>
    public string ConventionNote => Convention switch
    {
        ParameterConvention.Total when BackConversion is not null =>
            $"N counts all parameters, embeddings included (converted from the data's non-embedding N); N_opt non-emb is N_opt back in non-embedding parameters, with {BackConversion}.",
        ParameterConvention.Total =>
            "N counts all parameters, embeddings included (Hoffmann et al.'s convention; the built-in Chinchilla runs use it).",
        ParameterConvention.NonEmbedding =>
            "N counts non-embedding parameters (Kaplan et al.'s convention): N_opt is the non-embedding size; add " +
            "(n_vocab + n_ctx)·d_model for the total. Counting embeddings or not moves the fitted exponent at small scale " +
            "(Pearce and Song 2024 trace much of Kaplan's 0.73 against Chinchilla's 0.50 to it).",
        _ => "the data does not say whether N counts embedding parameters; pass --parameter-convention total or non-embedding. " +
             "It matters: Chinchilla counts them, Kaplan et al. did not, and the fitted exponent a moves with the choice at small scale.",
    };
}

using ScalingFit.Fitting;

namespace ScalingFit.Analysis;

/// <summary>Which quantity of a compute-optimal allocation was given; the others follow from it.</summary>
public enum AllocationGiven
{
    /// <summary>A compute budget C: what size, how many tokens, what loss.</summary>
    Compute,

    /// <summary>A model size N: the budget at which N is the optimal size.</summary>
    ParameterCount,

    /// <summary>A target loss: the smallest budget that reaches it, and how to spend it.</summary>
    Loss,
}

/// <summary>
/// One point of the compute-optimal frontier: budget C, optimal size N_opt, tokens D_opt = C/(6N_opt)
/// and the law's loss there, with 95% intervals.
/// </summary>
/// <param name="Given">Which of the values was asked about.</param>
/// <param name="Compute">C, FLOP.</param>
/// <param name="ParameterCount">N_opt, parameters.</param>
/// <param name="TrainingTokens">D_opt, tokens.</param>
/// <param name="Loss">The law's loss at (N_opt, D_opt), nats per token.</param>
/// <param name="Ci95">95% intervals of each value; NaN bounds where none is available.</param>
public sealed record Allocation(
    AllocationGiven Given, double Compute, double ParameterCount, double TrainingTokens, double Loss, AllocationIntervals Ci95)
{
    /// <summary>
    /// For a target loss with bootstrap intervals: the resamples whose fitted law can never reach it (the
    /// target at or below their irreducible loss). They count as an unbounded budget in the intervals.
    /// </summary>
    public int UnreachableResamples { get; init; }

    /// <summary>The bootstrap resamples with a frontier behind the intervals (0 without a bootstrap).</summary>
    public int Resamples { get; init; }

    /// <summary>N_opt converted back to non-embedding parameters when the runs were converted to total (null otherwise; NaN when it cannot be).</summary>
    public double? NonEmbeddingParameterCount { get; init; }

    /// <summary>D_opt/N_opt: tokens per parameter (about 20 in Hoffmann et al.'s approach 1).</summary>
    public double TokensPerParameter => TrainingTokens / ParameterCount;
}

/// <summary>95% intervals of an allocation's values; bounds are NaN where no interval is available.</summary>
public sealed record AllocationIntervals(
    Interval Compute, Interval ParameterCount, Interval TrainingTokens, Interval TokensPerParameter, Interval Loss)
{
    /// <summary>No intervals.</summary>
    public static AllocationIntervals None { get; } = new(Unknown, Unknown, Unknown, Unknown, Unknown);

    /// <summary>An interval with NaN bounds.</summary>
    public static Interval Unknown => new(double.NaN, double.NaN);
}

/// <summary>Whether the parameter counts N of a data set include the embedding parameters.</summary>
public enum ParameterConvention
{
    /// <summary>The data does not say.</summary>
    Unknown,

    /// <summary>All parameters, embeddings included (Hoffmann et al. 2022, and the built-in Chinchilla runs).</summary>
    Total,

    /// <summary>Non-embedding parameters only (Kaplan et al. 2020).</summary>
    NonEmbedding,
}

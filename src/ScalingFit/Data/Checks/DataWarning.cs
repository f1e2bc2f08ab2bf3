namespace ScalingFit.Data;

/// <summary>
/// A warning that the data may not mean what the analysis takes it to mean, with the number that
/// shows it. <see cref="Code"/> is stable for scripts (the JSON output carries it); the message is
/// for people.
/// </summary>
/// <param name="Code">A stable name: pooled-runs, checkpoints-as-runs, accuracy-like-loss, loss-above-20, n-unit, d-unit, compute-convention.</param>
/// <param name="Message">What was seen and what to do, as a sentence.</param>
/// <param name="Column">The column the warning is about, when there is one (e.g. the column that splits the runs).</param>
public sealed record DataWarning(string Code, string Message, string? Column = null)
{
    /// <summary>Runs from several values of a text column fitted as one population.</summary>
    public const string PooledRuns = "pooled-runs";

    /// <summary>Rows that look like checkpoints or repeated evaluations of fewer runs.</summary>
    public const string CheckpointsAsRuns = "checkpoints-as-runs";

    /// <summary>A loss column bounded in [0, 1] that rises with N: an accuracy.</summary>
    public const string AccuracyLikeLoss = "accuracy-like-loss";

    /// <summary>Some losses above 20 nats per token.</summary>
    public const string LossAbove20 = "loss-above-20";

    /// <summary>N values too small to be parameter counts.</summary>
    public const string ParameterUnit = "n-unit";

    /// <summary>D below N for most runs: D in another unit.</summary>
    public const string TokenUnit = "d-unit";

    /// <summary>C not about 6ND.</summary>
    public const string ComputeConvention = "compute-convention";

    /// <summary>Non-embedding N whose smallest models have a large embedding share: the exponent leans toward Kaplan's.</summary>
    public const string EmbeddingShare = "embedding-share";

    /// <inheritdoc/>
    public override string ToString() => Message;
}

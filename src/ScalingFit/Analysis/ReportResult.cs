using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Analysis;

/// <summary>
/// Everything the one-command report shows, each law fitted once: the comparison (each law's
/// backtest and its fit to all the runs), the compute-optimal allocation from the chinchilla (or
/// kaplan-nd) fit of the comparison, and the IsoFLOP analysis; a note says why a part is missing.
/// </summary>
/// <param name="Runs">The runs analysed.</param>
/// <param name="Split">The runs held out by the backtests and those fitted.</param>
/// <param name="Comparison">The laws ranked by backtest error, each with its fit to all the runs.</param>
/// <param name="Optimal">The compute-optimal allocation, or null.</param>
/// <param name="OptimalNote">Why there is no allocation; null when there is one.</param>
/// <param name="IsoFlop">The IsoFLOP analysis, or null.</param>
/// <param name="IsoFlopNote">Why there is no IsoFLOP analysis; null when there is one.</param>
/// <param name="Bootstrap">The bootstrap behind the nonlinear fits' intervals, or null.</param>
public sealed record ReportResult(
    RunSet Runs, HoldoutSplit Split, ComparisonResult Comparison,
    ComputeOptimalResult? Optimal, string? OptimalNote,
    IsoFlopResult? IsoFlop, string? IsoFlopNote,
    Uncertainty.BootstrapOptions? Bootstrap)
{
    /// <summary>The budget the summary quotes the allocation at (a row of <see cref="Optimal"/>); null without an allocation.</summary>
    public double? HeadlineBudget { get; init; }

    /// <summary>Whether <see cref="HeadlineBudget"/> is the default, ten times the largest run's compute, rather than one asked for.</summary>
    public bool HeadlineFromData { get; init; }

    /// <summary>
    /// N_opt and D_opt at the headline budget by approach 2 (IsoFLOP) and approach 3 (the law) with the vertex bias estimated on the
    /// law, or a note on why one side is missing; null when there is no headline budget.
    /// </summary>
    public ApproachComparisons? Approaches { get; init; }

    /// <summary>The law with the smallest backtest error that could be fitted; null when none could.</summary>
    public LawScore? Best => Comparison.Scores.FirstOrDefault(s => s.Error is null && s.Fit is not null);

    /// <summary>The laws fitted to all the runs, best first.</summary>
    public IReadOnlyList<LawScore> Fitted => Comparison.Scores.Where(s => s.Fit is not null).ToList();
}

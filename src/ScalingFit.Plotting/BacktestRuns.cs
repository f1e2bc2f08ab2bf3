using ScalingFit.Analysis;

namespace ScalingFit.Plotting;

/// <summary>
/// Backtests of one or more laws on the same split: the source of the backtest figure. With the
/// split, the figure also shows the errors on the runs the laws were fitted to.
/// </summary>
/// <param name="Backtests">One backtest per law, in the order to draw and colour them (best first for a comparison).</param>
/// <param name="Split">The split the backtests used, for the fitted runs; or null to draw the held-out runs only.</param>
public sealed record BacktestRuns(IReadOnlyList<BacktestResult> Backtests, HoldoutSplit? Split = null)
{
    /// <summary>The laws of a comparison that could be backtested, best first.</summary>
    public static BacktestRuns Of(ComparisonResult comparison, HoldoutSplit? split = null) =>
        new(comparison.Scores.Where(s => s.Backtest is not null).Select(s => s.Backtest!).ToList(), split);

    /// <summary>A law's name with its input when it takes one: "power (N)", "chinchilla".</summary>
    internal static string Name(BacktestResult backtest) => backtest.Fit.ScalingLaw.Label;

    /// <summary>Checks that there is a held-out run to draw.</summary>
    /// <exception cref="ArgumentException">No backtest, or one without predictions.</exception>
    internal BacktestRuns Validated()
    {
        if (Backtests.Count == 0) throw new ArgumentException("a backtest figure needs at least one backtest.", nameof(Backtests));
        if (Backtests.Any(b => b.Predictions.Count == 0)) throw new ArgumentException("a backtest has no held-out run to draw.", nameof(Backtests));
        return this;
    }
}

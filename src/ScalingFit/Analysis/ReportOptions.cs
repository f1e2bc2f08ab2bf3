using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Analysis;

/// <summary>What the one-command report analyses and how; the defaults suit a ladder of runs.</summary>
public sealed record ReportOptions
{
    /// <summary>Chinchilla's own budget, 5.76e23 FLOP (Hoffmann et al. 2022, Table 3): a row of the allocation table and the summary's example.</summary>
    public const double ChinchillaBudget = 5.76e23;

    /// <summary>The runs held out by the backtests; default: the 20% largest by compute (by N, then D, when the runs log no compute).</summary>
    public Holdout? Holdout { get; init; }

    /// <summary>The input of the one-input laws (power, saturating); default N, else D, else C, whichever the runs have.</summary>
    public Quantity? Input { get; init; }

    /// <summary>The laws to fit and compare; default every law that applies to the runs.</summary>
    public IReadOnlyList<LawSpec>? Laws { get; init; }

    /// <summary>Options of the nonlinear fits to all the runs: their bootstrap makes every reported interval.</summary>
    public NonlinearFitOptions Fit { get; init; } = NonlinearFitOptions.Default;

    /// <summary>Options of the backtests' fits to the training runs; default: <see cref="Fit"/> without its bootstrap (asymptotic intervals).</summary>
    public NonlinearFitOptions? Backtest { get; init; }

    /// <summary>How runs are grouped into compute budgets for the IsoFLOP analysis.</summary>
    public IsoFlopOptions IsoFlop { get; init; } = new();

    /// <summary>
    /// The budgets of the compute-optimal table; default (null): one per decade from the smallest run's
    /// decade to the decade past the largest run, the <see cref="HeadlineBudget"/> and Chinchilla's 5.76e23.
    /// </summary>
    public IReadOnlyList<double>? Budgets { get; init; }

    /// <summary>The budget the summary quotes N_opt and D_opt at; default (null) ten times the largest run's compute (<see cref="ComputeBudgets.DecadePast"/>).</summary>
    public double? HeadlineBudget { get; init; }

    /// <summary>Whether the runs' N counts embedding parameters.</summary>
    public ParameterConvention Convention { get; init; } = ParameterConvention.Unknown;

    /// <summary>Called as the analysis moves on (from worker threads during a bootstrap).</summary>
    public Action<ReportProgress>? Progress { get; init; }
}

/// <summary>The stages of the report's analysis, for progress displays.</summary>
public enum ReportStage
{
    /// <summary>Backtesting and fitting each law.</summary>
    Laws,

    /// <summary>The bootstrap of the current law's fit to all the runs.</summary>
    Bootstrap,

    /// <summary>
    /// The multi-start search of the current law (a nonlinear one): starts finished over its backtest's
    /// fit and its fit to all the runs, of twice the law's starts.
    /// </summary>
    Starts,

    /// <summary>The compute-optimal frontier and the IsoFLOP analysis.</summary>
    Allocation,
}

/// <summary>How far the report's analysis has come.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Item">What is being worked on, e.g. the law's name.</param>
/// <param name="Done">Units done in the stage.</param>
/// <param name="Total">Units in the stage.</param>
public sealed record ReportProgress(ReportStage Stage, string Item, int Done, int Total);

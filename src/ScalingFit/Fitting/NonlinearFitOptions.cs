using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;
using ScalingFit.Uncertainty;

namespace ScalingFit.Fitting;

/// <summary>How a nonlinear law is fitted.</summary>
public sealed record NonlinearFitOptions
{
    /// <summary>Huber δ = 1e-3 on ln L from the law's full start grid, tight tolerances, no bootstrap.</summary>
    public static NonlinearFitOptions Default { get; } = new();

    /// <summary>The penalty on residuals of ln L. Default Huber δ = 1e-3.</summary>
    public LossFunction Loss { get; init; } = LossFunction.Default;

    /// <summary>The local optimizer's tolerances.</summary>
    public OptimizerOptions Optimizer { get; init; } = OptimizerOptions.Default;

    /// <summary>Starting points; null for the law's own grid.</summary>
    public StartGrid? Starts { get; init; }

    /// <summary>How the starts are searched: screened (default) or exhaustive (every start on all runs).</summary>
    public StartSearch Search { get; init; } = StartSearch.Screened;

    /// <summary>A bootstrap for the intervals; null for asymptotic (sandwich) intervals.</summary>
    public BootstrapOptions? Bootstrap { get; init; }

    /// <summary>
    /// Called as the multi-start search moves on, with the starts finished and the starts in all:
    /// after each batch of starts of the screened search (its restarts on larger samples counted
    /// among the starts), about every 1% of them for the exhaustive search (from worker threads);
    /// null for none. Results do not depend on it.
    /// </summary>
    public Action<int, int>? StartProgress { get; init; }

    /// <summary>Threads for the multi-start search; −1 for all cores. Results do not depend on it.</summary>
    public int DegreeOfParallelism { get; init; } = -1;
}

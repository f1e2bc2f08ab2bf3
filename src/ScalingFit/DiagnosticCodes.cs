namespace ScalingFit;

/// <summary>The stable codes of <see cref="Diagnostic"/>s, as the JSON output carries them.</summary>
public static class DiagnosticCodes
{
    // Convergence and identification of nonlinear fits.

    /// <summary>The best start did not pass the convergence test.</summary>
    public const string NotConverged = "not-converged";

    /// <summary>Distinct optima of nearly equal objective.</summary>
    public const string SeveralOptima = "several-optima";

    /// <summary>A parameter whose standard error exceeds half its value.</summary>
    public const string WeaklyIdentified = "weakly-identified";

    /// <summary>An exponent fitted at 0: its term does not vary with its input.</summary>
    public const string ExponentZero = "exponent-zero";

    /// <summary>A fitted law of the loss that rises with N, D or C at most runs.</summary>
    public const string LossRises = "loss-rises";

    /// <summary>A positive scale fitted at 0: its term has vanished.</summary>
    public const string VanishedTerm = "vanished-term";

    /// <summary>The Hessian at the optimum is not positive definite: no asymptotic standard errors.</summary>
    public const string NoCovariance = "no-covariance";

    /// <summary>Bootstrap resamples that did not pass the convergence test.</summary>
    public const string BootstrapNotConverged = "bootstrap-not-converged";

    /// <summary>Bootstrap resamples that stopped where they started without converging.</summary>
    public const string BootstrapStoppedAtStart = "bootstrap-stopped-at-start";

    /// <summary>Intervals from the sandwich covariance under Huber's loss.</summary>
    public const string AsymptoticIntervals = "asymptotic-intervals";

    /// <summary>Bootstrap and asymptotic standard errors of a parameter that differ by more than 3×.</summary>
    public const string StandardErrorsDisagree = "standard-errors-disagree";

    /// <summary>A fitted irreducible loss above the lowest observed losses.</summary>
    public const string FloorAboveLosses = "floor-above-losses";

    /// <summary>A law scored with fixed parameters that is not finite at some runs.</summary>
    public const string LawNotFinite = "law-not-finite";

    // Log-log (OLS) fits.

    /// <summary>α ≤ 0 in a power law of the loss.</summary>
    public const string LossDoesNotFall = "loss-does-not-fall";

    /// <summary>An input spanning less than a decade.</summary>
    public const string NarrowRange = "narrow-range";

    /// <summary>Fewer than 10 runs.</summary>
    public const string FewRuns = "few-runs";

    /// <summary>The input explains less than half the variance.</summary>
    public const string LowRSquared = "low-r-squared";

    /// <summary>ln L bends up against ln X: slower than a power law, toward an irreducible loss.</summary>
    public const string CurvatureUp = "curvature-up";

    /// <summary>ln L bends down against ln X: faster than a power law, a break or emergence.</summary>
    public const string CurvatureDown = "curvature-down";

    /// <summary>A nearly collinear design.</summary>
    public const string Collinear = "collinear-design";

    /// <summary>The loss rises with an input of the joint law.</summary>
    public const string RisesWithInput = "rises-with-input";

    // Runs, sizes and what intervals can mean.

    /// <summary>Rows outnumber runs: checkpoints of fewer runs, resampled and clustered by run.</summary>
    public const string RowsPerRun = "rows-per-run";

    /// <summary>Too few runs (clusters) for the free parameters: clustered intervals cannot be trusted.</summary>
    public const string FewRunsForParameters = "few-runs-for-parameters";

    /// <summary>Fewer than 5 distinct sizes N carry a law of N.</summary>
    public const string FewSizes = "few-sizes";

    /// <summary>A bounded parameter held on an end of its range: the runs favour a value beyond it.</summary>
    public const string AtBound = "at-bound";

    // Compute-optimal allocation: approach 2 (IsoFLOP) against approach 3 (a fitted law).

    /// <summary>N_opt by approaches 2 and 3 disagree beyond their 95% intervals (approach 2's widened by the vertex bias).</summary>
    public const string ApproachesDisagree = "approaches-disagree";

    /// <summary>The IsoFLOP vertex method's bias on the approach-3 law carries N_opt outside approach 2's own interval.</summary>
    public const string VertexBias = "vertex-bias";
}

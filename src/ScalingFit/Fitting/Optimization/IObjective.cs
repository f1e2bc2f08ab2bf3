namespace ScalingFit.Fitting.Optimization;

/// <summary>A smooth objective with gradient and (exact or approximate) Hessian, for <see cref="NewtonTrustRegion"/>.</summary>
public interface IObjective
{
    /// <summary>The number of variables.</summary>
    int Dimension { get; }

    /// <summary>
    /// The objective at <paramref name="x"/>; fills <paramref name="gradient"/> and, when it is not
    /// empty, <paramref name="hessian"/> (row-major, Dimension²). Returns NaN or infinity outside
    /// the domain.
    /// </summary>
    double Evaluate(ReadOnlySpan<double> x, Span<double> gradient, Span<double> hessian);
}

/// <summary>Watches the accepted steps of a local minimization and may stop it.</summary>
public interface IStepObserver
{
    /// <summary>Called after each accepted step with the new point and objective; true stops the run there.</summary>
    bool Stop(ReadOnlySpan<double> x, double objective);
}

/// <summary>Why a local minimization stopped.</summary>
public enum ExitReason
{
    /// <summary>The Newton decrement (the objective decrease a full Newton step promises) fell below the tolerance.</summary>
    Converged,

    /// <summary>Steps became smaller than the step tolerance while the objective stopped changing.</summary>
    SmallStep,

    /// <summary>The iteration limit was reached.</summary>
    MaxIterations,

    /// <summary>No step reduced the objective however much it was damped.</summary>
    Stalled,

    /// <summary>The objective was not finite at the start.</summary>
    NotFinite,

    /// <summary>An observer stopped the run after an accepted step (it joined a path already followed).</summary>
    Joined,
}

/// <summary>Tolerances and limits of <see cref="NewtonTrustRegion"/>.</summary>
public sealed record OptimizerOptions
{
    /// <summary>The defaults: tight enough for Huber objectives of order 1e-3 (the Chinchilla fit).</summary>
    public static OptimizerOptions Default { get; } = new();

    /// <summary>
    /// Stop when ½·gᵀH⁻¹g, the decrease a full Newton step promises, is below this times
    /// max(|f|, <see cref="ObjectiveScale"/>). Default 1e-14: the objective is then known to about
    /// 14 digits, far below any statistical uncertainty.
    /// </summary>
    public double DecrementTolerance { get; init; } = 1e-14;

    /// <summary>
    /// An absolute floor beside the relative decrement test: stop when ½·gᵀH⁻¹g is below it whatever
    /// the objective. Default 0. On exact data the objective falls to rounding (1e-31), where no
    /// relative test can pass; a fit sets the floor where the step still promised would move the
    /// fitted values by about 1e-10 (see <c>ConvergenceTest</c>).
    /// </summary>
    public double DecrementFloor { get; init; }

    /// <summary>Stop when an accepted step changes no variable by more than this relative amount. Default 1e-12.</summary>
    public double StepTolerance { get; init; } = 1e-12;

    /// <summary>A floor on the objective's scale for relative tests, so an exact fit can converge. Default 1e-30.</summary>
    public double ObjectiveScale { get; init; } = 1e-30;

    /// <summary>
    /// The relative resolution of the objective's values (about 1e-6 for a sum in single
    /// precision), or 0. When a step is rejected that promised less than ten times this fraction of
    /// the objective, the rejection may be rounding rather than curvature and no smaller step can be
    /// judged either: the run stops there (<see cref="ExitReason.Stalled"/>) instead of raising the
    /// damping until nothing moves. Default 0: the objective is exact to double precision.
    /// </summary>
    public double Resolution { get; init; }

    /// <summary>The iteration limit of one local minimization. Default 500.</summary>
    public int MaxIterations { get; init; } = 500;

    /// <summary>
    /// The damping μ of the first step, relative to the diagonal of the Hessian. Default 1e-3; a
    /// run that starts near a minimum (finishing what a coarser run began) can start almost
    /// undamped.
    /// </summary>
    public double InitialDamping { get; init; } = 1e-3;
}

/// <summary>The end of one local minimization.</summary>
/// <param name="Objective">The objective at the end point.</param>
/// <param name="Iterations">Iterations taken (evaluations of gradient and Hessian).</param>
/// <param name="Reason">Why it stopped.</param>
/// <param name="Decrement">½·gᵀH⁻¹g at the end point (the decrease still promised), NaN when H is not positive definite there.</param>
public readonly record struct LocalResult(double Objective, int Iterations, ExitReason Reason, double Decrement)
{
    /// <summary>Whether the run ended at a point it accepts as a minimum.</summary>
    public bool Converged => Reason is ExitReason.Converged or ExitReason.SmallStep;
}

using ScalingFit.Fitting.Optimization;

namespace ScalingFit.Fitting;

/// <summary>
/// The strict test every fitted optimum and bootstrap refit must pass, whatever the optimizer's own
/// options: the Newton decrement ½gᵀH⁻¹g (the decrease a full Newton step still promises) is at most
/// 1e-10 of the objective, or at most an absolute floor ½·n·(1e-10)², the decrement of a step that
/// would move the fitted values by about 1e-10 (root mean square, in the residual space). The relative
/// test alone fails on exact data, whose objective falls to rounding (1e-31): there every refit would
/// be "not converged" although nothing is left to gain.
/// </summary>
internal static class ConvergenceTest
{
    /// <summary>The relative test: ½gᵀH⁻¹g ≤ this × |objective|.</summary>
    public const double Relative = 1e-10;

    /// <summary>The change of the fitted values, in the residual space, below which a step is not worth taking.</summary>
    public const double ResidualFloor = 1e-10;

    /// <summary>The absolute floor for n runs: ½·n·(1e-10)².</summary>
    public static double Floor(int runs) => 0.5 * Math.Max(1, runs) * ResidualFloor * ResidualFloor;

    /// <summary>The largest decrement that passes at this objective.</summary>
    public static double Threshold(double objective, int runs) => Math.Max(Relative * Math.Abs(objective), Floor(runs));

    /// <summary>Whether a local minimization ended where it accepts a minimum and passes the strict test.</summary>
    public static bool Passes(LocalResult result, int runs) => result.Converged && result.Decrement <= Threshold(result.Objective, runs);

    /// <summary>The optimizer's options with the absolute floor for n runs (unless the caller set one).</summary>
    public static OptimizerOptions WithFloor(OptimizerOptions options, int runs) =>
        options.DecrementFloor > 0 ? options : options with { DecrementFloor = Floor(runs) };
}

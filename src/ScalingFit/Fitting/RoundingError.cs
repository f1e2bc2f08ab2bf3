using ScalingFit.Fitting.Optimization;

namespace ScalingFit.Fitting;

/// <summary>
/// Recognises a fit that reproduces the runs to rounding error (noiseless or synthetic runs of the
/// law itself). There the objective is rounding noise: no Newton step can lower it and a decrement
/// relative to the objective cannot pass, so the optimizer reports a stall at the exact optimum.
/// Such a fit has converged when its objective and its Newton decrement are both below the
/// objective of residuals at the rounding level, rᵢ = <see cref="Relative"/>·max(|yᵢ|, |m̂ᵢ|, 1).
/// </summary>
internal static class RoundingError
{
    /// <summary>Residuals below this fraction of the size of the values they compare are taken as rounding error.</summary>
    /// <remarks>About 4,500 ulps: transcendental evaluations of a law (ln, pow, exp of terms near 20) lose a few hundred.</remarks>
    public const double Relative = 1e-12;

    /// <summary>Whether the end point <paramref name="phi"/> fits every run to rounding error, with nothing left for a Newton step.</summary>
    public static bool Reached(FitProblem problem, ReadOnlySpan<double> phi, LocalResult final)
    {
        if (!double.IsFinite(final.Objective) || !(final.Decrement >= 0)) return false;
        double floor = Floor(problem, phi);
        return final.Objective <= floor && final.Decrement <= floor;
    }

    /// <summary>Σᵢ ρ(<see cref="Relative"/>·max(|yᵢ|, |m̂ᵢ|, 1)): the objective of residuals at the rounding level.</summary>
    private static double Floor(FitProblem problem, ReadOnlySpan<double> phi)
    {
        var data = problem.Data;
        Span<double> g = stackalloc double[problem.Dimension];
        double floor = 0;
        for (int i = 0; i < data.Count; i++)
        {
            double m = problem.RowModel(phi, i, g), y = data.Target[i];
            if (!double.IsFinite(m)) return 0;
            floor += problem.Loss.Evaluate(Relative * Math.Max(Math.Max(Math.Abs(y), Math.Abs(m)), 1), out _, out _);
        }
        return floor;
    }

    /// <summary>The exit reason of such a fit.</summary>
    public static string Describe(LocalResult final) =>
        $"converged: the law reproduces the runs to rounding error (objective {NumberFormat.Significant(final.Objective, 2)}, " +
        $"Newton decrement {NumberFormat.Significant(final.Decrement, 2)})";
}

using ScalingFit.Fitting;

namespace ScalingFit.Analysis;

/// <summary>
/// A parabola of loss against ln N fitted by OLS to the runs of one compute budget (Hoffmann et al.
/// 2022, approach 2): L = c₀ + c₁·x + c₂·x² with x = ln N − <see cref="Center"/>. Its minimum lies
/// at x* = −c₁/(2c₂) with loss c₀ − c₁²/(4c₂); the standard error of x* is the delta method's
/// √(gᵀΣg), g = (0, −1/(2c₂), c₁/(2c₂²)), with Σ the OLS covariance s²(XᵀX)⁻¹.
/// </summary>
/// <param name="Center">The mean ln N of the budget's runs, subtracted for conditioning.</param>
/// <param name="Constant">c₀.</param>
/// <param name="Linear">c₁.</param>
/// <param name="Curvature">c₂: positive when the parabola opens upward and has a minimum.</param>
/// <param name="CurvatureStandardError">The standard error of c₂ (NaN with no residual degrees of freedom).</param>
/// <param name="LogMinimumStandardError">The standard error of ln N_opt = Center + x* (NaN with no residual degrees of freedom).</param>
/// <param name="DegreesOfFreedom">Runs minus 3.</param>
/// <param name="T95">The 97.5% quantile of Student's t with those degrees of freedom (NaN with none).</param>
public sealed record IsoFlopParabola(
    double Center, double Constant, double Linear, double Curvature, double CurvatureStandardError,
    double LogMinimumStandardError, int DegreesOfFreedom, double T95)
{
    /// <summary>The residual standard deviation s of the losses about the parabola (NaN with no residual degrees of freedom).</summary>
    public double ResidualStandardDeviation { get; init; } = double.NaN;

    /// <summary>Whether the parabola opens upward, so it has a minimum.</summary>
    public bool HasMinimum => Curvature > 0;

    /// <summary>ln N at the vertex.</summary>
    public double LogVertex => Center - Linear / (2 * Curvature);

    /// <summary>The loss at the vertex: c₀ − c₁²/(4c₂).</summary>
    public double VertexLoss => Constant - Linear * Linear / (4 * Curvature);

    /// <summary>The parabola's loss at N.</summary>
    public double Loss(double parameterCount)
    {
        double x = Math.Log(parameterCount) - Center;
        return Constant + Linear * x + Curvature * x * x;
    }

    /// <summary>Fits the parabola to (N, loss) pairs; null when the sizes do not determine one.</summary>
    internal static IsoFlopParabola? Fit(IReadOnlyList<double> parameterCounts, IReadOnlyList<double> losses)
    {
        double center = parameterCounts.Average(Math.Log);
        var ls = new LinearLeastSquares(2);
        Span<double> row = stackalloc double[2];
        for (int i = 0; i < parameterCounts.Count; i++)
        {
            row[0] = Math.Log(parameterCounts[i]) - center;
            row[1] = row[0] * row[0];
            ls.Add(row, losses[i]);
        }
        var fit = ls.Solve();
        if (fit.IsSingular) return null;
        double c0 = fit.Coefficients[0], c1 = fit.Coefficients[1], c2 = fit.Coefficients[2];
        double g1 = -1 / (2 * c2), g2 = c1 / (2 * c2 * c2);
        double variance = g1 * g1 * fit.Covariance(1, 1) + 2 * g1 * g2 * fit.Covariance(1, 2) + g2 * g2 * fit.Covariance(2, 2);
        return new IsoFlopParabola(center, c0, c1, c2, fit.StandardError(2), Math.Sqrt(variance), fit.DegreesOfFreedom, fit.T95)
        {
            ResidualStandardDeviation = fit.DegreesOfFreedom > 0 ? Math.Sqrt(fit.ResidualVariance) : double.NaN,
        };
    }
}

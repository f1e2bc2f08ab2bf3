using MathNet.Numerics.Interpolation;

namespace ScalingFit.Analysis;

/// <summary>How each budget's N_opt is found from its runs.</summary>
public enum IsoFlopVertex
{
    /// <summary>The vertex of a parabola of loss against ln N fitted by OLS (Hoffmann et al. 2022, approach 2).</summary>
    Parabola,

    /// <summary>The minimum of an Akima spline (Akima 1970) through the loss against ln N, per distinct size.</summary>
    Akima,
}

/// <summary>
/// The minimum of an Akima spline of loss against ln N through one budget's runs (MathNet.Numerics'
/// <c>CubicSpline.InterpolateAkima</c>; losses of repeated sizes averaged). The spline interpolates,
/// so it follows the curve without assuming its shape is a parabola; it carries no standard error.
/// </summary>
/// <param name="LogVertex">ln N at the spline's minimum over the sampled sizes.</param>
/// <param name="VertexLoss">The spline's loss there.</param>
/// <param name="AtEdge">Whether the minimum lies at the smallest or largest size sampled (an edge minimum: the optimum may lie beyond).</param>
/// <param name="Knots">The distinct sizes the spline passes through.</param>
public sealed record IsoFlopAkima(double LogVertex, double VertexLoss, bool AtEdge, int Knots)
{
    private CubicSpline? _spline;

    /// <summary>The spline's loss at ln N (meant within the sizes sampled; beyond them it extrapolates its end cubics).</summary>
    public double Loss(double logParameterCount) => _spline!.Interpolate(logParameterCount);

    /// <summary>An Akima spline needs this many distinct sizes.</summary>
    public const int MinimumSizes = 5;

    /// <summary>The spline's minimum; null with fewer than <see cref="MinimumSizes"/> distinct sizes.</summary>
    internal static IsoFlopAkima? Fit(IReadOnlyList<double> parameterCounts, IReadOnlyList<double> losses)
    {
        var points = parameterCounts.Select((n, i) => (X: Math.Log(n), Y: losses[i]))
            .GroupBy(p => p.X).Select(g => (X: g.Key, Y: g.Average(p => p.Y))).OrderBy(p => p.X).ToArray();
        if (points.Length < MinimumSizes) return null;
        var x = points.Select(p => p.X).ToArray();
        var spline = CubicSpline.InterpolateAkimaSorted(x, points.Select(p => p.Y).ToArray());
        var (best, bestLoss) = Minimum(spline, x);
        bool edge = best <= x[0] || best >= x[^1];
        return new IsoFlopAkima(best, bestLoss, edge, x.Length) { _spline = spline };
    }

    /// <summary>
    /// The minimum of the piecewise cubic over [x₀, x_last]: on each segment the derivative is a
    /// quadratic, determined exactly by its values at both ends and the middle; its real roots in the
    /// segment and the knots are the candidates.
    /// </summary>
    internal static (double X, double Loss) Minimum(CubicSpline spline, IReadOnlyList<double> x)
    {
        double bestX = x[0], bestLoss = spline.Interpolate(x[0]);
        void Consider(double t)
        {
            double v = spline.Interpolate(t);
            if (v < bestLoss) (bestX, bestLoss) = (t, v);
        }
        for (int i = 0; i + 1 < x.Count; i++)
        {
            double a = x[i], b = x[i + 1], h = b - a, m = a + h / 2;
            Consider(b);
            // The derivative on the segment as q(s) = d0 + p·s + r·s², s ∈ [0, 1], from its values at s = 0, 1/2, 1.
            double d0 = spline.Differentiate(a), dm = spline.Differentiate(m), d1 = spline.Differentiate(b);
            double r = 2 * d1 + 2 * d0 - 4 * dm, p = d1 - d0 - r;
            foreach (double s in Roots(r, p, d0))
                if (s > 0 && s < 1) Consider(a + s * h);
        }
        return (bestX, bestLoss);
    }

    private static IEnumerable<double> Roots(double r, double p, double q)
    {
        double scale = Math.Max(Math.Abs(p), Math.Abs(q));
        if (Math.Abs(r) <= 1e-14 * scale)
        {
            if (p != 0) yield return -q / p;
            yield break;
        }
        double disc = p * p - 4 * r * q;
        if (disc < 0) yield break;
        double sq = Math.Sqrt(disc), u = -0.5 * (p + (p >= 0 ? sq : -sq));
        if (u != 0) yield return q / u;
        yield return u / r;
    }
}

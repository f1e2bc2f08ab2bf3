using ScalingFit.Fitting;
using ScalingFit.Uncertainty;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Analysis;

/// <summary>
/// Percentile intervals of the budget that reaches a target loss when some bootstrap resamples can
/// never reach it: those need an unbounded budget, so they enter the sample as +∞ instead of being
/// dropped (which would leave an interval that is finite only because the resamples that disagree
/// most were removed). When more than 2.5% of the resamples cannot reach the target, the 97.5th
/// percentile is +∞: the upper end is unbounded.
/// </summary>
internal static class TargetPercentiles
{
    /// <summary>The central 95% percentile interval of the finite values and <paramref name="infinite"/> more values of +∞.</summary>
    public static Interval Interval95(IEnumerable<double> finite, int infinite)
    {
        var sorted = finite.Where(v => !double.IsNaN(v)).Concat(Enumerable.Repeat(double.PositiveInfinity, infinite)).Order().ToArray();
        return new Interval(Quantile(sorted, 0.025), Quantile(sorted, 0.975));
    }

    /// <summary>Percentiles.Quantile (R's type 7) that lets an infinite order statistic through rather than making NaN of 0·∞.</summary>
    private static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h), hi = Math.Min(lo + 1, sorted.Length - 1);
        if (double.IsInfinity(sorted[lo])) return sorted[lo];
        if (double.IsInfinity(sorted[hi])) return h > lo ? sorted[hi] : sorted[lo];
        return Percentiles.Quantile(sorted, q);
    }

    /// <summary>What the intervals of a target loss mean when some resamples cannot reach it.</summary>
    public static string Warning(Allocation a)
    {
        double share = (double)a.UnreachableResamples / a.Resamples;
        string counted = $"{a.UnreachableResamples} of {a.Resamples} bootstrap resamples ({Percent(share)}) can never reach a loss of " +
                         $"{Significant(a.Loss, 4)}: it lies at or below their irreducible loss";
        return double.IsPositiveInfinity(a.Ci95.Compute.Upper)
            ? $"{counted}, too many for the 2.5% a 95% interval may leave out above, so the upper ends of its C, N_opt and D_opt " +
              "intervals are unbounded: the runs cannot tell whether any budget reaches this target."
            : $"{counted}; they count as an unbounded budget in the intervals, which stay finite because too few of the resamples (under 2.5%) are out of reach to move their 97.5th percentile.";
    }
}

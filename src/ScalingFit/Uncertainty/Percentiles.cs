namespace ScalingFit.Uncertainty;

/// <summary>Sample statistics for bootstrap distributions.</summary>
public static class Percentiles
{
    /// <summary>The q-quantile (0 ≤ q ≤ 1) by linear interpolation between order statistics (R's type 7, numpy's default).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) return double.NaN;
        double h = (sorted.Count - 1) * q;
        int lo = (int)Math.Floor(h), hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>The sample standard deviation (n − 1 in the denominator).</summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return double.NaN;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>The central 95% percentile interval of a sample.</summary>
    public static Fitting.Interval Interval95(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).OrderBy(v => v).ToArray();
        return new Fitting.Interval(Quantile(sorted, 0.025), Quantile(sorted, 0.975));
    }
}

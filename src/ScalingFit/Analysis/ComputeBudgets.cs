using System.Globalization;
using ScalingFit.Data;

namespace ScalingFit.Analysis;

/// <summary>Ranges of compute budgets: "1e18:1e26" parsed, and log-spaced points across them.</summary>
public static class ComputeBudgets
{
    /// <summary>
    /// Log-spaced values from <paramref name="low"/> to <paramref name="high"/>, both included:
    /// <paramref name="points"/> of them, or by default one per decade (the nearest whole number of
    /// decades, at least two points).
    /// </summary>
    /// <exception cref="OptionException">Fewer than two points asked for, or more than 10,000.</exception>
    public static IReadOnlyList<double> LogSpaced(double low, double high, int? points = null)
    {
        Guard.Positive(low, "the low end of the range");
        Guard.Positive(high, "the high end of the range");
        int count = points ?? Math.Max(2, (int)Math.Round(Math.Log10(high / low)) + 1);
        if (count < 2 || count > 10_000)
            throw new OptionException("ComputeBudgets.Points", $"the number of budgets must be between 2 and 10000, got {count.ToString(CultureInfo.InvariantCulture)}.");
        double lo = Math.Log(low), step = (Math.Log(high) - lo) / (count - 1);
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = Math.Exp(lo + i * step);
        values[0] = low;
        values[^1] = high;
        return RoundToDecades(values);
    }

    /// <summary>
    /// The budget one decade past the largest run, for a headline: ten times <paramref name="largest"/>
    /// compute, rounded to two significant digits (1.296e22 FLOP gives 1.3e23).
    /// </summary>
    public static double DecadePast(double largest)
    {
        Guard.Positive(largest, "the largest run's compute");
        double value = 10 * largest;
        double scale = Math.Pow(10, Math.Floor(Math.Log10(value)) - 1);
        return Math.Round(value / scale) * scale;
    }

    /// <summary>
    /// The budgets a report tabulates for runs whose compute spans [<paramref name="smallest"/>,
    /// <paramref name="largest"/>]: one per decade from the decade of the smallest run to the decade
    /// past the largest, and the <paramref name="extra"/> budgets (a headline, Chinchilla's), in order.
    /// </summary>
    public static IReadOnlyList<double> Spanning(double smallest, double largest, params IEnumerable<double> extra)
    {
        Guard.Positive(smallest, "the smallest run's compute");
        Guard.Positive(largest, "the largest run's compute");
        int from = (int)Math.Floor(Math.Log10(smallest) + 1e-9), to = (int)Math.Floor(Math.Log10(largest) + 1e-9) + 1;
        var budgets = Enumerable.Range(from, to - from + 1).Select(Decade).ToList();
        foreach (double b in extra)
            if (!budgets.Any(x => Math.Abs(x / b - 1) < 1e-9)) budgets.Add(b);
        return [.. budgets.Order()];
    }

    /// <summary>10^k as the literal 1ek reads (Math.Pow(10, 23) is one unit in the last place above 1e23).</summary>
    private static double Decade(int k) => double.Parse($"1e{k}", NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Values within a relative 1e-12 of a power of ten become that power, so decades print as 1e20, not 9.9999999e19.</summary>
    private static double[] RoundToDecades(double[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            double decade = Math.Pow(10, Math.Round(Math.Log10(values[i])));
            if (Math.Abs(values[i] / decade - 1) < 1e-12) values[i] = decade;
        }
        return values;
    }
}

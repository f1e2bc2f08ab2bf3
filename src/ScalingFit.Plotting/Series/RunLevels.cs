using ScalingFit.Data;
using ScalingFit.Plotting.Style;

namespace ScalingFit.Plotting.Series;

/// <summary>A group of runs with similar values of one quantity, drawn in one colour.</summary>
/// <param name="Index">0 for the smallest values.</param>
/// <param name="Center">The geometric mean of the members' values: where a curve for the level holds the quantity.</param>
/// <param name="Rows">The runs in the level.</param>
/// <param name="Label">For the legend, e.g. "C 10¹⁹–10²⁰" or "D = 2×10¹⁰".</param>
internal sealed record RunLevel(int Index, double Center, IReadOnlyList<int> Rows, string Label);

/// <summary>
/// Groups runs by a quantity: one level per distinct value when there are few (a ladder of fixed
/// budgets), otherwise bins of equal width in log₁₀ (a quarter, half, one or two decades).
/// </summary>
internal static class RunLevels
{
    /// <summary>Values within this relative distance count as the same level.</summary>
    private const double SameValue = 0.02;

    public static IReadOnlyList<RunLevel> Of(string symbol, ReadOnlySpan<double> values, int maxLevels = 6)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        var logs = new double[values.Length];
        for (int i = 0; i < logs.Length; i++) logs[i] = Math.Log10(values[i]);
        Array.Sort(logs.ToArray(), order);
        var clusters = new List<List<int>>();
        foreach (int row in order)
        {
            if (clusters.Count > 0 && logs[row] - logs[clusters[^1][0]] <= Math.Log10(1 + SameValue)) clusters[^1].Add(row);
            else clusters.Add([row]);
        }
        if (clusters.Count <= maxLevels)
            return clusters.Select((rows, i) => Level(i, rows, logs, _ => $"{symbol} = {Ticks.Scientific(Math.Pow(10, Mean(rows, logs)))}")).ToList();

        double lower = logs.Min(), upper = logs.Max();
        double width = new[] { 0.25, 0.5, 1, 2, 5 }.First(w => Math.Floor(upper / w) - Math.Floor(lower / w) + 1 <= maxLevels);
        return order.GroupBy(row => Math.Floor(logs[row] / width + 1e-9))
            .OrderBy(g => g.Key)
            .Select((bin, i) => Level(i, bin.ToList(), logs,
                _ => $"{symbol} {Ticks.Scientific(Math.Pow(10, bin.Key * width))}–{Ticks.Scientific(Math.Pow(10, (bin.Key + 1) * width))}"))
            .ToList();
    }

    private static RunLevel Level(int index, List<int> rows, double[] logs, Func<List<int>, string> label) =>
        new(index, Math.Pow(10, Mean(rows, logs)), rows, label(rows));

    private static double Mean(List<int> rows, double[] logs) => rows.Average(r => logs[r]);
}

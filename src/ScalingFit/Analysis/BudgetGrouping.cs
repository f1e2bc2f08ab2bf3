using ScalingFit.Data;

namespace ScalingFit.Analysis;

/// <summary>Runs that share a compute budget: their rows, a label and the budget's compute.</summary>
/// <param name="Label">The budget's name: the group column's value, or its compute.</param>
/// <param name="Compute">The budget C: the geometric mean of its runs' compute.</param>
/// <param name="Rows">Its runs' rows in the run set.</param>
/// <param name="Spread">Largest over smallest compute among its runs (1 for an exact budget).</param>
internal sealed record BudgetGroup(string Label, double Compute, IReadOnlyList<int> Rows, double Spread);

/// <summary>
/// Groups runs by compute budget: by the value of a column, or by binning C in log space. Binning
/// takes, again and again, the window of compute no wider than a factor 1 + tolerance that holds
/// the most runs, and makes it a budget; the runs on either side are binned the same way, apart,
/// so budgets never interleave. Where no window holds 3 runs, the rest are binned greedily from
/// the smallest compute up. Densest-first keeps a cluster of runs at one nominal budget together
/// where a fixed grid or a greedy sweep would cut it in two. Tolerance 0 groups only runs of
/// equal compute (to a relative 1e-9).
/// </summary>
internal static class BudgetGrouping
{
    public static IReadOnlyList<BudgetGroup> ByColumn(RunSet runs, string column)
    {
        if (!runs.HasColumn(column) && !IsQuantityColumn(runs, column)) throw runs.UnknownColumn(column);
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < runs.Count; i++)
        {
            string key = runs.Text(column, i).Trim();
            if (!groups.TryGetValue(key, out var rows))
            {
                groups[key] = rows = [];
                order.Add(key);
            }
            rows.Add(i);
        }
        var compute = runs.Values(Quantity.Compute).ToArray();
        return order.Select(key => Group(key, groups[key], compute)).OrderBy(g => g.Compute).ToList();
    }

    public static IReadOnlyList<BudgetGroup> ByTolerance(RunSet runs, double tolerance)
    {
        var compute = runs.Values(Quantity.Compute).ToArray();
        var order = Enumerable.Range(0, compute.Length).OrderBy(i => compute[i]).ThenBy(i => i).ToArray();
        var logC = order.Select(i => Math.Log(compute[i])).ToArray();
        double width = Math.Log(1 + Math.Max(tolerance, 1e-9));
        var windows = new List<(int Start, int End)>();
        var segments = new Stack<(int Start, int End)>();
        segments.Push((0, order.Length));
        while (segments.Count > 0)
        {
            var (lo, hi) = segments.Pop();
            if (lo >= hi) continue;
            var (start, end) = DensestWindow(logC, lo, hi, width);
            if (end - start < IsoFlop.MinimumSizes)
            {
                Greedy(logC, lo, hi, width, windows);
                continue;
            }
            windows.Add((start, end));
            segments.Push((lo, start));
            segments.Push((end, hi));
        }
        return windows
            .Select(w => Group(null, order[w.Start..w.End].ToList(), compute))
            .OrderBy(g => g.Compute).ToList();
    }

    /// <summary>The window [start, end) of sorted ln C within [lo, hi) no wider than <paramref name="width"/> holding the most runs (the lowest such).</summary>
    private static (int Start, int End) DensestWindow(double[] logC, int lo, int hi, double width)
    {
        int bestStart = lo, bestEnd = lo, end = lo;
        for (int start = lo; start < hi; start++)
        {
            if (end < start) end = start;
            while (end < hi && logC[end] - logC[start] <= width) end++;
            if (end - start > bestEnd - bestStart) (bestStart, bestEnd) = (start, end);
        }
        return (bestStart, bestEnd);
    }

    /// <summary>Sparse stretches: from the smallest compute up, a window opens at a run and takes what lies within the width.</summary>
    private static void Greedy(double[] logC, int lo, int hi, double width, List<(int, int)> windows)
    {
        for (int start = lo; start < hi;)
        {
            int end = start + 1;
            while (end < hi && logC[end] - logC[start] <= width) end++;
            windows.Add((start, end));
            start = end;
        }
    }

    /// <summary>
    /// On checkpoint data (rows clustered by run), each budget keeps one row per run: the checkpoint whose
    /// compute is nearest (in ln C) the budget's, so that no run counts twice in one budget's curve.
    /// </summary>
    /// <returns>The budgets, and how many rows were set aside.</returns>
    public static (IReadOnlyList<BudgetGroup> Groups, int Dropped) OnePerRun(IReadOnlyList<BudgetGroup> groups, RunClusters clusters, double[] compute, bool labelled)
    {
        int dropped = 0;
        var result = new List<BudgetGroup>(groups.Count);
        foreach (var g in groups)
        {
            double logC = Math.Log(g.Compute);
            var kept = g.Rows.GroupBy(clusters.Of).Select(run => run.MinBy(i => Math.Abs(Math.Log(compute[i]) - logC))).Order().ToList();
            dropped += g.Rows.Count - kept.Count;
            result.Add(kept.Count == g.Rows.Count ? g : Group(labelled ? g.Label : null, kept, compute));
        }
        return (result.OrderBy(g => g.Compute).ToList(), dropped);
    }

    private static BudgetGroup Group(string? label, List<int> rows, double[] compute)
    {
        double logMean = rows.Average(i => Math.Log(compute[i]));
        double spread = rows.Max(i => compute[i]) / rows.Min(i => compute[i]);
        double c = Math.Exp(logMean);
        return new BudgetGroup(label ?? NumberFormat.Significant(c, 3), c, rows.Order().ToList(), spread);
    }

    private static bool IsQuantityColumn(RunSet runs, string column) => Quantities.All.Any(q =>
        runs.Origin(q)?.Column is { } name && string.Equals(name, column.Trim(), StringComparison.OrdinalIgnoreCase));
}

namespace ScalingFit.Data;

/// <summary>
/// The runs of a log that keeps every checkpoint without naming its runs: rows with a step column and
/// fewer sizes than rows. A run is the smallest grouping under which no step repeats: by model size N
/// (or a melted chart's run column), refined by the first column that names runs (a seed, a run name
/// or id, a model name, a text column) when one size holds several runs. Rows of one run share its
/// noise, so fits cluster and resample them together (Cameron and Miller 2015, "A practitioner's
/// guide to cluster-robust inference"). When no column tells the runs of one size apart, the runs are
/// the sizes: coarser clusters than the runs, which widens the intervals rather than narrowing them.
/// </summary>
internal static class CheckpointRuns
{
    /// <summary>Parts of column names that name runs, in order of preference.</summary>
    private static readonly string[] RunNames = ["run", "seed", "name", "id", "model", "exp", "trial", "replicate", "config"];

    /// <summary>The run columns found, and whether they tell every run apart (steps distinct within each).</summary>
    public sealed record Found(IReadOnlyList<string> Columns, RunClusters Clusters, bool Distinct);

    /// <summary>The runs of the rows, or null when neither N (read, not derived) nor a run column names sizes.</summary>
    public static Found? Find(RunSet runs, string step)
    {
        IReadOnlyList<string> basis;
        if (runs.HasColumn(WideLayout.RunColumn)) basis = [WideLayout.RunColumn];
        else if (runs.Origin(Quantity.ParameterCount) is { IsDerived: false, Column: { } n }) basis = [n];
        else return null;
        var first = RunClusters.By(runs, basis);
        if (StepsDistinct(runs, first, step)) return new Found(basis, first, true);
        foreach (string column in Candidates(runs, basis, step))
        {
            IReadOnlyList<string> columns = [.. basis, column];
            var clusters = RunClusters.By(runs, columns);
            // A column that names every row apart (a time, a running learning rate) is not a run's name.
            if (clusters.Count * 2 > runs.Count) continue;
            if (StepsDistinct(runs, clusters, step)) return new Found(columns, clusters, true);
        }
        return new Found(basis, first, false);
    }

    /// <summary>Columns other than the step, the basis and the analysis's quantities: names of runs first, then text columns, then the rest.</summary>
    private static IEnumerable<string> Candidates(RunSet runs, IReadOnlyList<string> basis, string step) =>
        runs.TextColumnNames
            .Where(c => !string.Equals(c, step, StringComparison.OrdinalIgnoreCase) && !basis.Contains(c, StringComparer.OrdinalIgnoreCase))
            .OrderBy(c => Array.FindIndex(RunNames, s => c.Contains(s, StringComparison.OrdinalIgnoreCase)) is var at and >= 0 ? at : RunNames.Length)
            .ThenBy(c => runs.Cells(c) is { IsTextual: true } ? 0 : 1);

    /// <summary>Whether no step value repeats within a run.</summary>
    private static bool StepsDistinct(RunSet runs, RunClusters clusters, string step)
    {
        var seen = new HashSet<(int, string)>();
        for (int i = 0; i < runs.Count; i++)
            if (!seen.Add((clusters.Of(i), runs.Text(step, i)))) return false;
        return true;
    }
}

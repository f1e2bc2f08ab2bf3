namespace ScalingFit.Data;

/// <summary>
/// Pooling and independence, said out loud: a text column with 2–50 values that splits the runs
/// (the same sizes appear under several of its values: configurations, data sets, families,
/// validation sets) fitted as one population; and rows that repeat (N, D) pairs, or carry a step
/// column, read without naming the runs: checkpoints of a few runs rather than independent runs.
/// </summary>
internal static class PoolingCheck
{
    /// <summary>Column names of training steps in logs.</summary>
    public static readonly string[] StepColumns = ["step", "_step", "global_step", "train/global_step", "iteration", "iter", "steps", "trainer/global_step"];

    public static RunSet Warn(RunSet runs, RunSelection selection)
    {
        var key = Key(runs);
        if (key is null || runs.Count < 4) return runs;
        foreach (var column in runs.TextColumnNames)
        {
            if (selection.RunColumns.Contains(column, StringComparer.OrdinalIgnoreCase)) continue;
            var cells = runs.Cells(column)!;
            if (!cells.IsTextual) continue;
            var groups = new Dictionary<string, HashSet<double>>(StringComparer.Ordinal);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < runs.Count && groups.Count <= 50; i++)
            {
                string value = cells.Text(i);
                if (!groups.TryGetValue(value, out var sizes)) groups[value] = sizes = [];
                sizes.Add(key(i));
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
            // Groups, not names: at least two values hold several runs each.
            if (groups.Count is < 2 or > 50 || counts.Values.Count(c => c >= 2) < 2) continue;
            // A split, not a name: some size appears under two values of the column.
            var seen = new HashSet<double>();
            bool overlaps = groups.Values.Any(sizes => sizes.Any(s => !seen.Add(s)));
            if (!overlaps) continue;
            var first = counts.OrderByDescending(kv => kv.Value).First().Key;
            string listed = string.Join(", ", counts.Take(4).Select(kv => $"'{kv.Key}': {kv.Value} run{(kv.Value == 1 ? "" : "s")}")) + (counts.Count > 4 ? ", ..." : "");
            runs = runs.WithWarning(new DataWarning(DataWarning.PooledRuns,
                $"the runs come from {groups.Count} values of '{column}' ({listed}) and are fitted as one population; " +
                $"filter with --where \"{FilterColumns.Quote(column)} = {new FilterValue(first)}\".", column));
        }
        return CheckpointWarning(runs, selection);
    }

    private static RunSet CheckpointWarning(RunSet runs, RunSelection selection)
    {
        if (selection.RunColumns.Count > 0 || runs.Clusters is not null) return runs;
        string? step = StepColumns.FirstOrDefault(runs.HasColumn);
        if (!runs.Has(Quantity.ParameterCount) || !runs.Has(Quantity.TrainingTokens)) return runs;
        var n = runs.RawValues(Quantity.ParameterCount);
        var d = runs.RawValues(Quantity.TrainingTokens);
        // Inputs besides N and D (unique tokens) tell runs of one (N, D) apart.
        var inputs = selection.InputColumns.Where(runs.HasColumn).ToList();
        var pairs = new HashSet<(double, double, string)>(n.Length);
        for (int i = 0; i < n.Length; i++) pairs.Add((n[i], d[i], string.Join('\u001f', inputs.Select(c => runs.Text(c, i)))));
        int distinct = pairs.Count;
        if (distinct == runs.Count && step is null) return runs;
        int likely = step is null
            ? distinct
            : runs.Has(Quantity.ParameterCount) ? Distinct(runs.RawValues(Quantity.ParameterCount)) : distinct;
        if (likely >= runs.Count) return runs;
        string pair = inputs.Count == 0 ? "an (N, D) pair" : $"(N, D, {string.Join(", ", inputs)})";
        string why = step is null ? runs.Count - distinct == 1 ? $"1 row repeats {pair}" : $"{runs.Count - distinct} rows repeat {pair}" : $"the data has a step column '{step}'";
        string what = step is null ? "repeated measurements (checkpoints, seeds or evaluation sets)" : "checkpoints";
        return runs.WithWarning(new DataWarning(DataWarning.CheckpointsAsRuns,
            $"these look like {what} of {likely} runs, not {runs.Count} independent runs ({why}); name the runs with --run-column " +
            $"(and --step-column{(step is null ? "" : " " + step)}) to keep one row per run, or keep every row (--select all) so that " +
            "intervals resample whole runs rather than treating each row as independent.", step));
    }

    private static int Distinct(ReadOnlySpan<double> values)
    {
        var set = new HashSet<double>();
        foreach (double v in values) set.Add(v);
        return set.Count;
    }

    /// <summary>A run's size as a key: N when the data has it, else D or C.</summary>
    private static Func<int, double>? Key(RunSet runs)
    {
        foreach (var q in new[] { Quantity.ParameterCount, Quantity.TrainingTokens, Quantity.Compute })
        {
            if (!runs.Has(q)) continue;
            var values = runs.RawValues(q).ToArray();
            return i => values[i];
        }
        return null;
    }
}

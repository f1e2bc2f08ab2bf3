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
        // The checkpoint check first: the runs it finds name runs, they do not split a population.
        runs = CheckpointWarning(runs, selection);
        var key = Key(runs);
        if (key is null || runs.Count < 4) return runs;
        var named = selection.RunColumns.Concat(selection.ResampleBy ?? []).Concat(runs.Clusters?.Columns ?? []).ToList();
        foreach (var column in runs.TextColumnNames)
        {
            if (named.Contains(column, StringComparer.OrdinalIgnoreCase)) continue;
            var cells = runs.Cells(column)!;
            if (!cells.IsTextual) continue;
            var groups = new Dictionary<string, HashSet<(double, double)>>(StringComparer.Ordinal);
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
            // A split, not a name: the same run (N and D, or N alone) appears under two values of the column. Runs
            // of one grid that were launched in batches (a 'sweep' or date column) do not repeat a run, and are one population.
            var seen = new HashSet<(double, double)>();
            bool overlaps = groups.Values.Any(sizes => sizes.Any(s => !seen.Add(s)));
            if (!overlaps) continue;
            var ranked = counts.OrderByDescending(kv => kv.Value).ToList();
            string listed = string.Join(", ", ranked.Take(4).Select(kv => $"'{kv.Key}': {kv.Value} run{(kv.Value == 1 ? "" : "s")}")) + (counts.Count > 4 ? ", ..." : "");
            runs = runs.WithWarning(new DataWarning(DataWarning.PooledRuns,
                $"the runs come from {groups.Count} values of '{column}' ({listed}) and are fitted as one population; " +
                $"analyse each value apart, side by side, with --group-by {FilterColumns.Quote(column)}, or keep one with " +
                $"--where \"{FilterColumns.Quote(column)} = {new FilterValue(ranked[0].Key)}\".", column));
        }
        return runs;
    }

    private static RunSet CheckpointWarning(RunSet runs, RunSelection selection)
    {
        if (selection.RunColumns.Count > 0 || selection.ResampleBy is { Count: > 0 }) return runs;
        string? step = runs.ColumnNames.FirstOrDefault(c => StepColumns.Contains(c.Trim(), StringComparer.OrdinalIgnoreCase));
        if (step is not null) return StepWarning(runs, step, selection);
        if (!runs.Has(Quantity.ParameterCount) || !runs.Has(Quantity.TrainingTokens)) return runs;
        var n = runs.RawValues(Quantity.ParameterCount);
        var d = runs.RawValues(Quantity.TrainingTokens);
        // Inputs besides N and D (unique tokens) tell runs of one (N, D) apart.
        var inputs = selection.InputColumns.Where(runs.HasColumn).ToList();
        var first = new Dictionary<(double, double, string), int>(n.Length);
        var repeats = new List<(int Row, int First)>();
        for (int i = 0; i < n.Length; i++)
        {
            var key = (n[i], d[i], string.Join('\u001f', inputs.Select(c => runs.Text(c, i))));
            if (!first.TryAdd(key, i)) repeats.Add((i, first[key]));
        }
        if (repeats.Count == 0) return runs;
        string pair = inputs.Count == 0 ? "an (N, D) pair" : $"(N, D, {string.Join(", ", inputs)})";
        string why = repeats.Count == 1 ? $"1 row repeats {pair}" : $"{repeats.Count} rows repeat {pair}";
        // What differs between the rows of a pair says what they are: a hyperparameter (a sweep: keep the best row),
        // or seeds, evaluation sets, checkpoints (name the runs).
        var sample = repeats.Take(10_000).ToList();
        var varying = runs.TextColumnNames
            .Where(c => runs.Cells(c) is { } cells && sample.Any(r => !string.Equals(cells.Text(r.Row), cells.Text(r.First), StringComparison.Ordinal)))
            .ToList();
        bool Hyperparameter(string c) => runs.Cells(c) is { IsTextual: false } && !NotHyperparameters.Any(s => c.Contains(s, StringComparison.OrdinalIgnoreCase));
        varying = [.. varying.OrderBy(c => Hyperparameter(c) ? 0 : 1)];
        bool sweep = varying.Count > 0 && Hyperparameter(varying[0]);
        string differ = varying.Count == 0 ? "" : $"; within a pair {Headers.List(varying.Take(3))}{(varying.Count > 3 ? $" and {varying.Count - 3} more" : "")} differ";
        string advice = sweep
            ? "for a sweep, keep the best row of each pair with --run-column N,D --select-by loss --select min; for checkpoints or seeds, name the runs with --run-column"
            : "name the runs with --run-column (and --step-column) to keep one row per run, or keep every row (--select all) so that " +
              "intervals resample whole runs rather than treating each row as independent";
        return runs.WithWarning(new DataWarning(DataWarning.CheckpointsAsRuns,
            $"these look like repeated measurements (checkpoints, seeds, evaluation sets{(sweep ? " or a hyperparameter sweep" : "")}) of {first.Count} runs, " +
            $"not {runs.Count} independent runs ({why}{differ}); {advice}.", varying.FirstOrDefault()));
    }

    /// <summary>
    /// A step column without --run-column: the rows are checkpoints of fewer runs. Unless the runs to resample by were
    /// named (or rows asked for), the runs found by <see cref="CheckpointRuns"/> become the clusters the fits resample.
    /// </summary>
    private static RunSet StepWarning(RunSet runs, string step, RunSelection selection)
    {
        // A text column that names every row differently (a W&B runs table's 'Name', whose '_step' is each run's last) says the rows are runs;
        // a time of logging, which differs on every row of a log, does not.
        if (runs.Count >= 2 && runs.TextColumnNames.Any(c => runs.Cells(c) is { IsTextual: true } cells && !TimeLike(c, cells)
                && Enumerable.Range(0, runs.Count).Select(cells.Text).Distinct(StringComparer.Ordinal).Count() == runs.Count))
            return runs;
        var found = CheckpointRuns.Find(runs, step);
        if (found is not null && found.Clusters.Count >= runs.Count) return runs;
        int? k = found?.Clusters.Count;
        string of = k is { } g ? $"checkpoints of {g} run{(g == 1 ? "" : "s")}" : "checkpoints of training runs";
        string name = found is null ? "--run-column" : $"--run-column {string.Join(",", found.Columns.Select(FilterColumns.Quote))}";
        string curve = "a fit along checkpoints mixes each run's training curve with the losses of finished runs";
        if (found is null)
            return runs.WithWarning(new DataWarning(DataWarning.CheckpointsAsRuns,
                $"these look like checkpoints, not {runs.Count} independent runs (the data has a step column '{step}', and no N or run column " +
                $"to tell runs apart): if they are one run's training curve, a fit along them describes that run's training, not a scaling law " +
                $"across models, and its checkpoints are not independent; if they are several runs, name them with --run-column (and " +
                $"--step-column {step}) to keep one row per run, or with --resample-by to cluster by them.", step));
        if (k == 1)
            return runs.WithClusters(selection.ResampleBy is null ? found.Clusters : null,
                    selection.ResampleBy is null ? $"the {runs.Count} rows are checkpoints of one run ({string.Join(", ", found.Columns)} has one value)" : null)
                .WithWarning(new DataWarning(DataWarning.CheckpointsAsRuns,
                    $"these look like the checkpoints of one run (one value of {string.Join(", ", found.Columns)}), not {runs.Count} independent runs " +
                    $"(the data has a step column '{step}'): a fit along them describes that run's training curve, not a scaling law across " +
                    "models, and one run gives nothing to resample, so its intervals cannot say how another run would differ.", step));
        if (selection.ResampleBy is not null)
            return runs.WithWarning(new DataWarning(DataWarning.CheckpointsAsRuns,
                $"these look like {of}, not {runs.Count} independent runs (the data has a step column '{step}'); name the runs with {name} " +
                $"(and --step-column {step}) to keep one row per run; {curve}, and its errors are not independent" +
                (selection.ResampleBy is { Count: 0 } ? ": treated as independent rows as asked, the intervals are too narrow." : "."), step));
        string named = found.Distinct
            ? $"named by {string.Join(", ", found.Columns)}: no step repeats within one"
            : $"one per value of {string.Join(", ", found.Columns)}: steps repeat there, but no column tells the runs of one value apart, so " +
              "the clusters may join several runs, which widens the intervals rather than narrowing them";
        return runs.WithClusters(found.Clusters,
                $"the {runs.Count} rows are checkpoints of {k} runs ({named}): fits resample and cluster whole runs")
            .WithWarning(new DataWarning(DataWarning.CheckpointsAsRuns,
                $"these look like {of}, not {runs.Count} independent runs (the data has a step column '{step}'), so the intervals count " +
                $"{k} runs, clustered and resampled whole; {curve}: keep one row per run with {name} --step-column {step}, or " +
                "treat the rows as independent with --resample-by rows.", step));
    }

    /// <summary>A column of times or dates: named so ('time', 'date', 'created', ...), or every cell read as a date and time.</summary>
    private static bool TimeLike(string column, CellColumn cells)
    {
        if (TimeNames.Any(s => column.Contains(s, StringComparison.OrdinalIgnoreCase))) return true;
        for (int i = 0; i < cells.Count; i++)
            if (!DateTimeOffset.TryParse(cells.Text(i), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AllowWhiteSpaces, out _)) return false;
        return cells.Count > 0;
    }

    private static readonly string[] TimeNames = ["time", "date", "created", "updated"];

    /// <summary>
    /// Parts of the names of numeric columns that differ between repeated measurements without making
    /// them a sweep: seeds, and other metrics (another loss, an accuracy) measured on the same runs.
    /// </summary>
    private static readonly string[] NotHyperparameters = ["seed", "loss", "acc", "ppl", "perplexity", "score", "metric", "bpb", "bits", "time", "step"];

    private static int Distinct(ReadOnlySpan<double> values)
    {
        var set = new HashSet<double>();
        foreach (double v in values) set.Add(v);
        return set.Count;
    }

    /// <summary>A run as a key: (N, D) when the data has both, else N, D or C alone.</summary>
    private static Func<int, (double, double)>? Key(RunSet runs)
    {
        var present = new[] { Quantity.ParameterCount, Quantity.TrainingTokens, Quantity.Compute }.Where(runs.Has).ToList();
        if (present.Count == 0) return null;
        var first = runs.RawValues(present[0]).ToArray();
        if (present.Count == 1 || present[0] != Quantity.ParameterCount || present[1] != Quantity.TrainingTokens) return i => (first[i], 0);
        var second = runs.RawValues(present[1]).ToArray();
        return i => (first[i], second[i]);
    }
}

using System.Globalization;

namespace ScalingFit.Data;

/// <summary>
/// Turns the rows read from a log into the runs to fit, in this order: filters (--where), one row
/// per run (--run-column, --step-column, --select, --select-by), dropping incomplete and diverged
/// rows (counted), the compute convention, derived quantities (D = C/(6N), C = 6ND, N = C/(6D)),
/// what the numbers mean (perplexity, accuracy, units), validation of every value the analysis
/// uses, warnings on pooling and independence, and dropping the highest losses. Filters run before
/// any cell is validated, so an excluded row may hold anything.
/// </summary>
public static class RunPreparation
{
    /// <summary>Applies a selection to raw rows, then validates and completes the quantities.</summary>
    /// <exception cref="DataException">A condition names no column, nothing is left, or a value cannot be used.</exception>
    public static RunSet Prepare(RunSet rows, RunSelection selection)
    {
        var runs = Filter(rows, selection.Where);
        runs = CheckpointGrouping.Group(runs, selection.RunColumns, selection.StepColumn, selection.Checkpoint, selection.SelectBy);
        return Complete(runs, selection);
    }

    /// <summary>The steps after the filters and the choice of one row per run (done here or while reading, <see cref="StreamingSelection"/>).</summary>
    internal static RunSet Complete(RunSet runs, RunSelection selection)
    {
        runs = Cluster(runs, selection);
        runs = DropRows(runs, selection);
        runs = ComputeCheck.Apply(runs, selection.ComputeConvention, selection.ComputeConventionChosen);
        runs = Derivation.Complete(runs);
        MeaningChecks.RefusePerplexity(runs);
        Validate(runs, selection.Uses);
        runs = MeaningChecks.Warn(runs);
        runs = PoolingCheck.Warn(runs, selection);
        return DropHighestLoss(runs, selection.DropHighestLoss);
    }

    /// <summary>Keeps the rows that satisfy every condition.</summary>
    /// <exception cref="DataException">A condition names no column (the message lists the columns), or no row satisfies them.</exception>
    public static RunSet Filter(RunSet rows, IReadOnlyList<RowFilter> conditions)
    {
        if (conditions.Count == 0) return rows;
        var kept = Satisfying(rows, conditions.Select(c => c.Compile(rows)).ToArray(), rows.Count);
        if (kept.Count == 0) throw NoneSatisfy(conditions, rows.Count, rows.Source);
        return kept.Count == rows.Count ? rows.WithNote(FilterNote(conditions, kept.Count, rows.Count)) : rows.Subset(kept, FilterNote(conditions, kept.Count, rows.Count));
    }

    /// <summary>The rows among the first <paramref name="count"/> that pass every test, in order.</summary>
    internal static List<int> Satisfying(RunSet rows, Func<int, bool>[] tests, int count)
    {
        var kept = new List<int>(count);
        for (int i = 0; i < count; i++)
        {
            bool pass = true;
            foreach (var test in tests)
                if (!test(i)) { pass = false; break; }
            if (pass) kept.Add(i);
        }
        return kept;
    }

    internal static DataException NoneSatisfy(IReadOnlyList<RowFilter> conditions, long rows, string source) =>
        new($"no rows satisfy {Describe(conditions)} (of {rows} rows).", source);

    /// <summary>What the filters kept, of how many rows read.</summary>
    internal static string FilterNote(IReadOnlyList<RowFilter> conditions, long kept, long rows) =>
        kept == rows ? $"all {rows} rows satisfy {Describe(conditions)}" : $"kept {kept} of {rows} rows where {Describe(conditions)}";

    private static string Describe(IReadOnlyList<RowFilter> conditions) =>
        string.Join(" and ", conditions.Select(c => conditions.Count > 1 && c is OrFilter ? $"({c})" : c.ToString()));

    /// <summary>
    /// Names the run of every row when rows are checkpoints of fewer runs: the columns of
    /// <see cref="RunSelection.ResampleBy"/>, or the run columns when every checkpoint is kept.
    /// </summary>
    /// <exception cref="DataException">A column that is not in the data.</exception>
    public static RunSet Cluster(RunSet runs, RunSelection selection)
    {
        var columns = selection.ResampleBy ?? (selection.Checkpoint == CheckpointChoice.All ? selection.RunColumns : []);
        if (columns.Count == 0) return runs;
        var clusters = RunClusters.By(runs, columns);
        if (clusters.Count == runs.Count)
            return runs.WithNote($"each of the {runs.Count} rows is a run of its own by {clusters.Describe()}, so rows are resampled one by one");
        return runs.WithClusters(clusters,
            $"the {runs.Count} rows are checkpoints of {clusters.Count} runs named by {clusters.Describe()}: fits resample and cluster whole runs");
    }

    /// <summary>Drops rows missing a value the analysis uses and runs with a NaN or infinite loss, when asked, counting them.</summary>
    private static RunSet DropRows(RunSet runs, RunSelection selection)
    {
        if (!selection.DropIncomplete && !selection.DropInvalid) return runs;
        var drop = new SortedSet<int>();
        var reasons = new List<string>();
        if (selection.DropIncomplete)
        {
            int before = drop.Count;
            var columns = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var q in Needed(runs, selection.Uses))
                foreach (var issue in runs.Issues(q))
                    if (drop.Add(issue.Row)) columns.Add(issue.Column);
            foreach (var (row, column) in NonNumericCells(runs, selection.InputColumns.Concat(selection.TargetColumns)))
                if (drop.Add(row)) columns.Add(column);
            if (drop.Count > before)
                reasons.Add($"dropped {drop.Count - before} rows with an empty or non-numeric cell in {string.Join(", ", columns.Select(c => $"'{c}'"))} ({Lines(runs, drop)})");
        }
        if (selection.DropInvalid && runs.Has(Quantity.Loss))
        {
            var loss = runs.RawValues(Quantity.Loss);
            var issues = runs.Issues(Quantity.Loss).Select(i => i.Row).ToHashSet();
            var invalid = new SortedSet<int>();
            for (int i = 0; i < loss.Length; i++)
                if (!double.IsFinite(loss[i]) && !issues.Contains(i) && !drop.Contains(i)) invalid.Add(i);
            drop.UnionWith(invalid);
            if (invalid.Count > 0) reasons.Add($"dropped {invalid.Count} runs whose loss is NaN or infinite (diverged; {Lines(runs, invalid)})");
        }
        if (drop.Count == 0) return runs;
        if (drop.Count == runs.Count)
            throw new DataException($"all {runs.Count} rows were dropped: {string.Join("; ", reasons)}.", runs.Source);
        var kept = Enumerable.Range(0, runs.Count).Where(i => !drop.Contains(i)).ToList();
        return runs.Subset(kept, string.Join("; ", reasons));
    }

    /// <summary>The quantities whose cells the analysis needs: those it uses, or the inputs of those it will derive.</summary>
    private static IEnumerable<Quantity> Needed(RunSet runs, IReadOnlyCollection<Quantity>? uses)
    {
        var used = uses ?? Quantities.All;
        var needed = new HashSet<Quantity>();
        foreach (var q in used)
        {
            if (runs.Has(q)) needed.Add(q);
            else if (q != Quantity.Loss)
                foreach (var input in Quantities.Inputs) if (runs.Has(input)) needed.Add(input);
        }
        return needed.Order();
    }

    /// <summary>The rows whose cell in one of these columns (other than the quantities' own) is empty, not a number or not finite.</summary>
    private static IEnumerable<(int Row, string Column)> NonNumericCells(RunSet runs, IEnumerable<string> columns)
    {
        var quantityColumns = Quantities.All.Select(q => runs.Origin(q)?.Column).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (quantityColumns.Contains(column) || runs.Cells(column) is not { } cells) continue;
            string name = runs.TextColumnNames.FirstOrDefault(n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase)) ?? column;
            for (int i = 0; i < runs.Count; i++)
                if (!cells.TryNumber(i, out var v) || !double.IsFinite(v)) yield return (i, name);
        }
    }

    private static string Lines(RunSet runs, IEnumerable<int> rows)
    {
        var list = rows.Take(6).Select(r => runs.Line(r).ToString(CultureInfo.InvariantCulture)).ToList();
        return (list.Count == 1 ? "line " : "lines ") + string.Join(", ", list.Take(5)) + (list.Count > 5 ? ", ..." : "");
    }

    /// <summary>Drops the <paramref name="count"/> runs with the highest loss (ties broken by input order).</summary>
    public static RunSet DropHighestLoss(RunSet runs, int count)
    {
        if (count == 0) return runs;
        if (count < 0) throw new OptionException("RunSelection.DropHighestLoss", $"the number of highest-loss runs to drop must be 0 or more, got {count}.");
        if (count >= runs.Count)
            throw new DataException(
                $"cannot drop the {count} highest-loss runs: there are only {runs.Count}.", runs.Source);
        var loss = runs.Values(Quantity.Loss).ToArray();
        var order = Enumerable.Range(0, runs.Count).OrderByDescending(i => loss[i]).ThenBy(i => i).ToArray();
        var dropped = order.Take(count).ToHashSet();
        var kept = Enumerable.Range(0, runs.Count).Where(i => !dropped.Contains(i)).ToList();
        double threshold = loss[order[count - 1]];
        return runs.Subset(kept,
            $"dropped the {count} runs with the highest loss (loss >= {threshold.ToString("G5", CultureInfo.InvariantCulture)})");
    }

    /// <summary>
    /// Checks that every value the analysis uses (every quantity the data has, when
    /// <paramref name="uses"/> is null) is a number, positive and finite, since every law takes its
    /// logarithm; the error names the file, line and column of the first bad value.
    /// </summary>
    public static void Validate(RunSet runs, IReadOnlyCollection<Quantity>? uses = null)
    {
        foreach (var q in Quantities.All)
        {
            if (!runs.Has(q) || (uses is not null && !uses.Contains(q))) continue;
            _ = runs.Values(q);
        }
    }
}

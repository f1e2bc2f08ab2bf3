using System.Globalization;

namespace ScalingFit.Data;

/// <summary>
/// Turns the rows read from a log into the runs to fit: filters (--where), one checkpoint per run
/// (--run-column, --step-column, --select), validation of every value that will be logged,
/// derived quantities (D = C/(6N), C = 6ND, N = C/(6D)) and dropping the highest losses.
/// </summary>
public static class RunPreparation
{
    /// <summary>Applies a selection to raw rows, then validates and completes the quantities.</summary>
    /// <exception cref="DataException">A condition names no column, nothing is left, or a value cannot be logged.</exception>
    public static RunSet Prepare(RunSet rows, RunSelection selection)
    {
        var runs = Filter(rows, selection.Where);
        runs = CheckpointGrouping.Group(runs, selection.RunColumns, selection.StepColumn, selection.Checkpoint);
        Validate(runs);
        runs = Derivation.Complete(runs);
        return DropHighestLoss(runs, selection.DropHighestLoss);
    }

    /// <summary>Keeps the rows that satisfy every condition.</summary>
    public static RunSet Filter(RunSet rows, IReadOnlyList<ColumnCondition> conditions)
    {
        if (conditions.Count == 0) return rows;
        foreach (var c in conditions)
        {
            if (!rows.HasColumn(c.Column) && !IsQuantityColumn(rows, c.Column)) throw rows.UnknownColumn(c.Column);
        }
        var kept = Enumerable.Range(0, rows.Count)
            .Where(i => conditions.All(c => c.Matches(rows.Text(c.Column, i))))
            .ToList();
        string what = string.Join(" and ", conditions);
        if (kept.Count == 0)
            throw new DataException($"no rows satisfy {what} (of {rows.Count} rows).", rows.Source);
        return rows.Subset(kept, $"kept {kept.Count} of {rows.Count} rows where {what}");
    }

    /// <summary>Drops the <paramref name="count"/> runs with the highest loss (ties broken by input order).</summary>
    public static RunSet DropHighestLoss(RunSet runs, int count)
    {
        if (count == 0) return runs;
        if (count < 0) throw new OptionException($"--drop-highest-loss must be 0 or more, got {count}.");
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
    /// Checks that every N, D, C and loss value is positive and finite, since every law takes its
    /// logarithm; the error names the line and column of the first bad value.
    /// </summary>
    public static void Validate(RunSet runs)
    {
        foreach (var q in Quantities.All)
        {
            if (!runs.Has(q)) continue;
            var values = runs.Values(q);
            for (int i = 0; i < values.Length; i++)
            {
                double v = values[i];
                if (v > 0 && double.IsFinite(v)) continue;
                string what = double.IsNaN(v) ? "NaN" : double.IsInfinity(v) ? "infinite" : v == 0 ? "zero" : "negative";
                string origin = runs.Origin(q)!.IsDerived ? $" ({runs.Origin(q)})" : "";
                throw new DataException(
                    $"{q.Symbol()} is {what} ({v.ToString("R", CultureInfo.InvariantCulture)}){origin}; " +
                    $"it must be positive and finite because scaling laws take its logarithm.",
                    runs.Source, runs.Line(i), runs.Origin(q)!.Column);
            }
        }
    }

    private static bool IsQuantityColumn(RunSet rows, string column) => Quantities.All.Any(q =>
        rows.Origin(q)?.Column is { } name && string.Equals(name, column.Trim(), StringComparison.OrdinalIgnoreCase));
}

namespace ScalingFit.Data;

/// <summary>
/// Groups the checkpoint rows of training-curve logs into runs (a run is one combination of the
/// run columns' values) and keeps one checkpoint per run: the last by step or the lowest loss.
/// </summary>
public static class CheckpointGrouping
{
    /// <summary>Keeps one row per run; returns the rows unchanged when no run columns are given.</summary>
    /// <exception cref="DataException">A column is missing or a step is not a number.</exception>
    public static RunSet Group(RunSet rows, IReadOnlyList<string> runColumns, string? stepColumn, CheckpointChoice choice) =>
        Group(rows, runColumns, stepColumn, choice, null);

    /// <summary>
    /// Keeps one row per run (a combination of the run columns' values, which may be quantity
    /// columns such as N and D): the last checkpoint, the lowest loss, or the lowest or highest value
    /// of <paramref name="selectBy"/> (e.g. the best run per N and D by loss, to fit the optimal
    /// learning rate). Returns the rows unchanged when no run columns are given.
    /// </summary>
    /// <exception cref="DataException">A column is missing, or a step or selection cell is not a number.</exception>
    public static RunSet Group(RunSet rows, IReadOnlyList<string> runColumns, string? stepColumn, CheckpointChoice choice, string? selectBy)
    {
        if (runColumns.Count == 0)
        {
            if (choice == CheckpointChoice.All)
                throw new OptionException("RunSelection.Checkpoint", "keeping every checkpoint of each run needs the columns that name the runs.");
            if (stepColumn is not null)
                throw new OptionException("--step-column orders the checkpoints of each run; name the runs with --run-column too.");
            if (selectBy is not null)
                throw new OptionException("--select-by picks one row in each group of --run-column; name the groups with --run-column too.");
            return rows;
        }
        if (choice == CheckpointChoice.All)
        {
            if (selectBy is not null)
                throw new OptionException("RunSelection.SelectBy", "a selection column picks one row per run, but every checkpoint is kept; keep one (the lowest or highest) or drop the selection column.");
            foreach (var column in runColumns)
                if (!rows.HasColumn(column) && !(Quantities.TryParse(column, out var q) && rows.Has(q))) throw rows.UnknownColumn(column);
            return rows;
        }
        if (choice == CheckpointChoice.Max && selectBy is null)
            throw new OptionException("--select max needs --select-by COLUMN (the column whose highest value picks the row).");
        foreach (var column in runColumns.Append(stepColumn).Append(selectBy).OfType<string>())
        {
            if (!rows.HasColumn(column) && !(Quantities.TryParse(column, out var q) && rows.Has(q))) throw rows.UnknownColumn(column);
        }

        var steps = stepColumn is null ? null : ReadSteps(rows, stepColumn);
        bool highest = choice == CheckpointChoice.Max;
        var loss = selectBy is not null ? SelectionValues(rows, selectBy, highest) : rows.RawValues(Quantity.Loss);
        if (highest) choice = CheckpointChoice.Min;
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < rows.Count; i++)
        {
            string key = string.Join('\u001f', runColumns.Select(c => KeyText(rows, c, i)));
            if (!best.TryGetValue(key, out int current))
            {
                best[key] = i;
                order.Add(key);
            }
            else if (Better(i, current, choice, steps, loss))
            {
                best[key] = i;
            }
        }

        var kept = order.Select(k => best[k]).ToList();
        string which = selectBy is not null
            ? $"the row with the {(highest ? "highest" : "lowest")} {selectBy}"
            : choice == CheckpointChoice.Min
            ? "the lowest-loss checkpoint"
            : stepColumn is null ? "the last checkpoint (file order)" : $"the last checkpoint (highest {stepColumn})";
        return rows.Subset(kept,
            $"kept {which} of each of {kept.Count} runs (runs named by {string.Join(", ", runColumns)}; {rows.Count} rows)");
    }

    /// <summary>The selection column as numbers to minimise (negated for the highest); empty cells are never chosen.</summary>
    private static double[] SelectionValues(RunSet rows, string column, bool highest)
    {
        double[] values = rows.HasColumn(column) ? rows.RawNumbers(column) : rows.RawValues(Quantities.Parse(column)).ToArray();
        if (highest) for (int i = 0; i < values.Length; i++) values[i] = -values[i];
        return values;
    }

    private static bool Better(int candidate, int current, CheckpointChoice choice, double[]? steps, ReadOnlySpan<double> loss)
    {
        if (choice == CheckpointChoice.Min)
        {
            double a = double.IsNaN(loss[candidate]) ? double.PositiveInfinity : loss[candidate];
            double b = double.IsNaN(loss[current]) ? double.PositiveInfinity : loss[current];
            return a < b;
        }
        return steps is null || steps[candidate] >= steps[current];
    }

    private static string KeyText(RunSet rows, string column, int row) =>
        rows.HasColumn(column) ? rows.Text(column, row) : rows.RawValues(Quantities.Parse(column))[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static double[] ReadSteps(RunSet rows, string stepColumn)
    {
        var steps = new double[rows.Count];
        for (int i = 0; i < steps.Length; i++)
        {
            string cell = rows.Text(stepColumn, i);
            if (!NumberCells.TryParse(cell, out steps[i]) || double.IsNaN(steps[i]))
                throw rows.ErrorAt(i, stepColumn, $"the step '{cell}' is not a number.");
        }
        return steps;
    }
}

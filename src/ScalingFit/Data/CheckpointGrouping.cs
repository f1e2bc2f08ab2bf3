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
        if (!Check(rows, runColumns, stepColumn, choice, selectBy)) return rows;
        var kept = Best(rows, null, runColumns, stepColumn, choice, selectBy);
        return rows.Subset(kept, Note(runColumns, stepColumn, choice, selectBy, kept.Count, rows.Count));
    }

    /// <summary>Checks the options and that the columns exist; false when there are no run columns (nothing to group).</summary>
    /// <exception cref="OptionException">A step or selection column without run columns, or max without a selection column.</exception>
    /// <exception cref="DataException">A column is missing.</exception>
    internal static bool Check(RunSet rows, IReadOnlyList<string> runColumns, string? stepColumn, CheckpointChoice choice, string? selectBy)
    {
        if (runColumns.Count == 0)
        {
            if (choice == CheckpointChoice.All)
                throw new OptionException("RunSelection.Checkpoint", "keeping every checkpoint of each run needs the columns that name the runs.");
            if (stepColumn is not null)
                throw new OptionException("--step-column orders the checkpoints of each run; name the runs with --run-column too.");
            if (selectBy is not null)
                throw new OptionException("--select-by picks one row in each group of --run-column; name the groups with --run-column too.");
            return false;
        }
        if (choice == CheckpointChoice.All)
        {
            if (selectBy is not null)
                throw new OptionException("RunSelection.SelectBy", "a selection column picks one row per run, but every checkpoint is kept; keep one (the lowest or highest) or drop the selection column.");
            foreach (var column in runColumns)
                if (!rows.HasColumn(column) && !(Quantities.TryParse(column, out var q) && rows.Has(q))) throw rows.UnknownColumn(column);
            return false;
        }
        if (choice == CheckpointChoice.Max && selectBy is null)
            throw new OptionException("--select max needs --select-by COLUMN (the column whose highest value picks the row).");
        foreach (var column in runColumns.Append(stepColumn).Append(selectBy).OfType<string>())
        {
            if (!rows.HasColumn(column) && !(Quantities.TryParse(column, out var q) && rows.Has(q))) throw rows.UnknownColumn(column);
        }
        return true;
    }

    /// <summary>
    /// The row kept for each run, in order of the runs' first rows. Only <paramref name="candidates"/>
    /// (rows in increasing order; null for all) are read, so rows left out by a filter are never validated.
    /// </summary>
    /// <exception cref="DataException">A step or selection cell of a candidate is not a number (named by file and line).</exception>
    internal static List<int> Best(RunSet rows, IReadOnlyList<int>? candidates, IReadOnlyList<string> runColumns, string? stepColumn, CheckpointChoice choice, string? selectBy)
    {
        int count = candidates?.Count ?? rows.Count;
        var steps = stepColumn is null ? null : ReadSteps(rows, stepColumn, candidates);
        bool highest = choice == CheckpointChoice.Max;
        var loss = selectBy is not null ? SelectionValues(rows, selectBy, highest, candidates) : rows.RawValues(Quantity.Loss);
        if (highest) choice = CheckpointChoice.Min;
        var keys = runColumns.Select(c => KeyText(rows, c)).ToArray();
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        // One run column kept as text (the usual run name): looked up from its bytes, a string made only for a new run.
        var single = runColumns.Count == 1 && rows.Cells(runColumns[0]) is { HasText: true } named ? named : null;
        var lookup = best.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> chars = stackalloc char[128];
        for (int k = 0; k < count; k++)
        {
            int i = candidates?[k] ?? k;
            if (single is not null && single.TryUtf8(i, out var utf8) && utf8.Length <= chars.Length
                && System.Text.Unicode.Utf8.ToUtf16(utf8, chars, out _, out int written) == System.Buffers.OperationStatus.Done
                && lookup.TryGetValue(chars[..written], out int known))
            {
                if (Better(i, known, choice, steps, loss)) lookup[chars[..written]] = i;
                continue;
            }
            string key = keys.Length == 1 ? keys[0](i) : string.Join('\u001f', keys.Select(text => text(i)));
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
        return order.Select(k => best[k]).ToList();
    }

    /// <summary>What the grouping did, with the number of runs kept and of rows grouped.</summary>
    internal static string Note(IReadOnlyList<string> runColumns, string? stepColumn, CheckpointChoice choice, string? selectBy, int runs, long rows)
    {
        bool highest = choice == CheckpointChoice.Max;
        string which = selectBy is not null
            ? $"the row with the {(highest ? "highest" : "lowest")} {selectBy}"
            : choice == CheckpointChoice.Min
            ? "the lowest-loss checkpoint"
            : stepColumn is null ? "the last checkpoint (file order)" : $"the last checkpoint (highest {stepColumn})";
        return $"kept {which} of each of {runs} runs (runs named by {string.Join(", ", runColumns)}; {rows} rows)";
    }

    /// <summary>The selection column as numbers to minimise (negated for the highest); empty cells are never chosen.</summary>
    private static double[] SelectionValues(RunSet rows, string column, bool highest, IReadOnlyList<int>? candidates)
    {
        double[] values = rows.HasColumn(column) ? rows.RawNumbers(column, candidates) : rows.RawValues(Quantities.Parse(column)).ToArray();
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

    /// <summary>A run column's cell as text: the cell as written, or a quantity's value in its shortest round-trip form.</summary>
    private static Func<int, string> KeyText(RunSet rows, string column)
    {
        if (rows.Cells(column) is { } cells) return cells.Text;
        var q = Quantities.Parse(column);
        return row => rows.RawValues(q)[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static double[] ReadSteps(RunSet rows, string stepColumn, IReadOnlyList<int>? candidates)
    {
        var steps = new double[rows.Count];
        int count = candidates?.Count ?? rows.Count;
        var cells = rows.Cells(stepColumn);
        for (int k = 0; k < count; k++)
        {
            int i = candidates?[k] ?? k;
            // The cell's text as a number (its bytes when kept: the same as parsing its string, without one).
            if (cells is not null && cells.TryUtf8(i, out var utf8) && NumberCells.TryParse(utf8, out steps[i]) && !double.IsNaN(steps[i])) continue;
            string cell = rows.Text(stepColumn, i);
            if (!NumberCells.TryParse(cell, out steps[i]) || double.IsNaN(steps[i]))
                throw rows.ErrorAt(i, stepColumn, $"the step '{cell}' is not a number.");
        }
        return steps;
    }
}

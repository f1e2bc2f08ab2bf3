namespace ScalingFit.Data;

/// <summary>
/// Groups the checkpoint rows of training-curve logs into runs (a run is one combination of the
/// run columns' values) and keeps one checkpoint per run: the last by step or the lowest loss.
/// </summary>
public static class CheckpointGrouping
{
    /// <summary>Keeps one row per run; returns the rows unchanged when no run columns are given.</summary>
    /// <exception cref="DataException">A column is missing or a step is not a number.</exception>
    public static RunSet Group(RunSet rows, IReadOnlyList<string> runColumns, string? stepColumn, CheckpointChoice choice)
    {
        if (runColumns.Count == 0)
        {
            if (stepColumn is not null)
                throw new OptionException("--step-column orders the checkpoints of each run; name the runs with --run-column too.");
            return rows;
        }
        foreach (var column in runColumns.Append(stepColumn).OfType<string>())
        {
            if (!rows.HasColumn(column)) throw rows.UnknownColumn(column);
        }

        var steps = stepColumn is null ? null : ReadSteps(rows, stepColumn);
        var loss = rows.Values(Quantity.Loss);
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < rows.Count; i++)
        {
            string key = string.Join('\u001f', runColumns.Select(c => rows.Text(c, i)));
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
        string which = choice == CheckpointChoice.Min
            ? "the lowest-loss checkpoint"
            : stepColumn is null ? "the last checkpoint (file order)" : $"the last checkpoint (highest {stepColumn})";
        return rows.Subset(kept,
            $"kept {which} of each of {kept.Count} runs (runs named by {string.Join(", ", runColumns)}; {rows.Count} rows)");
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

    private static double[] ReadSteps(RunSet rows, string stepColumn)
    {
        var steps = new double[rows.Count];
        for (int i = 0; i < steps.Length; i++)
        {
            string cell = rows.Text(stepColumn, i);
            if (!NumberText.TryParse(cell, out steps[i]) || double.IsNaN(steps[i]))
                throw new DataException($"the step '{cell}' is not a number.", rows.Source, rows.Line(i), stepColumn);
        }
        return steps;
    }
}

namespace ScalingFit.Data;

/// <summary>
/// Gives a table read from any format its meaning: which columns are N, D, C and loss (by name or
/// alias), in what units, and the loss as nats per token. Cells are not validated here: a cell
/// that is not a number is kept as an issue of its quantity and reported only if it is used.
/// </summary>
internal static class RunTable
{
    /// <exception cref="DataException">A named column is missing, two columns match one quantity, or there is no loss column.</exception>
    public static RunSet ToRuns(RawTable table, RunReadOptions options)
    {
        var notes = new List<string>(table.Notes);
        var found = ColumnResolver.Resolve(table.Names, options, table.Source, notes, table.HeaderLine);
        if (options.RequireLoss && found[(int)Quantity.Loss] is null) throw NoLoss(table);
        var quantities = new double[]?[Quantities.All.Count];
        var origins = new ColumnOrigin?[Quantities.All.Count];
        var issues = new CellIssue[]?[Quantities.All.Count];
        foreach (var q in Quantities.All)
        {
            if (found[(int)q] is not { } column) continue;
            string name = table.Names[column.Index];
            var cells = table.Columns[column.Index];
            var unit = q == Quantity.Loss ? null : column.Unit;
            var transform = q == Quantity.Loss ? options.LossTransform : LossTransform.None;
            quantities[(int)q] = Scaled(cells.Numbers(), table.Count, unit, transform);
            origins[(int)q] = ColumnOrigin.Read(name) with { Unit = unit, Transform = transform == LossTransform.Ln ? "ln" : null };
            issues[(int)q] = cells.NonNumberRows().Select(r => new CellIssue(r, name, cells.Text(r))).ToArray() is { Length: > 0 } list ? list : null;
            if (unit is not null)
                notes.Add($"{q.Symbol()} read from '{name}' {unit.Describe()}{(column.UnitFromHeader ? ", as its header says" : "")}");
            if (transform == LossTransform.Ln)
                notes.Add($"loss = ln('{name}'): the column is read as a perplexity (cross-entropy = ln perplexity)");
        }
        return new RunSet(table.Source, table.Count, quantities, origins, issues, [.. table.Names], table.Columns,
            table.Lines, table.Origins, notes, []);
    }

    private static double[] Scaled(double[] values, int count, ColumnUnit? unit, LossTransform transform)
    {
        if (unit is null && transform == LossTransform.None) return values;
        var scaled = new double[count];
        double s = unit?.Scale ?? 1;
        for (int i = 0; i < count; i++) scaled[i] = transform == LossTransform.Ln ? Math.Log(values[i]) : values[i] * s;
        return scaled;
    }

    private static DataException NoLoss(RawTable table)
    {
        var perplexity = table.Names.Where(MeaningChecks.NamesPerplexity).ToList();
        string hint = perplexity.Count > 0
            ? $" The column '{perplexity[0]}' looks like a perplexity: fit ln of it with --loss-column '{perplexity[0]}' --loss-transform ln (cross-entropy = ln perplexity)."
            : " Name the column with --loss-column.";
        return new DataException(
            "no loss column: looked for " + string.Join(", ", Quantity.Loss.Aliases().Select(a => $"'{a}'")) +
            $" (case-insensitive); the columns are: {Headers.List(table.Names)}.{hint}", table.Source, table.HeaderLine);
    }
}

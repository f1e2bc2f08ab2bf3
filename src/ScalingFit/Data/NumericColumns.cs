namespace ScalingFit.Data;

/// <summary>
/// Any column of the runs as numbers: the quantities by symbol or by their column's name, and the
/// other (text) columns parsed with a decimal point whatever the locale. The columns a law takes
/// as inputs or fits as its target (unique tokens, learning rate, accuracy) come from here.
/// </summary>
public static class NumericColumns
{
    /// <summary>The column's values, one per run.</summary>
    /// <param name="runs">The runs.</param>
    /// <param name="column">A column name (case-insensitive), or N, D, C, L or loss for the quantities.</param>
    /// <exception cref="DataException">No such column, or a cell that is empty or not a finite number (naming the file, line and column).</exception>
    public static double[] NumericColumn(this RunSet runs, string column)
    {
        if (Quantities.TryParse(column, out var symbol) && runs.Has(symbol)) return runs.Values(symbol).ToArray();
        foreach (var q in Quantities.All)
        {
            if (runs.Origin(q)?.Column is { } name && string.Equals(name, column.Trim(), StringComparison.OrdinalIgnoreCase))
                return runs.Values(q).ToArray();
        }
        if (!runs.HasColumn(column)) throw runs.UnknownColumn(column);
        var values = new double[runs.Count];
        for (int i = 0; i < values.Length; i++)
        {
            string text = runs.Text(column, i);
            if (!NumberText.TryParse(text, out values[i]) || !double.IsFinite(values[i]))
                throw new DataException(
                    text.Trim().Length == 0
                        ? "the cell is empty, but this column is used as a number; fill it or leave the row out (--where)."
                        : $"'{text}' is not a number; numbers are written like 0.5, 3e-4 or 1.4e12.",
                    runs.Source, runs.Line(i), column.Trim());
        }
        return values;
    }

    /// <summary>Whether the runs have a column or quantity of this name.</summary>
    public static bool HasNumericColumn(this RunSet runs, string column) =>
        (Quantities.TryParse(column, out var q) && runs.Has(q)) || runs.HasColumn(column) ||
        Quantities.All.Any(x => runs.Origin(x)?.Column is { } name && string.Equals(name, column.Trim(), StringComparison.OrdinalIgnoreCase));
}

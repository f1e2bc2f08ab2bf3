using System.Globalization;

namespace ScalingFit.Data;

/// <summary>The columns of the runs by name: their text, and any of them as numbers.</summary>
public sealed partial class RunSet
{
    /// <summary>Whether the input has a column of this name (case-insensitive), quantity columns included.</summary>
    public bool HasColumn(string name) => IndexOf(name) >= 0;

    /// <summary>The text of a column's cell for one run (numbers in their shortest round-trip form).</summary>
    /// <exception cref="DataException">No column of that name.</exception>
    public string Text(string column, int row)
    {
        int index = IndexOf(column);
        if (index >= 0) return _columns[index].Text(row);
        if (QuantityOfColumn(column) is { } q) return _quantities[(int)q]![row].ToString("R", CultureInfo.InvariantCulture);
        throw UnknownColumn(column);
    }

    /// <summary>
    /// Any column as numbers, one per run: a quantity by its symbol (N, D, C, L or loss) or by the
    /// column it was read from, as the analysis takes it (units and the loss transform applied,
    /// validated when first used, derived when the data has it only that way); any other column
    /// from its cells. The columns a law takes as inputs or predicts (unique tokens, a learning
    /// rate, an accuracy) are read here.
    /// </summary>
    /// <param name="column">A column name (case-insensitive), or a quantity's symbol.</param>
    /// <exception cref="DataException">
    /// No such column; a quantity value that is not positive and finite, or a cell that is empty, not
    /// a number or not finite: each named by file, line and column.
    /// </exception>
    public double[] Numbers(string column)
    {
        if ((Quantities.TryParse(column, out var symbol) && Has(symbol) ? symbol : QuantityOfColumn(column)) is { } q)
            return Values(q).ToArray();
        int index = IndexOf(column);
        if (index < 0) throw UnknownColumn(column);
        var cells = _columns[index];
        var values = new double[Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (cells.TryNumber(i, out values[i]) && double.IsFinite(values[i])) continue;
            string text = cells.Text(i);
            throw ErrorAt(i, _names[index], cells.Kind(i) == CellKind.Empty
                ? "the cell is empty, but this column is used as a number; fill it or leave the row out (--where)."
                : NumberCells.Explain(text) + "; numbers are written like 0.5, 3e-4 or 1.4e12.");
        }
        return values;
    }

    /// <summary>A column's cells as numbers as read, not validated: NaN where a cell is empty (to rank rows before validation); only <paramref name="rows"/> are read when given.</summary>
    /// <exception cref="DataException">No column of that name, or a cell holds text that is not a number (named by file and line).</exception>
    internal double[] RawNumbers(string column, IReadOnlyList<int>? rows = null)
    {
        int index = IndexOf(column);
        if (index < 0) throw UnknownColumn(column);
        var cells = _columns[index];
        var values = new double[Count];
        int count = rows?.Count ?? Count;
        for (int k = 0; k < count; k++)
        {
            int i = rows?[k] ?? k;
            if (cells.TryNumber(i, out values[i])) continue;
            if (cells.Kind(i) == CellKind.Empty) values[i] = double.NaN;
            else throw ErrorAt(i, _names[index], NumberCells.Explain(cells.Text(i)) + ".");
        }
        return values;
    }

    internal CellColumn? Cells(string column) => IndexOf(column) is var i and >= 0 ? _columns[i] : null;

    /// <summary>The error for a column name that is not in the data, listing those that are.</summary>
    public DataException UnknownColumn(string column) =>
        new($"there is no column '{column}'; the columns are: {Headers.List(_names)}.", Source);

    /// <summary>The quantity read from a column of this name (case-insensitive), or null.</summary>
    private Quantity? QuantityOfColumn(string column)
    {
        foreach (var q in Quantities.All)
            if (_origins[(int)q]?.Column is { } name && string.Equals(name, column.Trim(), StringComparison.OrdinalIgnoreCase)) return q;
        return null;
    }

    private int IndexOf(string name)
    {
        string trimmed = name.Trim();
        for (int i = 0; i < _names.Length; i++)
            if (string.Equals(_names[i].Trim(), trimmed, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}

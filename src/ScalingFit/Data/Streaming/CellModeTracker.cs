namespace ScalingFit.Data;

/// <summary>
/// Follows whether a column read whole would have turned from numbers to text (the rule of
/// <see cref="CellColumn.Builder"/>: at a text cell, once 64 or more cells and more than a quarter
/// are not numbers) from counts alone, so rows picked from a stream are held the same way.
/// </summary>
internal sealed class CellModeTracker(long rowsBefore)
{
    private long _rows = rowsBefore;     // the column's rows before it appeared were empty
    private long _others = rowsBefore;

    /// <summary>Whether the whole column would be text.</summary>
    public bool Text { get; private set; }

    /// <summary>Follows the next <paramref name="count"/> cells of the column.</summary>
    public void Follow(CellColumn column, int count)
    {
        if (Text) return;
        if (column.IsNumeric)
        {
            foreach (int row in column.NonNumberRows()) Cell(column.Kind(row), _rows + row);
        }
        else
        {
            for (int row = 0; row < count && !Text; row++)
                if (column.Kind(row) is var kind && kind != CellKind.Number) Cell(kind, _rows + row);
        }
        _rows += count;
    }

    private void Cell(CellKind kind, long row)
    {
        if (Text) return;
        if (kind == CellKind.Text && _others >= 64 && _others > row / 4) Text = true;
        _others++;
    }
}

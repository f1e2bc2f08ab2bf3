namespace ScalingFit.Data;

/// <summary>
/// A condition on the cells of a row, as written after --where: comparisons (= != &lt; &lt;= &gt; &gt;=),
/// membership (in (a, b, c), not in (...)), and, or, not and parentheses. Numbers compare as numbers
/// (1e9 = 1000000000); other values as exact text. Parsed by <see cref="RowFilterParser"/>.
/// </summary>
public abstract record RowFilter
{
    /// <summary>Parses a filter expression.</summary>
    /// <exception cref="OptionException">The expression is malformed; the message points at the position.</exception>
    public static RowFilter Parse(string expression) => RowFilterParser.Parse(expression);

    /// <summary>The column names the filter reads.</summary>
    public abstract IEnumerable<string> Columns { get; }

    /// <summary>Resolves the columns in a run set once and returns a test of its rows.</summary>
    /// <exception cref="DataException">A column is not in the data (the message lists those that are).</exception>
    internal abstract Func<int, bool> Compile(RunSet rows);

    /// <summary>Whether a cell's text satisfies a comparison, numbers compared as numbers.</summary>
    internal static bool Compare(CellValue cell, string op, FilterValue value)
    {
        if (cell.IsNumber && value.IsNumber)
        {
            double a = cell.Number, b = value.Number;
            return op switch
            {
                "=" => a == b, "!=" => a != b, "<" => a < b, "<=" => a <= b, ">" => a > b, _ => a >= b,
            };
        }
        if (op is "=" or "!=") return string.Equals(cell.Text, value.Text, StringComparison.Ordinal) == (op == "=");
        if (value.IsNumber || cell.IsNumber) return false;
        int c = string.CompareOrdinal(cell.Text, value.Text);
        return op switch { "<" => c < 0, "<=" => c <= 0, ">" => c > 0, _ => c >= 0 };
    }
}

/// <summary>A value written in a filter: its text, and its number when it is one.</summary>
public sealed record FilterValue(string Text)
{
    /// <summary>Whether the value is a number.</summary>
    public bool IsNumber { get; } = NumberCells.TryParse(Text, out _);

    /// <summary>The number (NaN when the value is not one).</summary>
    public double Number { get; } = NumberCells.TryParse(Text, out var v) ? v : double.NaN;

    /// <inheritdoc/>
    public override string ToString() => IsNumber || Text.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '/') && Text.Length > 0
        ? Text : $"'{Text.Replace("'", "''", StringComparison.Ordinal)}'";
}

/// <summary>A cell as a filter sees it: its number when it is one, its text made only when asked for.</summary>
internal readonly struct CellValue(CellColumn? cells, int row, bool isNumber, double number)
{
    public bool IsNumber => isNumber;

    public double Number => number;

    public string Text => cells?.Text(row) ?? number.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>COLUMN op VALUE.</summary>
public sealed record ComparisonFilter(string Column, string Operator, FilterValue Value) : RowFilter
{
    /// <inheritdoc/>
    public override IEnumerable<string> Columns => [Column];

    internal override Func<int, bool> Compile(RunSet rows)
    {
        var cell = FilterColumns.Reader(rows, Column);
        return row => Compare(cell(row), Operator, Value);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{FilterColumns.Quote(Column)} {Operator} {Value}";
}

/// <summary>COLUMN in (a, b, c), or not in.</summary>
public sealed record InFilter(string Column, IReadOnlyList<FilterValue> Values, bool Negated) : RowFilter
{
    /// <inheritdoc/>
    public override IEnumerable<string> Columns => [Column];

    internal override Func<int, bool> Compile(RunSet rows)
    {
        var cell = FilterColumns.Reader(rows, Column);
        return row =>
        {
            var c = cell(row);
            return Values.Any(v => Compare(c, "=", v)) != Negated;
        };
    }

    /// <inheritdoc/>
    public override string ToString() => $"{FilterColumns.Quote(Column)} {(Negated ? "not in" : "in")} ({string.Join(", ", Values)})";
}

/// <summary>Both conditions.</summary>
public sealed record AndFilter(RowFilter Left, RowFilter Right) : RowFilter
{
    /// <inheritdoc/>
    public override IEnumerable<string> Columns => Left.Columns.Concat(Right.Columns);

    internal override Func<int, bool> Compile(RunSet rows)
    {
        var (a, b) = (Left.Compile(rows), Right.Compile(rows));
        return row => a(row) && b(row);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Wrap(Left)} and {Wrap(Right)}";

    private static string Wrap(RowFilter f) => f is OrFilter ? $"({f})" : f.ToString();
}

/// <summary>Either condition.</summary>
public sealed record OrFilter(RowFilter Left, RowFilter Right) : RowFilter
{
    /// <inheritdoc/>
    public override IEnumerable<string> Columns => Left.Columns.Concat(Right.Columns);

    internal override Func<int, bool> Compile(RunSet rows)
    {
        var (a, b) = (Left.Compile(rows), Right.Compile(rows));
        return row => a(row) || b(row);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Left} or {Right}";
}

/// <summary>The opposite of a condition.</summary>
public sealed record NotFilter(RowFilter Inner) : RowFilter
{
    /// <inheritdoc/>
    public override IEnumerable<string> Columns => Inner.Columns;

    internal override Func<int, bool> Compile(RunSet rows)
    {
        var a = Inner.Compile(rows);
        return row => !a(row);
    }

    /// <inheritdoc/>
    public override string ToString() => Inner is ComparisonFilter or InFilter ? $"not {Inner}" : $"not ({Inner})";
}

/// <summary>How filters find a column's cells.</summary>
internal static class FilterColumns
{
    /// <summary>A reader of a column's cells; the quantity symbols N, D, C and loss name their columns' values when no column has that name.</summary>
    public static Func<int, CellValue> Reader(RunSet rows, string column)
    {
        if (rows.Cells(column) is { } cells)
        {
            return row =>
            {
                bool number = cells.TryNumber(row, out double v);
                return new CellValue(cells, row, number, v);
            };
        }
        if (Quantities.TryParse(column, out var q) && rows.Has(q))
        {
            return row =>
            {
                double v = rows.RawValues(q)[row];
                return new CellValue(null, row, !double.IsNaN(v), v);
            };
        }
        throw rows.UnknownColumn(column);
    }

    public static string Quote(string column) =>
        column.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '/' or '-') ? column : $"\"{column.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

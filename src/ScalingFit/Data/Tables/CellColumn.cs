using System.Globalization;
using System.Text;

namespace ScalingFit.Data;

/// <summary>What a cell of the input holds.</summary>
internal enum CellKind : byte
{
    /// <summary>A number (finite, or NaN/inf written as such).</summary>
    Number,

    /// <summary>Nothing: an empty cell, a JSON null, a key absent from a record.</summary>
    Empty,

    /// <summary>Text that is not a number.</summary>
    Text,
}

/// <summary>
/// One column of the input as read, before anything is validated: numbers as doubles while the
/// column is numeric (the text of its few other cells kept aside), or text (UTF-8, one buffer)
/// once most cells are not numbers. Every cell can be asked for its number and its text, so
/// filters can compare any column either way and a bad cell is reported only when it is used.
/// </summary>
internal sealed class CellColumn
{
    private readonly double[]? _numbers;
    private readonly int[] _otherRows;       // numeric mode: sorted rows whose cell is empty or text
    private readonly string?[] _otherTexts;  // their text; null for an empty cell
    private readonly TextColumn? _text;      // text mode

    private CellColumn(int count, double[]? numbers, int[] otherRows, string?[] otherTexts, TextColumn? text)
    {
        Count = count;
        _numbers = numbers;
        _otherRows = otherRows;
        _otherTexts = otherTexts;
        _text = text;
    }

    public int Count { get; }

    /// <summary>Whether the column is stored as numbers (most of its cells are numbers).</summary>
    public bool IsNumeric => _numbers is not null;

    /// <summary>The cells that are not numbers in a numeric column (empty or text), by row.</summary>
    public int OtherCellCount => _otherRows.Length;

    public CellKind Kind(int row)
    {
        if (_numbers is not null)
        {
            int k = Array.BinarySearch(_otherRows, row);
            return k < 0 ? CellKind.Number : _otherTexts[k] is null ? CellKind.Empty : CellKind.Text;
        }
        var cell = _text!.Utf8(row);
        if (cell.Trim(Blanks).IsEmpty) return CellKind.Empty;
        return NumberCells.TryParse(cell, out _) ? CellKind.Number : CellKind.Text;
    }

    /// <summary>The cell's number, or false when it is empty or text.</summary>
    public bool TryNumber(int row, out double value)
    {
        if (_numbers is not null)
        {
            value = _numbers[row];
            return !double.IsNaN(value) || Array.BinarySearch(_otherRows, row) < 0;
        }
        return NumberCells.TryParse(_text!.Utf8(row), out value);
    }

    /// <summary>Every cell as a number, NaN where it is empty or text; shares storage when it can.</summary>
    public double[] Numbers()
    {
        if (_numbers is not null) return _numbers;
        var values = new double[Count];
        for (int i = 0; i < values.Length; i++) values[i] = NumberCells.TryParse(_text!.Utf8(i), out var v) ? v : double.NaN;
        return values;
    }

    /// <summary>The cell as text: as written for text cells; numbers in their shortest round-trip form.</summary>
    public string Text(int row)
    {
        if (_text is not null) return Encoding.UTF8.GetString(_text.Utf8(row).Trim(Blanks));
        int k = Array.BinarySearch(_otherRows, row);
        return k >= 0 ? _otherTexts[k] ?? "" : _numbers![row].ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>The rows of a numeric column whose cell is not a number, in order.</summary>
    public IEnumerable<int> NonNumberRows()
    {
        if (_numbers is not null) return _otherRows;
        return Enumerable.Range(0, Count).Where(i => !NumberCells.TryParse(_text!.Utf8(i), out _));
    }

    public CellColumn Pick(IReadOnlyList<int> rows)
    {
        if (_text is not null) return new CellColumn(rows.Count, null, [], [], _text.Pick(rows));
        var numbers = new double[rows.Count];
        var otherRows = new List<int>();
        var otherTexts = new List<string?>();
        for (int i = 0; i < numbers.Length; i++)
        {
            int row = rows[i];
            numbers[i] = _numbers![row];
            if (double.IsNaN(numbers[i]) && Array.BinarySearch(_otherRows, row) is var k and >= 0)
            {
                otherRows.Add(i);
                otherTexts.Add(_otherTexts[k]);
            }
        }
        return new CellColumn(rows.Count, numbers, [.. otherRows], [.. otherTexts], null);
    }

    internal static ReadOnlySpan<byte> Blanks => " \t\r\n"u8;

    /// <summary>Collects the cells of a column row by row; starts numeric and turns to text when most cells are not numbers.</summary>
    public sealed class Builder
    {
        private ColumnBuilder<double>? _numbers;
        private List<int> _otherRows = [];
        private List<string?> _otherTexts = [];
        private TextColumn.Builder? _text;

        public Builder(int capacity, int leadingEmpty = 0)
        {
            _numbers = new ColumnBuilder<double>(Math.Max(capacity, leadingEmpty));
            for (int i = 0; i < leadingEmpty; i++) AddEmpty();
        }

        public int Count { get; private set; }

        /// <summary>Whether the column has turned to text (its cells are no longer parsed as they come).</summary>
        public bool IsText => _text is not null;

        public void EnsureCapacity(int rows)
        {
            _numbers?.EnsureCapacity(rows);
            _text?.EnsureCapacity(rows);
        }

        /// <summary>A number with no text of its own (a binary format's value): written in its shortest round-trip form if the column is text.</summary>
        public void AddNumber(double value)
        {
            if (_text is null)
            {
                _numbers!.Add(value);
                Count++;
                return;
            }
            Span<byte> bytes = stackalloc byte[32];
            value.TryFormat(bytes, out int written, "R", CultureInfo.InvariantCulture);
            AddNumber(value, bytes[..written]);
        }

        public void AddNumber(double value, ReadOnlySpan<byte> written)
        {
            if (_text is not null) _text.Add(written);
            else _numbers!.Add(value);
            Count++;
        }

        public void AddEmpty()
        {
            if (_text is not null) _text.Add([]);
            else
            {
                _otherRows.Add(Count);
                _otherTexts.Add(null);
                _numbers!.Add(double.NaN);
            }
            Count++;
        }

        /// <summary>A cell read as text (a CSV field, a JSON string): a number when it parses as one.</summary>
        public void AddCell(ReadOnlySpan<byte> utf8)
        {
            if (_text is not null)
            {
                _text.Add(utf8);
                Count++;
                return;
            }
            var trimmed = utf8.Trim(Blanks);
            if (trimmed.IsEmpty) AddEmpty();
            else if (NumberCells.TryParse(trimmed, out var v)) AddNumber(v, utf8);
            else AddText(trimmed);
        }

        /// <summary>Copies a cell of another column.</summary>
        public void AddFrom(CellColumn column, int row)
        {
            switch (column.Kind(row))
            {
                case CellKind.Number:
                    column.TryNumber(row, out var v);
                    AddNumber(v);
                    break;
                case CellKind.Empty:
                    AddEmpty();
                    break;
                default:
                    AddText(Encoding.UTF8.GetBytes(column.Text(row)));
                    break;
            }
        }

        /// <summary>A cell that is text whatever it looks like (a JSON boolean, a date).</summary>
        public void AddText(ReadOnlySpan<byte> utf8)
        {
            if (_text is null && _otherRows.Count >= 64 && _otherRows.Count > Count / 4) SwitchToText();
            if (_text is not null) _text.Add(utf8);
            else
            {
                _otherRows.Add(Count);
                _otherTexts.Add(Encoding.UTF8.GetString(utf8));
                _numbers!.Add(double.NaN);
            }
            Count++;
        }

        private void SwitchToText()
        {
            var text = new TextColumn.Builder(Math.Max(16, _numbers!.Array.Length));
            int k = 0;
            var bytes = new byte[32];
            for (int row = 0; row < Count; row++)
            {
                if (k < _otherRows.Count && _otherRows[k] == row)
                {
                    text.Add(_otherTexts[k] is { } s ? Encoding.UTF8.GetBytes(s) : []);
                    k++;
                }
                else
                {
                    _numbers.Array[row].TryFormat(bytes, out int written, "R", CultureInfo.InvariantCulture);
                    text.Add(bytes.AsSpan(0, written));
                }
            }
            _text = text;
            _numbers = null;
            _otherRows = [];
            _otherTexts = [];
        }

        public CellColumn Build() => _text is not null
            ? new CellColumn(Count, null, [], [], _text.Build())
            : new CellColumn(Count, _numbers!.Array, [.. _otherRows], [.. _otherTexts], null);
    }
}

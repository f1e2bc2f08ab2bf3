using System.Runtime.CompilerServices;
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
/// column is numeric (the rows of its few other cells kept aside), or text only once most cells
/// are not numbers; the text of every cell as written is kept for text inputs (CSV, JSON), so a
/// label such as "3e21" reads back as written. Every cell can be asked for its number and its
/// text, so filters can compare any column either way and a bad cell is reported only when used.
/// </summary>
internal sealed class CellColumn
{
    private readonly double[]? _numbers;     // numeric mode
    private readonly int[] _otherRows;       // numeric mode: sorted rows whose cell is empty or text
    private readonly string?[] _otherTexts;  // their text when there is no text column; null for an empty cell
    private readonly TextColumn? _text;      // the cells as written (text inputs, and text mode)

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

    /// <summary>Whether more of the column's cells are text than numbers (a label, a name, a configuration).</summary>
    public bool IsTextual
    {
        get
        {
            if (_numbers is null) return true;
            int text = 0;
            for (int k = 0; k < _otherRows.Length; k++) if (Kind(_otherRows[k]) == CellKind.Text) text++;
            return text > Count - _otherRows.Length;
        }
    }

    public CellKind Kind(int row)
    {
        if (_numbers is not null)
        {
            int k = Array.BinarySearch(_otherRows, row);
            if (k < 0) return CellKind.Number;
            if (_text is null) return _otherTexts[k] is null ? CellKind.Empty : CellKind.Text;
        }
        var cell = _text!.Utf8(row);
        if (cell.Trim(Blanks).IsEmpty) return CellKind.Empty;
        return _numbers is null && NumberCells.TryParse(cell, out _) ? CellKind.Number : CellKind.Text;
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

    /// <summary>Every cell as a number, NaN where it is empty or text; shares storage when it can (the array may be longer than <see cref="Count"/>).</summary>
    public double[] Numbers()
    {
        if (_numbers is not null) return _numbers;
        var values = new double[Count];
        for (int i = 0; i < values.Length; i++) values[i] = NumberCells.TryParse(_text!.Utf8(i), out var v) ? v : double.NaN;
        return values;
    }

    /// <summary>The cell as text: as written; numbers of binary inputs in their shortest round-trip form.</summary>
    public string Text(int row)
    {
        if (_text is not null) return Encoding.UTF8.GetString(_text.Utf8(row).Trim(Blanks));
        int k = Array.BinarySearch(_otherRows, row);
        return k >= 0 ? _otherTexts[k] ?? "" : _numbers![row].ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>The cell's text as written, trimmed, in UTF-8, when the column keeps text; what <see cref="Text"/> would decode, without a string.</summary>
    public bool TryUtf8(int row, out ReadOnlySpan<byte> utf8)
    {
        utf8 = _text is null ? default : _text.Utf8(row).Trim(Blanks);
        return _text is not null;
    }

    /// <summary>Whether the text of every cell as written is kept (text inputs), not only numbers.</summary>
    public bool HasText => _text is not null;

    /// <summary>The rows whose cell is not a number (empty or text), in order.</summary>
    public IEnumerable<int> NonNumberRows()
    {
        if (_numbers is not null) return _otherRows;
        return Enumerable.Range(0, Count).Where(i => !NumberCells.TryParse(_text!.Utf8(i), out _));
    }

    public CellColumn Pick(IReadOnlyList<int> rows)
    {
        var text = _text?.Pick(rows);
        if (_numbers is null) return new CellColumn(rows.Count, null, [], [], text);
        var numbers = new double[rows.Count];
        var otherRows = new List<int>();
        var otherTexts = new List<string?>();
        for (int i = 0; i < numbers.Length; i++)
        {
            int row = rows[i];
            numbers[i] = _numbers[row];
            if (double.IsNaN(numbers[i]) && Array.BinarySearch(_otherRows, row) is var k and >= 0)
            {
                otherRows.Add(i);
                if (_text is null) otherTexts.Add(_otherTexts[k]);
            }
        }
        return new CellColumn(rows.Count, numbers, [.. otherRows], [.. otherTexts], text);
    }

    internal static ReadOnlySpan<byte> Blanks => " \t\r\n"u8;

    /// <summary>Collects the cells of a column row by row; starts numeric and turns to text when most cells are not numbers.</summary>
    public sealed class Builder
    {
        private ColumnBuilder<double>? _numbers;
        private List<int> _otherRows = [];
        private List<string?> _otherTexts = [];
        private TextColumn.Builder? _text;
        private readonly bool _canSwitch = true;
        private long _priorRows, _priorOthers; // rows and non-number cells of the chunks handed over before (streaming)

        /// <param name="capacity">Rows to reserve.</param>
        /// <param name="keepText">Whether the text of every cell is kept (text inputs); binary inputs keep numbers only.</param>
        /// <param name="leadingEmpty">Empty cells for the rows before the column first appeared.</param>
        public Builder(int capacity, bool keepText = true, int leadingEmpty = 0)
        {
            _numbers = new ColumnBuilder<double>(Math.Max(capacity, leadingEmpty));
            if (keepText) _text = new TextColumn.Builder(Math.Max(capacity, leadingEmpty));
            for (int i = 0; i < leadingEmpty; i++) AddEmpty();
        }

        /// <summary>
        /// A builder that never changes mode by itself: numeric (<paramref name="text"/> false) or text
        /// from the start. Rows picked from a stream keep the mode the whole column would have had.
        /// </summary>
        public Builder(int capacity, bool keepText, bool text)
            : this(capacity, keepText || text)
        {
            _canSwitch = false;
            if (text) SwitchToText();
        }

        public int Count { get; private set; }

        /// <summary>Counts <paramref name="rows"/> empty cells handed over before the column appeared (streaming), for the choice of mode.</summary>
        public void FollowsEmptyRows(long rows)
        {
            _priorRows += rows;
            _priorOthers += rows;
        }

        /// <summary>Whether the column has turned to text (its cells are no longer parsed as they come).</summary>
        public bool IsText => _numbers is null;

        public void EnsureCapacity(int rows)
        {
            _numbers?.EnsureCapacity(rows);
            _text?.EnsureCapacity(rows);
        }

        /// <summary>A number with no text of its own (a binary format's value).</summary>
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

        /// <summary>Numbers with no text of their own, in bulk (a binary format's column chunk).</summary>
        public void AddNumbers(ReadOnlySpan<double> values)
        {
            if (_text is not null || _numbers is null)
            {
                foreach (double v in values) AddNumber(v);
                return;
            }
            _numbers.AddRange(values);
            Count += values.Length;
        }

        /// <summary>A number and its text as written.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AddNumber(double value, ReadOnlySpan<byte> written)
        {
            _numbers?.Add(value);
            _text?.Add(written);
            Count++;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AddEmpty()
        {
            if (_numbers is not null)
            {
                _otherRows.Add(Count);
                if (_text is null) _otherTexts.Add(null);
                _numbers.Add(double.NaN);
            }
            _text?.Add([]);
            Count++;
        }

        /// <summary>A cell read as text (a CSV field, a JSON string): a number when it parses as one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AddCell(ReadOnlySpan<byte> utf8)
        {
            if (_numbers is null)
            {
                _text!.Add(utf8);
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
                    if (column._text is not null) AddNumber(v, column._text.Utf8(row));
                    else AddNumber(v);
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
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AddText(ReadOnlySpan<byte> utf8)
        {
            if (_numbers is not null && _canSwitch && _priorOthers + _otherRows.Count >= 64 && _priorOthers + _otherRows.Count > (_priorRows + Count) / 4) SwitchToText();
            if (_numbers is not null)
            {
                _otherRows.Add(Count);
                if (_text is null) _otherTexts.Add(Encoding.UTF8.GetString(utf8));
                _numbers.Add(double.NaN);
            }
            _text?.Add(utf8);
            Count++;
        }

        private void SwitchToText()
        {
            if (_text is null)
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
            }
            _numbers = null;
            _otherRows = [];
            _otherTexts = [];
        }

        /// <summary>
        /// The cells collected since the last chunk, as a column; the builder starts afresh but keeps
        /// its mode and its counts, so it turns to text at the same row as a builder of the whole column.
        /// </summary>
        public CellColumn Chunk(int capacity)
        {
            var column = Build();
            _priorRows += Count;
            _priorOthers += _otherRows.Count;
            if (_numbers is not null) _numbers = new ColumnBuilder<double>(capacity);
            if (_text is not null) _text = new TextColumn.Builder(capacity);
            _otherRows = [];
            _otherTexts = [];
            Count = 0;
            return column;
        }

        public CellColumn Build() => _numbers is null
            ? new CellColumn(Count, null, [], [], _text!.Build())
            : new CellColumn(Count, _numbers.Trimmed(), [.. _otherRows], [.. _otherTexts], _text?.Build());
    }
}

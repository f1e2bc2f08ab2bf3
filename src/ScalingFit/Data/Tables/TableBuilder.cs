using System.Runtime.CompilerServices;
using System.Text;

namespace ScalingFit.Data;

/// <summary>
/// Collects a table row by row from any reader: columns are created as their names first appear
/// (records need not share keys; missing cells are empty), a name given twice in one row is an
/// error naming both, and each row keeps its line. Readers push cells; nothing is validated here.
/// </summary>
/// <remarks>
/// Columns that will be read as numbers only (<c>numbersOnly</c>: the likely N, D, C and loss columns) keep no text, which halves the memory of a large numeric table.
/// A row is committed by <see cref="EndRow"/>. A streaming filter or a one-checkpoint-per-run
/// selection can sit here: decide at <see cref="EndRow"/> from the row's cells whether to keep it,
/// and roll the columns back when not.
/// </remarks>
internal sealed class TableBuilder(string source, RowLocator locator, int capacity = 1024, bool keepText = true, Func<string, bool>? numbersOnly = null)
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<CellColumn.Builder> _columns = [];
    private readonly ColumnBuilder<int> _lines = new(capacity);
    private readonly List<int> _rowColumns = [];
    private bool[] _filled = [];

    public string Source { get; } = source;

    public int Count => _lines.Count;

    public IReadOnlyList<string> Names => _names;

    /// <summary>The index of a column, created (with empty cells for the rows before) when new.</summary>
    public int Column(string name)
    {
        if (_index.TryGetValue(name, out int i)) return i;
        i = _names.Count;
        _names.Add(name);
        _index[name] = i;
        _columns.Add(new CellColumn.Builder(Math.Max(capacity, Count), keepText && numbersOnly?.Invoke(name) != true, Count));
        Array.Resize(ref _filled, _names.Count);
        return i;
    }

    /// <summary>The column of a UTF-8 name, looked up without a string when it is known.</summary>
    public int Column(ReadOnlySpan<byte> utf8Name) =>
        _index.GetAlternateLookup<ReadOnlySpan<char>>() is var lookup && utf8Name.Length <= 256
            ? ColumnFromChars(utf8Name, lookup)
            : Column(Encoding.UTF8.GetString(utf8Name));

    private int ColumnFromChars(ReadOnlySpan<byte> utf8Name, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup)
    {
        Span<char> chars = stackalloc char[utf8Name.Length];
        int n = Encoding.UTF8.GetChars(utf8Name, chars);
        return lookup.TryGetValue(chars[..n], out int i) ? i : Column(new string(chars[..n]));
    }

    public CellColumn.Builder this[int column] => _columns[column];

    /// <summary>Marks a column as given in the current row; false when it already was (a duplicate key).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Take(int column)
    {
        if (_filled[column]) return false;
        _filled[column] = true;
        _rowColumns.Add(column);
        return true;
    }

    public void Number(int column, double value, ReadOnlySpan<byte> written) => _columns[column].AddNumber(value, written);

    public void Cell(int column, ReadOnlySpan<byte> utf8) => _columns[column].AddCell(utf8);

    public void Text(int column, ReadOnlySpan<byte> utf8) => _columns[column].AddText(utf8);

    public void Empty(int column) => _columns[column].AddEmpty();

    /// <summary>Ends a row: the columns it did not give get an empty cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndRow(int line)
    {
        if (_rowColumns.Count != _columns.Count)
        {
            for (int c = 0; c < _columns.Count; c++)
                if (!_filled[c]) _columns[c].AddEmpty();
        }
        foreach (int c in _rowColumns) _filled[c] = false;
        _rowColumns.Clear();
        _lines.Add(line);
    }

    /// <summary>Ends a row that gave every column exactly once (a CSV record).</summary>
    public void EndFullRow(int line) => _lines.Add(line);

    /// <summary>Ends <paramref name="count"/> rows that gave every column, numbered from <paramref name="first"/> on.</summary>
    public void EndFullRows(int first, int count)
    {
        _lines.EnsureCapacity(_lines.Count + count);
        for (int i = 0; i < count; i++) _lines.Add(first + i);
    }

    public void EnsureCapacity(int rows)
    {
        _lines.EnsureCapacity(rows);
        foreach (var c in _columns) c.EnsureCapacity(rows);
    }

    public RawTable Build(IReadOnlyList<string>? notes = null) => new(
        Source, _names.ToArray(), _columns.Select(c => c.Build()).ToArray(), Count, _lines.Array,
        RowOrigins.Single(Source, locator), notes ?? []);
}

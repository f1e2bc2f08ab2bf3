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
/// A row is committed by <see cref="EndRow"/>. With a <see cref="IRowSink"/> (a streaming filter or
/// one-checkpoint-per-run selection), committed rows are handed over in chunks and not kept here:
/// <see cref="Count"/> counts the rows of the current chunk, <see cref="Total"/> every row.
/// </remarks>
internal sealed class TableBuilder(string source, RowLocator locator, int capacity = 64, bool keepText = true, Func<string, bool>? numbersOnly = null, IRowSink? sink = null)
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<CellColumn.Builder> _columns = [];
    private ColumnBuilder<int> _lines = new(sink is null ? capacity : Math.Min(capacity, sink.ChunkRows));
    private readonly List<int> _rowColumns = [];
    private bool[] _filled = [];
    private long _handedOver;

    public string Source { get; } = source;

    /// <summary>The rows held (the current chunk when streaming).</summary>
    public int Count => _lines.Count;

    /// <summary>Every row committed, those handed to the sink included.</summary>
    public long Total => _handedOver + Count;

    public IReadOnlyList<string> Names => _names;

    /// <summary>The index of a column, created (with empty cells for the rows before) when new.</summary>
    public int Column(string name)
    {
        if (_index.TryGetValue(name, out int i)) return i;
        i = _names.Count;
        _names.Add(name);
        _index[name] = i;
        var column = new CellColumn.Builder(Math.Max(Reserve(capacity), Count), keepText && numbersOnly?.Invoke(name) != true, Count);
        column.FollowsEmptyRows(_handedOver);
        _columns.Add(column);
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
        if (sink is not null && Count >= sink.ChunkRows) HandOver();
    }

    /// <summary>Ends a row that gave every column exactly once (a CSV record).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndFullRow(int line)
    {
        _lines.Add(line);
        if (sink is not null && Count >= sink.ChunkRows) HandOver();
    }

    /// <summary>Ends <paramref name="count"/> rows that gave every column, numbered from <paramref name="first"/> on.</summary>
    public void EndFullRows(int first, int count)
    {
        _lines.EnsureCapacity(_lines.Count + count);
        for (int i = 0; i < count; i++) _lines.Add(first + i);
        if (sink is not null && Count >= sink.ChunkRows) HandOver();
    }

    /// <summary>Reserves room for <paramref name="rows"/> rows (a chunk's worth at most when streaming).</summary>
    public void EnsureCapacity(int rows)
    {
        rows = Reserve(rows);
        _lines.EnsureCapacity(rows);
        foreach (var c in _columns) c.EnsureCapacity(rows);
    }

    private int Reserve(int rows) => sink is null ? rows : Math.Min(rows, sink.ChunkRows + 1);

    /// <summary>Hands the rows held to the sink as one table and starts a new chunk.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void HandOver()
    {
        int count = Count;
        int next = Reserve(Math.Max(1024, count));
        var chunk = new RawTable(Source, _names.ToArray(), _columns.Select(c => c.Chunk(next)).ToArray(), count, _lines.Array,
            RowOrigins.Single(Source, locator), []);
        _handedOver += count;
        _lines = new ColumnBuilder<int>(next);
        sink!.Take(chunk);
    }

    /// <summary>The table read; when streaming, the last rows are handed over and the table holds none (its names and notes are the input's).</summary>
    public RawTable Build(IReadOnlyList<string>? notes = null)
    {
        if (sink is not null && Count > 0) HandOver();
        return new(Source, _names.ToArray(), _columns.Select(c => c.Build()).ToArray(), Count, _lines.Trimmed(),
            RowOrigins.Single(Source, locator), notes ?? []);
    }
}

/// <summary>Takes the rows of a table in chunks as they are read (a streaming selection), so the reader need not keep them.</summary>
internal interface IRowSink
{
    /// <summary>How many rows a chunk holds (may change between chunks).</summary>
    int ChunkRows { get; }

    /// <summary>Takes the next rows, in input order; the table is not used by the reader afterwards.</summary>
    void Take(RawTable chunk);
}

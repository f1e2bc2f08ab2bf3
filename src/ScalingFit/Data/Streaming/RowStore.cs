namespace ScalingFit.Data;

/// <summary>
/// Rows picked from tables read one after another, collected into one table: columns are matched
/// by name (a column a table does not have is empty), each row keeps its line and its file.
/// </summary>
internal sealed class RowStore
{
    private readonly IReadOnlyList<string> _names;
    private readonly Func<string, bool> _textMode;
    private readonly int _capacity;
    private readonly CellColumn.Builder?[] _columns;
    private readonly ColumnBuilder<int> _lines;
    private readonly ColumnBuilder<int> _files;

    /// <param name="names">The columns of the table made; every table appended has some of them.</param>
    /// <param name="capacity">Rows to reserve.</param>
    /// <param name="textMode">Columns held as text from the start, as the whole column read would be (the others stay numeric).</param>
    public RowStore(IReadOnlyList<string> names, int capacity, Func<string, bool>? textMode = null)
    {
        _names = names;
        _capacity = Math.Max(4, capacity);
        _textMode = textMode ?? (_ => false);
        _columns = new CellColumn.Builder?[names.Count];
        _lines = new ColumnBuilder<int>(_capacity);
        _files = new ColumnBuilder<int>(_capacity);
    }

    public int Count => _lines.Count;

    public IReadOnlyList<string> Names => _names;

    /// <summary>Appends the given rows of a table (all of them when null), in order.</summary>
    public void Append(RawTable table, IReadOnlyList<int>? rows)
    {
        int count = rows?.Count ?? table.Count;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < table.Names.Count; i++) index.TryAdd(table.Names[i], i);
        for (int c = 0; c < _names.Count; c++)
        {
            var source = index.TryGetValue(_names[c], out int i) ? table.Columns[i] : null;
            var column = _columns[c] ??= Create(_names[c], source);
            if (source is null)
            {
                for (int k = 0; k < count; k++) column.AddEmpty();
                continue;
            }
            for (int k = 0; k < count; k++) column.AddFrom(source, rows?[k] ?? k);
        }
        for (int k = 0; k < count; k++)
        {
            int row = rows?[k] ?? k;
            _lines.Add(table.Lines[row]);
            _files.Add(table.Origins.FileIndex(row));
        }
    }

    private CellColumn.Builder Create(string name, CellColumn? source)
    {
        var column = new CellColumn.Builder(_capacity, source?.HasText ?? true, _textMode(name));
        for (int k = 0; k < Count; k++) column.AddEmpty();
        return column;
    }

    /// <summary>The table of the rows appended; rows are located in <paramref name="files"/> (one file: no per-row file).</summary>
    public RawTable Build(string source, IReadOnlyList<string> files, IReadOnlyList<RowLocator> locators, bool single, IReadOnlyList<string> notes)
    {
        var columns = new CellColumn[_names.Count];
        for (int c = 0; c < columns.Length; c++) columns[c] = (_columns[c] ??= Create(_names[c], null)).Build();
        var origins = single
            ? RowOrigins.Single(files[0], locators[0])
            : new RowOrigins([.. files], [.. locators], _files.Array);
        return new RawTable(source, [.. _names], columns, Count, _lines.Array, origins, notes);
    }
}

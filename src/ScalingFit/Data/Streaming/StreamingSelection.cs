namespace ScalingFit.Data;

/// <summary>
/// Filters (<see cref="RunSelection.Where"/>) and one row per run (<see cref="RunSelection.RunColumns"/>)
/// applied while the input is read: the reader hands its rows over in chunks, each chunk is given
/// its meaning (<see cref="RunTable"/>), filtered, and reduced to the best row of each run, which
/// is then merged with the best rows so far. Rows that cannot survive are dropped as they come, so
/// memory follows the runs kept, not the rows read. The result equals reading everything and then
/// selecting (<see cref="RunPreparation.Prepare"/>): the same rows in the same order, the same notes.
/// </summary>
/// <remarks>
/// Why the chunks give the same answer: a row's fate under the filters depends on its own cells;
/// the best row of a run among all rows is the best among the best of each chunk, and the best rows
/// so far come before a chunk's rows, so ties go the same way (the later row for the last
/// checkpoint, the earlier for the lowest value) and runs keep the order of their first rows.
/// What a column means (which one is N, what a filter names) depends only on the column names; a
/// JSON input may add names part-way. Until the names say what every filter and run column is,
/// rows are kept; if names added later change that meaning after rows were dropped, reading must
/// start again (<see cref="StreamingRestartException"/>). A selection cell that is not a number
/// (a step, a --select-by value) is reported when its row is read, naming its file and line; a
/// row that a filter drops is never validated.
/// </remarks>
internal sealed class StreamingSelection : IFileSink
{
    /// <summary>Rows per chunk by default: a quarter of a million (tens of MB for a few columns).</summary>
    public const int DefaultChunkRows = 1 << 18;

    private readonly RunReadOptions _options;
    private readonly RunSelection _selection;
    private readonly int _chunkRows;
    private readonly bool _grouping;
    private readonly string[] _referenced;
    private readonly List<string> _files = [];
    private readonly List<RowLocator> _locators = [];
    private readonly Dictionary<string, CellModeTracker> _modes = new(StringComparer.Ordinal);
    private readonly List<string> _union = [];
    private readonly HashSet<string> _unionSet = new(StringComparer.OrdinalIgnoreCase);
    private string? _relative;
    private bool _folder;
    private string[] _names = [];
    private string? _fingerprint;
    private RowStore? _pending;   // rows kept while the names do not yet say what the selection reads
    private RowStore? _kept;      // filters only: the rows that pass
    private RawTable? _best;      // one row per run: the best row of each run so far
    private bool _dropped;

    public StreamingSelection(RunReadOptions options, RunSelection selection, int chunkRows = DefaultChunkRows)
    {
        _options = options;
        _selection = selection;
        _chunkRows = Math.Max(1, chunkRows);
        _grouping = selection.RunColumns.Count > 0;
        _referenced = [.. selection.Where.SelectMany(w => w.Columns), .. selection.RunColumns,
            .. new[] { selection.StepColumn, selection.SelectBy }.OfType<string>()];
    }

    /// <summary>The rows read.</summary>
    public long RowsRead { get; private set; }

    /// <summary>The rows that satisfy the filters.</summary>
    public long RowsPassed { get; private set; }

    /// <summary>The most rows held at once (a chunk, the best rows so far, the rows kept): what memory follows.</summary>
    public int PeakRowsHeld { get; private set; }

    /// <summary>Chunks grow with the runs kept, so merging the best rows costs at most a quarter of reading.</summary>
    public int ChunkRows => Math.Max(_chunkRows, 4 * (_best?.Count ?? 0));

    public void BeginFile(string path, string? relative)
    {
        _files.Add(path);
        _locators.Add(RowLocator.Line);
        _relative = relative;
        _folder |= relative is not null;
    }

    public void Take(RawTable chunk)
    {
        if (_files.Count == 0) BeginFile(chunk.Source, null);
        _locators[^1] = chunk.Origins.Locator(0);
        var table = _folder ? InFolder(chunk) : chunk;
        for (int c = 0; c < table.Names.Count; c++)
        {
            if (!_modes.TryGetValue(table.Names[c], out var mode)) _modes[table.Names[c]] = mode = new CellModeTracker(RowsRead);
            mode.Follow(table.Columns[c], table.Count);
        }
        RowsRead += table.Count;
        Held(table.Count + (_pending?.Count ?? 0) + (_kept?.Count ?? 0) + (_best?.Count ?? 0));
        if (_fingerprint is null)
        {
            if (Resolve(table.Names) is not { } fingerprint)
            {
                (_pending = Grown(_pending, table.Names, table.Count)).Append(table, null);
                return;
            }
            _fingerprint = fingerprint;
            _names = [.. table.Names];
            if (_pending is not null)
            {
                var all = new RowStore(table.Names, _pending.Count + table.Count, TextMode);
                all.Append(Build(_pending, []), null);
                all.Append(table, null);
                table = Build(all, []);
                _pending = null;
            }
        }
        else if (!table.Names.SequenceEqual(_names))
        {
            // Names added part-way (JSON records with new keys, a folder's next file) may change what the selection reads.
            if (Resolve(table.Names) != _fingerprint) throw new StreamingRestartException();
            _names = [.. table.Names];
        }
        Select(table);
    }

    /// <summary>Filters a chunk and keeps the best row of each run, merged with the best so far.</summary>
    private void Select(RawTable table)
    {
        var runs = RunTable.ToRuns(table, _options);
        var tests = _selection.Where.Select(c => c.Compile(runs)).ToArray();
        var passed = tests.Length == 0 ? null : RunPreparation.Satisfying(runs, tests, table.Count);
        int count = passed?.Count ?? table.Count;
        RowsPassed += count;
        _dropped |= count < table.Count;
        if (!_grouping)
        {
            (_kept = Grown(_kept, table.Names, Math.Min(count * 2, _chunkRows))).Append(table, passed);
            return;
        }
        if (count == 0) return;
        var best = Best(runs, passed);
        var picked = table.Pick(best);
        if (_best is null)
        {
            _best = picked;
            return;
        }
        var store = new RowStore(table.Names, _best.Count + picked.Count, TextMode);
        Held(table.Count + _best.Count + picked.Count);
        store.Append(_best, null);
        store.Append(picked, null);
        var merged = Build(store, []);
        var kept = Best(RunTable.ToRuns(merged, _options), null);
        _dropped |= kept.Count < merged.Count;
        _best = kept.Count == merged.Count ? merged : merged.Pick(kept);
    }

    private List<int> Best(RunSet runs, IReadOnlyList<int>? candidates)
    {
        var best = CheckpointGrouping.Best(runs, candidates, _selection.RunColumns, _selection.StepColumn, _selection.Checkpoint, _selection.SelectBy);
        _dropped |= best.Count < (candidates?.Count ?? runs.Count);
        return best;
    }

    /// <summary>
    /// The runs selected from everything read, or null when the names never said what the
    /// selection reads (every row was kept: <paramref name="read"/> is then the whole table, to prepare as usual).
    /// </summary>
    /// <param name="read">What the reader returned: no rows (they were handed over), the input's names and notes.</param>
    /// <param name="whole">The whole table when the selection could not be applied while reading.</param>
    /// <exception cref="DataException">No row satisfies the filters, or a column name is ambiguous.</exception>
    public RunSet? Finish(RawTable read, out RawTable? whole)
    {
        whole = null;
        if (_fingerprint is null)
        {
            whole = _pending is null ? read : Build(_pending, read.Notes, read.Source);
            return null;
        }
        if (!read.Names.SequenceEqual(_names) && Resolve(read.Names) != _fingerprint) throw new StreamingRestartException();
        if (_selection.Where.Count > 0 && RowsPassed == 0) throw RunPreparation.NoneSatisfy(_selection.Where, RowsRead, read.Source);
        var survivors = _grouping ? _best : _kept is null ? null : Build(_kept, []);
        var final = new RowStore(read.Names, survivors?.Count ?? 0, TextMode);
        if (survivors is not null) final.Append(survivors, null);
        var runs = RunTable.ToRuns(Build(final, read.Notes, read.Source), _options);
        if (_selection.Where.Count > 0) runs = runs.WithNote(RunPreparation.FilterNote(_selection.Where, RowsPassed, RowsRead));
        if (_grouping)
        {
            runs = runs.WithNote(CheckpointGrouping.Note(
                _selection.RunColumns, _selection.StepColumn, _selection.Checkpoint, _selection.SelectBy, runs.Count, RowsPassed));
        }
        return runs;
    }

    /// <summary>The store, with the columns of <paramref name="names"/> when names were added (rows held so far get empty cells).</summary>
    private RowStore Grown(RowStore? store, IReadOnlyList<string> names, int rows)
    {
        if (store is null) return new RowStore(names, rows, TextMode);
        if (store.Names.SequenceEqual(names)) return store;
        var grown = new RowStore(names, store.Count + rows, TextMode);
        grown.Append(Build(store, []), null);
        return grown;
    }

    private void Held(int rows) => PeakRowsHeld = Math.Max(PeakRowsHeld, rows);

    private bool TextMode(string name) => _modes.TryGetValue(name, out var mode) && mode.Text;

    private RawTable Build(RowStore store, IReadOnlyList<string> notes, string? source = null) =>
        store.Build(source ?? _files[0], _files, _locators, !_folder, notes);

    /// <summary>
    /// What the selection reads under these column names (which column each quantity and each name
    /// it uses stands for), or null while the names do not say (a column still to come).
    /// </summary>
    /// <exception cref="OptionException">The selection's options contradict each other.</exception>
    private string? Resolve(IReadOnlyList<string> names)
    {
        var empty = new RawTable(_files[0], names, [.. names.Select(_ => new CellColumn.Builder(0).Build())], 0, [],
            RowOrigins.Single(_files[0], RowLocator.Line), []);
        try
        {
            var runs = RunTable.ToRuns(empty, _options);
            foreach (var condition in _selection.Where) condition.Compile(runs);
            if (CheckpointGrouping.Check(runs, _selection.RunColumns, _selection.StepColumn, _selection.Checkpoint, _selection.SelectBy))
                CheckpointGrouping.Best(runs, null, _selection.RunColumns, _selection.StepColumn, _selection.Checkpoint, _selection.SelectBy);
            var parts = Quantities.All.Select(q => runs.Origin(q)?.ToString() ?? "-")
                .Concat(_referenced.Select(name => Meaning(runs, names, name)));
            return string.Join('\u001f', parts);
        }
        catch (DataException)
        {
            return null;
        }
    }

    private static string Meaning(RunSet runs, IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
            if (string.Equals(names[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) return $"column {i} '{names[i]}'";
        return Quantities.TryParse(name, out var q) && runs.Has(q) ? $"quantity {q}" : "none";
    }

    /// <summary>
    /// A chunk of one file of a folder as the folder's table holds it (<see cref="RawTables.Concatenate"/>):
    /// columns united by name (case-insensitive), and a last column with the file's path in the folder.
    /// </summary>
    private RawTable InFolder(RawTable chunk)
    {
        foreach (var name in chunk.Names)
            if (_unionSet.Add(name)) _union.Add(name);
        string fileColumn = _unionSet.Contains(InputFiles.FileColumn) ? "source_" + InputFiles.FileColumn : InputFiles.FileColumn;
        var columns = new CellColumn[_union.Count + 1];
        for (int c = 0; c < _union.Count; c++)
        {
            int i = chunk.IndexOf(_union[c]);
            columns[c] = i >= 0 ? chunk.Columns[i] : Repeated(null, chunk.Count);
        }
        columns[^1] = Repeated(System.Text.Encoding.UTF8.GetBytes(_relative!), chunk.Count);
        var fileOfRow = new int[chunk.Count];
        Array.Fill(fileOfRow, _files.Count - 1);
        return new RawTable(chunk.Source, [.. _union, fileColumn], columns, chunk.Count, chunk.Lines,
            new RowOrigins([.. _files], [.. _locators], fileOfRow), []);
    }

    /// <summary>A column of one text in every row (null: every cell empty).</summary>
    private static CellColumn Repeated(byte[]? text, int count)
    {
        var column = new CellColumn.Builder(count);
        for (int k = 0; k < count; k++)
        {
            if (text is null) column.AddEmpty();
            else column.AddText(text);
        }
        return column.Build();
    }
}

/// <summary>Column names that appeared part-way through a streamed input changed what the selection reads after rows were dropped: read again, whole.</summary>
internal sealed class StreamingRestartException() : Exception("the input's column names changed part-way; it must be read again");

using System.Globalization;

namespace ScalingFit.Data;

/// <summary>
/// Observed training runs, one row per run: the quantities N, D, C and loss (each read from a
/// column or derived), every column of the input by name, where each row came from (file and line),
/// notes on what was done to the data and warnings about what it may not mean. Immutable; the
/// operations return new sets.
/// </summary>
/// <remarks>
/// Cells are validated when they are used, not when they are read: a quantity whose column holds
/// an empty or non-numeric cell, or a value that cannot be logged, throws a <see cref="DataException"/>
/// naming the file, line and column of the first such cell when <see cref="Values"/> is first asked
/// for it. Rows that filters drop are never validated.
/// </remarks>
public sealed partial class RunSet
{
    private readonly double[]?[] _quantities;
    private readonly ColumnOrigin?[] _origins;
    private readonly CellIssue[]?[] _issues;
    private readonly bool[] _checked = new bool[4];
    private readonly string[] _names;
    private readonly CellColumn[] _columns;
    private readonly int[] _lines;
    private readonly RowOrigins _rowOrigins;
    private readonly RunClusters? _clusters;

    /// <remarks>The arrays may be longer than <paramref name="count"/> (a reader's spare capacity); only the first count entries are rows.</remarks>
    internal RunSet(
        string source, int count, double[]?[] quantities, ColumnOrigin?[] origins, CellIssue[]?[] issues,
        string[] names, CellColumn[] columns, int[] lines, RowOrigins rowOrigins,
        IReadOnlyList<string> notes, IReadOnlyList<DataWarning> warnings, RunClusters? clusters = null)
    {
        _clusters = clusters;
        Source = source;
        Count = count;
        _quantities = quantities;
        _origins = origins;
        _issues = issues;
        _names = names;
        _columns = columns;
        _lines = lines;
        _rowOrigins = rowOrigins;
        Notes = notes;
        Warnings = warnings;
    }

    /// <summary>The file, folder or data set the runs came from, as named in messages.</summary>
    public string Source { get; }

    /// <summary>The number of runs.</summary>
    public int Count { get; }

    /// <summary>What was done to the data since it was read, in order, written for a person.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>What the data may not mean as the analysis takes it (pooled runs, units, conventions), with the numbers that show it.</summary>
    public IReadOnlyList<DataWarning> Warnings { get; }

    /// <summary>Every column of the input, in input order (quantity columns included).</summary>
    public IReadOnlyList<string> ColumnNames => _names;

    /// <summary>The names of the input's other columns (not read as N, D, C or loss), in input order.</summary>
    public IReadOnlyList<string> TextColumnNames =>
        _names.Where(n => !Quantities.All.Any(q => string.Equals(_origins[(int)q]?.Column, n, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Whether the quantity was read or derived.</summary>
    public bool Has(Quantity quantity) => _quantities[(int)quantity] is not null;

    /// <summary>Where the quantity came from, or null when the data does not have it.</summary>
    public ColumnOrigin? Origin(Quantity quantity) => _origins[(int)quantity];

    /// <summary>The values of a quantity, one per run; positive and finite.</summary>
    /// <exception cref="DataException">
    /// The data has no such column and it could not be derived; or a cell of it is empty, not a
    /// number, or not positive and finite (the first one is named by line and column).
    /// </exception>
    public ReadOnlySpan<double> Values(Quantity quantity)
    {
        var values = (_quantities[(int)quantity] ?? throw MissingQuantity(quantity)).AsSpan(0, Count);
        if (!_checked[(int)quantity]) Check(quantity, values);
        return values;
    }

    /// <summary>The value of a quantity for one run.</summary>
    public double Value(Quantity quantity, int row) => Values(quantity)[row];

    /// <summary>The values as read, not validated: NaN where a cell is empty or not a number.</summary>
    internal ReadOnlySpan<double> RawValues(Quantity quantity) =>
        (_quantities[(int)quantity] ?? throw MissingQuantity(quantity)).AsSpan(0, Count);

    /// <summary>The cells of a quantity that are empty or not numbers, by row.</summary>
    internal IReadOnlyList<CellIssue> Issues(Quantity quantity) => _issues[(int)quantity] ?? [];

    /// <summary>The 1-based line (or row, for Parquet and column-oriented JSON) a run was read from, in its file.</summary>
    public long Line(int row) => _lines[row];

    /// <summary>The file a run was read from (the source, unless a folder or glob was read).</summary>
    public string FileOf(int row) => _rowOrigins.File(row);

    /// <summary>An error located at a run's file, line (or row) and column.</summary>
    public DataException ErrorAt(int row, string? column, string problem) =>
        new(problem, FileOf(row), _lines[row], column, _rowOrigins.Locator(row));

    /// <summary>A set holding only the given rows, in the given order, with a note on why.</summary>
    public RunSet Subset(IReadOnlyList<int> rows, string? note)
    {
        var quantities = _quantities.Select(values => values is null ? null : Pick(values, rows)).ToArray();
        var issues = _issues.Select(list => list is null ? null : CellIssue.Pick(list, rows)).ToArray();
        return new RunSet(Source, rows.Count, quantities, _origins, issues, _names,
            _columns.Select(c => c.Pick(rows)).ToArray(), Pick(_lines, rows), _rowOrigins.Pick(rows), NotesWith(note), Warnings, _clusters?.Pick(rows));
    }

    /// <summary>
    /// Runs derived from these (e.g. one per IsoFLOP budget): the given quantities and no other column,
    /// each located at the row of these it stands for (<paramref name="from"/>; −1 for none).
    /// </summary>
    internal RunSet Derive(double[]?[] quantities, ColumnOrigin?[] origins, IReadOnlyList<int> from, string note) =>
        new(Source, from.Count, quantities, origins, new CellIssue[]?[quantities.Length], [], [],
            from.Select(r => r >= 0 ? _lines[r] : 0).ToArray(), _rowOrigins.Pick(from.Select(r => Math.Max(r, 0)).ToList()), NotesWith(note), Warnings);

    /// <summary>A set with a quantity added or replaced, with a note on where it came from.</summary>
    public RunSet WithQuantity(Quantity quantity, double[] values, ColumnOrigin origin, string? note) =>
        WithQuantity(quantity, values, origin, note, null);

    internal RunSet WithQuantity(Quantity quantity, double[] values, ColumnOrigin origin, string? note, CellIssue[]? issues)
    {
        if (values.Length < Count)
            throw new ArgumentException($"expected {Count} values, got {values.Length}", nameof(values));
        var quantities = (double[]?[])_quantities.Clone();
        var origins = (ColumnOrigin?[])_origins.Clone();
        var allIssues = (CellIssue[]?[])_issues.Clone();
        quantities[(int)quantity] = values;
        origins[(int)quantity] = origin;
        allIssues[(int)quantity] = issues is { Length: > 0 } ? issues : null;
        return new RunSet(Source, Count, quantities, origins, allIssues, _names, _columns, _lines, _rowOrigins, NotesWith(note), Warnings, _clusters);
    }

    /// <summary>The same runs with a note added to <see cref="Notes"/>.</summary>
    public RunSet WithNote(string note) =>
        new(Source, Count, _quantities, _origins, _issues, _names, _columns, _lines, _rowOrigins, [.. Notes, note], Warnings, _clusters);

    /// <summary>The same runs with a warning added to <see cref="Warnings"/>.</summary>
    public RunSet WithWarning(DataWarning warning) =>
        new(Source, Count, _quantities, _origins, _issues, _names, _columns, _lines, _rowOrigins, Notes, [.. Warnings, warning], _clusters);

    private IReadOnlyList<string> NotesWith(string? note) => note is null ? Notes : [.. Notes, note];

    /// <summary>Every value must be a number, positive and finite, since every law takes its logarithm.</summary>
    private void Check(Quantity q, ReadOnlySpan<double> values)
    {
        var origin = _origins[(int)q]!;
        if (_issues[(int)q] is { Length: > 0 } issues)
        {
            var first = issues[0];
            string more = issues.Length > 1 ? $" ({issues.Length} such cells; the first is here)" : "";
            string via = origin.IsDerived ? $" {q.Symbol()} is {origin} and needs it." : "";
            // A locale's number format is the whole file's, not a few bad rows: dropping them would drop everything.
            string remedy = NumberCells.IsLocaleFormatted(first.Text)
                ? "write the file with a decimal point and no thousands separators (pandas: to_csv(decimal=\".\"))"
                : "every run needs a number here (or drop such rows with --drop-incomplete)";
            throw ErrorAt(first.Row, first.Column, $"{NumberCells.Explain(first.Text)}{more}; {remedy}.{via}");
        }
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (v > 0 && double.IsFinite(v)) continue;
            string what = double.IsNaN(v) ? "NaN" : double.IsInfinity(v) ? "infinite" : v == 0 ? "zero" : "negative";
            string derived = origin.IsDerived ? $" ({origin})" : "";
            string hint = q == Quantity.Loss && !double.IsFinite(v) ? " A diverged run? --drop-invalid drops such runs." : "";
            throw ErrorAt(i, origin.Column,
                $"{q.Symbol()} is {what} ({v.ToString("R", CultureInfo.InvariantCulture)}){derived}; " +
                $"it must be positive and finite because scaling laws take its logarithm.{hint}");
        }
        _checked[(int)q] = true;
    }

    private DataException MissingQuantity(Quantity quantity)
    {
        string aliases = string.Join(", ", quantity.Aliases().Select(a => $"'{a}'"));
        string hint = quantity switch
        {
            Quantity.TrainingTokens => " It is derived as C/(6N) when both of those are present.",
            Quantity.Compute => " It is derived as 6ND when both of those are present.",
            Quantity.ParameterCount => " It is derived as C/(6D) when both of those are present, or from columns d_model and n_layer.",
            _ => "",
        };
        string option = quantity == Quantity.Loss ? "--loss-column" : $"--{quantity.Symbol().ToLowerInvariant()}-column";
        return new DataException(
            $"no column for {quantity.Description()}: looked for {aliases} (case-insensitive).{hint} " +
            $"The columns are: {Headers.List(_names)}. Name the column with {option}.", Source);
    }

    private static T[] Pick<T>(T[] values, IReadOnlyList<int> rows)
    {
        var picked = new T[rows.Count];
        for (int i = 0; i < picked.Length; i++) picked[i] = values[rows[i]];
        return picked;
    }
}

/// <summary>A cell of a quantity column that is empty or not a number: its row, column and text.</summary>
internal readonly record struct CellIssue(int Row, string Column, string Text)
{
    public static CellIssue[]? Pick(CellIssue[] issues, IReadOnlyList<int> rows)
    {
        if (issues.Length == 0) return null;
        var byRow = issues.ToDictionary(i => i.Row);
        var picked = new List<CellIssue>();
        for (int i = 0; i < rows.Count; i++)
            if (byRow.TryGetValue(rows[i], out var issue)) picked.Add(issue with { Row = i });
        return picked.Count == 0 ? null : [.. picked];
    }
}

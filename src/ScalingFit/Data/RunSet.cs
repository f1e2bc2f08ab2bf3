namespace ScalingFit.Data;

/// <summary>
/// Observed training runs, one row per run: the quantities N, D, C and loss (each read from a
/// column or derived), the other columns of the input as text, the input line of every row, and
/// notes on what was done to the data (derivations, selections, filters). Immutable; the
/// operations return new sets.
/// </summary>
public sealed class RunSet
{
    private readonly double[]?[] _quantities;
    private readonly ColumnOrigin?[] _origins;
    private readonly TextColumns _text;
    private readonly int[] _lines;

    /// <remarks>The arrays may be longer than <paramref name="count"/> (a reader's spare capacity); only the first count entries are rows.</remarks>
    internal RunSet(
        string source, int count, double[]?[] quantities, ColumnOrigin?[] origins,
        TextColumns text, int[] lines, IReadOnlyList<string> notes)
    {
        Source = source;
        Count = count;
        _quantities = quantities;
        _origins = origins;
        _text = text;
        _lines = lines;
        Notes = notes;
    }

    /// <summary>The file or data set the runs came from, as named in messages.</summary>
    public string Source { get; }

    /// <summary>The number of runs.</summary>
    public int Count { get; }

    /// <summary>What was done to the data since it was read, in order, written for a person.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The names of the input's other columns (not N, D, C or loss), in input order.</summary>
    public IReadOnlyList<string> TextColumnNames => _text.Names;

    /// <summary>Whether the quantity was read or derived.</summary>
    public bool Has(Quantity quantity) => _quantities[(int)quantity] is not null;

    /// <summary>Where the quantity came from, or null when the data does not have it.</summary>
    public ColumnOrigin? Origin(Quantity quantity) => _origins[(int)quantity];

    /// <summary>The values of a quantity, one per run.</summary>
    /// <exception cref="DataException">The data has no such column and it could not be derived.</exception>
    public ReadOnlySpan<double> Values(Quantity quantity) =>
        (_quantities[(int)quantity] ?? throw MissingQuantity(quantity)).AsSpan(0, Count);

    /// <summary>The value of a quantity for one run.</summary>
    public double Value(Quantity quantity, int row) => Values(quantity)[row];

    /// <summary>The 1-based input line a run was read from.</summary>
    public long Line(int row) => _lines[row];

    /// <summary>Whether the input has a text column of this name (case-insensitive).</summary>
    public bool HasColumn(string name) => _text.IndexOf(name) >= 0;

    /// <summary>The text of a column for one run; N, D, C and loss columns are found by name too.</summary>
    /// <exception cref="DataException">No column of that name.</exception>
    public string Text(string column, int row)
    {
        int index = _text.IndexOf(column);
        if (index >= 0) return _text.Values[index][row];
        foreach (var q in Quantities.All)
        {
            if (_origins[(int)q]?.Column is { } name && string.Equals(name, column, StringComparison.OrdinalIgnoreCase))
                return _quantities[(int)q]![row].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }
        throw UnknownColumn(column);
    }

    /// <summary>The error for a column name that is not in the data, listing those that are.</summary>
    public DataException UnknownColumn(string column)
    {
        var names = Quantities.All.Select(q => _origins[(int)q]?.Column).OfType<string>().Concat(_text.Names);
        return new DataException(
            $"there is no column '{column}'; the columns are: {string.Join(", ", names.Select(n => $"'{n}'"))}.", Source);
    }

    /// <summary>A set holding only the given rows, in the given order, with a note on why.</summary>
    public RunSet Subset(IReadOnlyList<int> rows, string? note)
    {
        var quantities = _quantities.Select(values => values is null ? null : Pick(values, rows)).ToArray();
        var text = new TextColumns(_text.Names, _text.Values.Select(column => column.Pick(rows)).ToArray());
        return new RunSet(Source, rows.Count, quantities, _origins, text, Pick(_lines, rows), NotesWith(note));
    }

    /// <summary>A set with a quantity added or replaced, with a note on where it came from.</summary>
    public RunSet WithQuantity(Quantity quantity, double[] values, ColumnOrigin origin, string? note)
    {
        if (values.Length < Count)
            throw new ArgumentException($"expected {Count} values, got {values.Length}", nameof(values));
        var quantities = (double[]?[])_quantities.Clone();
        var origins = (ColumnOrigin?[])_origins.Clone();
        quantities[(int)quantity] = values;
        origins[(int)quantity] = origin;
        return new RunSet(Source, Count, quantities, origins, _text, _lines, NotesWith(note));
    }

    /// <summary>The same runs with a note added to <see cref="Notes"/>.</summary>
    public RunSet WithNote(string note) =>
        new(Source, Count, _quantities, _origins, _text, _lines, [.. Notes, note]);

    private IReadOnlyList<string> NotesWith(string? note) => note is null ? Notes : [.. Notes, note];

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
            $"Name the column with {option}.", Source);
    }

    private static T[] Pick<T>(T[] values, IReadOnlyList<int> rows)
    {
        var picked = new T[rows.Count];
        for (int i = 0; i < picked.Length; i++) picked[i] = values[rows[i]];
        return picked;
    }
}

/// <summary>The text columns of a run set: names and values, aligned.</summary>
internal sealed record TextColumns(IReadOnlyList<string> Names, TextColumn[] Values)
{
    public int IndexOf(string name)
    {
        for (int i = 0; i < Names.Count; i++)
            if (string.Equals(Names[i], name.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}

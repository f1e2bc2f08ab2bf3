namespace ScalingFit.Data;

/// <summary>Which checkpoint of a training run stands for the run.</summary>
public enum CheckpointChoice
{
    /// <summary>The final checkpoint: highest step, or the last row when there is no step column.</summary>
    Last,

    /// <summary>The checkpoint with the lowest loss (or the lowest value of the selection column).</summary>
    Min,

    /// <summary>The row with the highest value of the selection column.</summary>
    Max,

    /// <summary>
    /// Every checkpoint: the rows stay, and the runs named by the run columns become the units the
    /// fits resample and cluster by (<see cref="RunSelection.ResampleBy"/>).
    /// </summary>
    All,
}

/// <summary>Which compute to use when the data has a C column and both N and D.</summary>
public enum ComputeConvention
{
    /// <summary>The C column as written (the default); a warning says when it is not about 6ND.</summary>
    Column,

    /// <summary>C = 6ND, replacing the column (Kaplan et al. 2020's training-compute approximation).</summary>
    SixND,
}

/// <summary>
/// How the rows of a log become the runs that are fitted: filters, grouping of training-curve
/// checkpoints into runs, and dropping outliers. Applied in that order by <see cref="RunPreparation"/>.
/// </summary>
public sealed record RunSelection
{
    /// <summary>No filtering and no grouping: every row is a run.</summary>
    public static RunSelection None { get; } = new();

    /// <summary>Conditions every kept row satisfies (all of them). They run before any cell is validated.</summary>
    public IReadOnlyList<RowFilter> Where { get; init; } = [];

    /// <summary>Columns whose values together name a run; empty when every row is a run.</summary>
    public IReadOnlyList<string> RunColumns { get; init; } = [];

    /// <summary>The column that orders a run's checkpoints; null for file order.</summary>
    public string? StepColumn { get; init; }

    /// <summary>Which checkpoint of each run is kept.</summary>
    public CheckpointChoice Checkpoint { get; init; } = CheckpointChoice.Last;

    /// <summary>
    /// The column whose lowest (<see cref="CheckpointChoice.Min"/>) or highest (<see cref="CheckpointChoice.Max"/>)
    /// value picks the row kept in each group of <see cref="RunColumns"/> (e.g. the best learning rate per N and D
    /// by loss); null to pick by loss or step.
    /// </summary>
    public string? SelectBy { get; init; }

    /// <summary>
    /// Columns whose values together name the run a row belongs to, when rows are checkpoints (or
    /// repeated evaluations) of fewer runs: the bootstrap resamples whole runs, the sandwich covariance
    /// is clustered by run, and the degrees of freedom count runs. Null (the default) for the run
    /// columns when every checkpoint is kept (<see cref="CheckpointChoice.All"/>), else none; empty for
    /// none (every row a run of its own).
    /// </summary>
    public IReadOnlyList<string>? ResampleBy { get; init; }

    /// <summary>Whether rows missing a value the analysis uses (an empty or non-numeric cell) are dropped and counted rather than rejected.</summary>
    public bool DropIncomplete { get; init; }

    /// <summary>Whether runs whose loss is NaN or infinite (diverged runs) are dropped and counted rather than rejected.</summary>
    public bool DropInvalid { get; init; }

    /// <summary>The quantities the analysis reads; null for every quantity the data has. Only these are validated and checked for incompleteness.</summary>
    public IReadOnlyCollection<Quantity>? Uses { get; init; }

    /// <summary>
    /// Columns besides N, D and C that the analysis takes as inputs (a law's unique tokens, say): rows that
    /// differ in them are different runs, not repeated measurements of one (N, D).
    /// </summary>
    public IReadOnlyCollection<string> InputColumns { get; init; } = [];

    /// <summary>
    /// The columns besides N, D and C whose values the analysis predicts (a law's target other than the loss, such as a
    /// learning rate or an accuracy). With <see cref="DropIncomplete"/>, rows whose cell in one of these or in
    /// <see cref="InputColumns"/> is empty or not a number are dropped like rows missing N, D, C or the loss.
    /// </summary>
    public IReadOnlyCollection<string> TargetColumns { get; init; } = [];

    /// <summary>Which compute to use when C, N and D are all present.</summary>
    public ComputeConvention ComputeConvention { get; init; }

    /// <summary>Whether <see cref="ComputeConvention"/> was chosen by the user (then an inconsistent C is noted, not warned about).</summary>
    public bool ComputeConventionChosen { get; init; }

    /// <summary>How many runs with the highest loss are dropped after grouping (the replication drops 5).</summary>
    public int DropHighestLoss { get; init; }
}

/// <summary>A condition on a column: COLUMN=VALUE or COLUMN!=VALUE.</summary>
/// <param name="Column">The column name (case-insensitive).</param>
/// <param name="Value">The value; numbers compare as numbers, anything else as exact text.</param>
/// <param name="Negated">True for !=.</param>
public sealed record ColumnCondition(string Column, string Value, bool Negated = false) : RowFilter
{
    /// <inheritdoc/>
    public override IEnumerable<string> Columns => [Column];

    internal override Func<int, bool> Compile(RunSet rows) =>
        new ComparisonFilter(Column, Negated ? "!=" : "=", new FilterValue(Value)).Compile(rows);

    /// <summary>Parses COLUMN=VALUE or COLUMN!=VALUE.</summary>
    /// <exception cref="OptionException">The text has no '='.</exception>
    public static new ColumnCondition Parse(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0)
            throw new OptionException($"'{text}' is not a condition; write COLUMN=VALUE or COLUMN!=VALUE.");
        bool negated = text[eq - 1] == '!';
        string column = text[..(negated ? eq - 1 : eq)].Trim();
        if (column.Length == 0)
            throw new OptionException($"'{text}' names no column; write COLUMN=VALUE or COLUMN!=VALUE.");
        return new ColumnCondition(column, text[(eq + 1)..].Trim(), negated);
    }

    /// <summary>Whether a cell's text satisfies the condition.</summary>
    public bool Matches(string cell)
    {
        bool equal = NumberText.TryParse(cell, out var a) && NumberText.TryParse(Value, out var b)
            ? a == b
            : string.Equals(cell.Trim(), Value, StringComparison.Ordinal);
        return equal != Negated;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Column}{(Negated ? "!=" : "=")}{Value}";
}

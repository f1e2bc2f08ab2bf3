namespace ScalingFit.Data;

/// <summary>How a loss column is turned into a loss in nats per token before fitting.</summary>
public enum LossTransform
{
    /// <summary>The column is the loss.</summary>
    None,

    /// <summary>The column is a perplexity: the loss is its natural logarithm (cross-entropy = ln perplexity).</summary>
    Ln,
}

/// <summary>How to read runs from a table: which columns hold N, D, C and loss, and in what units.</summary>
public sealed record RunReadOptions
{
    /// <summary>The default options: every column found by its aliases.</summary>
    public static RunReadOptions Default { get; } = new();

    /// <summary>The column of parameter counts N; null to find it by its aliases.</summary>
    public string? ParameterCountColumn { get; init; }

    /// <summary>The column of training tokens D; null to find it by its aliases.</summary>
    public string? TrainingTokensColumn { get; init; }

    /// <summary>The column of training compute C; null to find it by its aliases.</summary>
    public string? ComputeColumn { get; init; }

    /// <summary>The column of losses; null to find it by its aliases.</summary>
    public string? LossColumn { get; init; }

    /// <summary>The unit of the N column when its header gives none (e.g. B for billions); null for plain counts.</summary>
    public ColumnUnit? ParameterCountUnit { get; init; }

    /// <summary>The unit of the D column when its header gives none; null for plain counts.</summary>
    public ColumnUnit? TrainingTokensUnit { get; init; }

    /// <summary>The unit of the C column when its header gives none; null for FLOP.</summary>
    public ColumnUnit? ComputeUnit { get; init; }

    /// <summary>How the loss column becomes a loss in nats per token.</summary>
    public LossTransform LossTransform { get; init; }

    /// <summary>
    /// Whether the input is a chart export in wide form (a step column and one column per run and
    /// metric, "&lt;run&gt; - &lt;metric&gt;", as W&amp;B writes) to be melted into one row per run and step.
    /// </summary>
    public bool Wide { get; init; }

    /// <summary>
    /// Whether rows with an empty N, D, C or loss cell are dropped (and counted in a note)
    /// rather than rejected. Training logs often leave eval_loss empty between evaluations.
    /// </summary>
    public bool DropIncompleteRows { get; init; }

    /// <summary>
    /// Whether a loss column is required (true for runs). Tables that describe models still to
    /// train, such as a ladder of sizes for a cost trade-off, have none.
    /// </summary>
    public bool RequireLoss { get; init; } = true;

    /// <summary>The unit the user gave for a quantity, or null.</summary>
    public ColumnUnit? UnitFor(Quantity quantity) => quantity switch
    {
        Quantity.ParameterCount => ParameterCountUnit,
        Quantity.TrainingTokens => TrainingTokensUnit,
        Quantity.Compute => ComputeUnit,
        _ => null,
    };

    /// <summary>The column the user named for a quantity, or null.</summary>
    public string? ColumnFor(Quantity quantity) => quantity switch
    {
        Quantity.ParameterCount => ParameterCountColumn,
        Quantity.TrainingTokens => TrainingTokensColumn,
        Quantity.Compute => ComputeColumn,
        _ => LossColumn,
    };
}

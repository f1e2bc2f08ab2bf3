namespace ScalingFit.Data;

/// <summary>How to read runs from a CSV file: which columns hold N, D, C and loss.</summary>
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

    /// <summary>The column the user named for a quantity, or null.</summary>
    public string? ColumnFor(Quantity quantity) => quantity switch
    {
        Quantity.ParameterCount => ParameterCountColumn,
        Quantity.TrainingTokens => TrainingTokensColumn,
        Quantity.Compute => ComputeColumn,
        _ => LossColumn,
    };
}

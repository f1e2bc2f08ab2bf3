namespace ScalingFit.Cli.Common;

/// <summary>
/// The one place where the library's names of its parameters (Type.Property, as carried by
/// <see cref="OptionException.Parameter"/>) meet the command line's flags.
/// </summary>
internal static class ParameterFlags
{
    private static readonly Dictionary<string, string> Flags = new()
    {
        ["LossFunction.Delta"] = "--huber-delta",
        ["RunSelection.DropHighestLoss"] = "--drop-highest-loss",
        ["LawSpec.Law"] = "--law",
        ["LawSpec.Nonlinear"] = "--nonlinear",
        ["LawFile"] = "--law-file",
        ["LawSettings.Inputs"] = "--x",
        ["LawSettings.Breaks"] = "--breaks",
        ["LawSettings.UniqueTokensColumn"] = "--unique-tokens-column",
        ["ParameterConstraints.Fixed"] = "--fix",
        ["ParameterConstraints.Ties"] = "--tie",
        ["ParameterConstraints.Bounds"] = "--bound",
        ["Prediction.At"] = "--at",
        ["Holdout.Threshold"] = "--holdout-above",
        ["Holdout.Fraction"] = "--holdout-fraction",
        ["ComputeOptimalOptions.Budgets"] = "--compute",
        ["ComputeOptimalOptions.ParameterCounts"] = "--n",
        ["ComputeOptimalOptions.TargetLosses"] = "--target-loss",
        ["ComputeBudgets.Points"] = "--points",
        ["TradeoffOptions.TokensPerParameter"] = "--tokens-per-parameter",
        ["TradeoffOptions.CostPerFlop"] = "--cost-per-flop",
        ["TradeoffOptions.MinGainPerCost"] = "--min-gain-per-cost",
        ["AcceleratorSpec.FlopsPerSecond"] = "--accelerator-flops",
        ["AcceleratorSpec.Utilization"] = "--utilization",
        ["AcceleratorSpec.Count"] = "--accelerators",
        ["Ladder.From"] = "--from",
        ["Ladder.To"] = "--to",
        ["Ladder.Factor"] = "--factor",
        ["IsoFlopOptions.BudgetTolerance"] = "--budget-tolerance",
        ["IsoFlopOptions.MinimumSizes"] = "--min-sizes",
        ["IsoFlopOptions.Window"] = "--window",
        ["IsoFlopOptions.Budgets"] = "--compute",
        ["IsoFlopOptions.Bootstrap"] = "--bootstrap",
        ["FitFigureOptions.By"] = "--by",
        ["RunGroups.Columns"] = "--group-by",
        ["FitFigureOptions.Versus"] = "--versus",
        ["FitFigureOptions.ExtrapolateTo"] = "--extrapolate-to",
        ["ResidualsFigureOptions.Versus"] = "--versus",
        ["MetricChain.MetricLaw"] = "--metric-law",
        ["MetricChain.LossLaw"] = "--law",
        ["RunSelection.Checkpoint"] = "--select",
        ["RunSelection.SelectBy"] = "--select-by",
        ["RunSelection.ResampleBy"] = "--resample-by",
        ["EmbeddingSpec.Vocabulary"] = "--vocab",
        ["EmbeddingSpec.LearnedPositions"] = "--n-ctx",
        ["EmbeddingSpec.WidthColumn"] = "--d-model-column",
    };

    /// <summary>The flag of a library parameter, or null when the command line has none.</summary>
    public static string? Of(string? parameter) => parameter is not null && Flags.TryGetValue(parameter, out var flag) ? flag : null;

    /// <summary>The message for a person: the flag first when the error names a parameter that has one.</summary>
    public static string Message(OptionException e) =>
        Of(e.Parameter) is { } flag && !e.Message.StartsWith(flag, StringComparison.Ordinal) ? $"{flag}: {e.Message}" : e.Message;
}

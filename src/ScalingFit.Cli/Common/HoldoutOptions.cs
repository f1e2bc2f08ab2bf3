using System.CommandLine;
using ScalingFit.Analysis;

namespace ScalingFit.Cli.Common;

/// <summary>--holdout-above and --holdout-fraction, shared by backtest and compare.</summary>
internal sealed class HoldoutOptions
{
    /// <summary>The fraction held out when neither option is given.</summary>
    public const double DefaultFraction = 0.2;

    public Option<string?> Above { get; } = new("--holdout-above")
    {
        Description = "Hold out the runs above a threshold, e.g. N=1e9 or C=1e21, fit the rest and predict them.",
    };

    public Option<double?> Fraction { get; } = new("--holdout-fraction")
    {
        Description = $"Hold out this fraction of the runs with the largest compute (default {DefaultFraction} when --holdout-above is not given).",
    };

    public void AddTo(Command command)
    {
        command.Add(Above);
        command.Add(Fraction);
    }

    /// <summary>The holdout asked for; a fraction is of the largest compute, or of <paramref name="scale"/> for runs that log no compute.</summary>
    public Holdout Build(ParseResult parse, ScalingFit.Data.Quantity scale = ScalingFit.Data.Quantity.Compute)
    {
        string? above = parse.GetValue(Above);
        double? fraction = parse.GetValue(Fraction);
        if (above is not null && fraction is not null)
            throw new OptionException("give --holdout-above or --holdout-fraction, not both.");
        return above is not null ? OptionParsers.HoldoutAbove(above) : Holdout.Largest(scale, fraction ?? DefaultFraction);
    }
}

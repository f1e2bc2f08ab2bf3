using ScalingFit.Data;
using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>The checks every fit makes before it starts: enough runs, and spread in every input.</summary>
internal static class InputChecks
{
    /// <summary>Requires more runs than the law has coefficients, so there is uncertainty to estimate.</summary>
    public static void RequireRuns(RunSet runs, string law, int coefficients)
    {
        if (runs.Count <= coefficients)
            throw new FitException(
                $"{law} has {coefficients} coefficients and needs at least {coefficients + 1} runs to estimate them with " +
                $"uncertainty, but {runs.Source} has {runs.Count}.");
    }

    /// <summary>Requires at least two distinct values of every input.</summary>
    public static void RequireSpread(RunSet runs, IReadOnlyList<Quantity> inputs)
    {
        foreach (var q in inputs) RequireSpread(runs, q, runs.Values(q).ToArray());
    }

    /// <summary>Requires at least two distinct values of an input.</summary>
    public static void RequireSpread(RunSet runs, LawInput input, double[] values)
    {
        if (values.Length == 0) return;
        double first = values[0];
        foreach (double v in values)
        {
            if (v != first) return;
        }
        throw new FitException(
            $"all {runs.Count} runs in {runs.Source} have the same {input.Name} " +
            $"({NumberFormat.Significant(first)}); a fit against {input.Name} needs at least two distinct values.");
    }

    /// <summary>
    /// Requires the target to vary: when every run has the same value (within a relative 1e-12) there
    /// is nothing for a law to fit, and an optimizer would only wander among equally perfect fits.
    /// </summary>
    /// <exception cref="FitException">Every run has the same target value.</exception>
    public static void RequireVariation(RunSet runs, LawTarget target, ReadOnlySpan<double> values)
    {
        var range = Range(values);
        if (values.Length == 0 || !(range.Upper - range.Lower <= 1e-12 * Math.Max(Math.Abs(range.Upper), Math.Abs(range.Lower)))) return;
        throw new FitException(
            $"the {(target.IsLoss ? "loss" : target.Name)} does not vary: all {values.Length} runs in {runs.Source} have " +
            $"{target.Symbol} = {NumberFormat.Significant(range.Lower)}, so there is nothing for a law to fit.");
    }

    /// <summary>An input's values, each required positive (a law in logs takes its logarithm).</summary>
    /// <exception cref="DataException">A value that is not positive, naming its line and column.</exception>
    public static double[] Positive(RunSet runs, LawInput input) =>
        Positive(runs, runs.Values(input), input.Name, input.Quantity is { } q ? runs.Origin(q)?.Column : input.Name);

    /// <summary>The target's values, each required positive.</summary>
    /// <exception cref="DataException">A value that is not positive, naming its line and column.</exception>
    public static double[] Positive(RunSet runs, LawTarget target) =>
        Positive(runs, target.Values(runs), target.Name, target.Quantity is { } q ? runs.Origin(q)?.Column : target.Name);

    private static double[] Positive(RunSet runs, double[] values, string name, string? column)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] > 0))
                throw runs.ErrorAt(i, column, $"{name} = {NumberFormat.Significant(values[i])} is not positive, and this law takes its logarithm.");
        }
        return values;
    }

    /// <summary>The smallest and largest value of each input.</summary>
    public static Interval[] Ranges(RunSet runs, IReadOnlyList<LawInput> inputs) => inputs.Select(q => Range(runs.Values(q))).ToArray();

    /// <summary>The smallest and largest of the values.</summary>
    public static Interval Range(ReadOnlySpan<double> values)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in values)
        {
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }
        return new Interval(lo, hi);
    }
}

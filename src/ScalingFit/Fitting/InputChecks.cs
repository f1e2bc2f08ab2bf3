using ScalingFit.Data;

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
        foreach (var q in inputs)
        {
            var values = runs.Values(q);
            double first = values[0];
            bool spread = false;
            foreach (double v in values)
            {
                if (v != first) { spread = true; break; }
            }
            if (!spread)
                throw new FitException(
                    $"all {runs.Count} runs in {runs.Source} have the same {q.Symbol()} " +
                    $"({NumberFormat.Significant(first)}); a fit against {q.Symbol()} needs at least two distinct values.");
        }
    }

    /// <summary>The smallest and largest value of each input.</summary>
    public static Interval[] Ranges(RunSet runs, IReadOnlyList<Quantity> inputs) => inputs.Select(q =>
    {
        var values = runs.Values(q);
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in values)
        {
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }
        return new Interval(lo, hi);
    }).ToArray();
}

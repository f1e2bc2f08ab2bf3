using ScalingFit.Data;
using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>
/// What the intervals of a fit can and cannot mean given how the rows came about: rows that are
/// checkpoints of fewer runs (the intervals count runs, not rows), too few runs for the free
/// parameters, and a law of N carried by fewer than 5 distinct sizes.
/// </summary>
internal static class RunStructure
{
    /// <summary>Below this many distinct sizes the dependence on N rests on too few points to check its form.</summary>
    public const int FewSizes = 5;

    /// <summary>Below this many runs a clustered interval is itself rough.</summary>
    public const int FewClusters = 20;

    public static IEnumerable<Diagnostic> Diagnose(RunSet runs, IReadOnlyList<LawInput> inputs, int freeParameters)
    {
        if (runs.Clusters is { } c && c.Count < runs.Count)
        {
            yield return new Diagnostic(DiagnosticCodes.RowsPerRun,
                $"the {runs.Count} rows are checkpoints of {c.Count} run{(c.Count == 1 ? "" : "s")} (named by {c.Describe()}): the intervals treat each run, not each row, " +
                $"as independent (the bootstrap resamples whole runs, the sandwich covariance is clustered by run) and have {c.Count - 1} " +
                $"degree{(c.Count == 2 ? "" : "s")} of freedom. They say how far the estimates would move with another {(c.Count == 1 ? "run like this one" : $"{c.Count} runs like these")}, not the precision " +
                $"of {runs.Count} independent runs" +
                (c.Count < FewClusters ? $"; with {c.Count} run{(c.Count == 1 ? "" : "s")} they are themselves rough (clustered intervals need a few dozen runs to hold their 95%)." : "."));
            if (c.Count - 1 < freeParameters)
                yield return new Diagnostic(DiagnosticCodes.FewRunsForParameters,
                    $"{c.Count} run{(c.Count == 1 ? "" : "s")} cannot give intervals for {freeParameters} free parameters: the clustered covariance has rank at most " +
                    $"{c.Count - 1}, so some combinations of the parameters get no uncertainty at all. Fix or tie parameters, or add runs.");
        }
        if (inputs.Any(i => i.Quantity == Quantity.ParameterCount) && runs.Has(Quantity.ParameterCount))
        {
            int sizes = DistinctSizes(runs.Values(Quantity.ParameterCount));
            if (sizes < FewSizes)
                yield return new Diagnostic(DiagnosticCodes.FewSizes,
                    $"only {sizes} distinct model sizes N: whatever the number of rows{(runs.Count > sizes ? $" ({runs.Count})" : "")}, " +
                    $"the dependence on N rests on {sizes} points. Its interval assumes the law's form holds between and beyond them, and " +
                    "cannot show how another size would move it.");
        }
    }

    /// <summary>Distinct values, treating values within a relative 1e-6 as one.</summary>
    public static int DistinctSizes(ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        int count = sorted.Length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.Length; i++)
            if (sorted[i] > sorted[i - 1] * (1 + 1e-6)) count++;
        return count;
    }
}

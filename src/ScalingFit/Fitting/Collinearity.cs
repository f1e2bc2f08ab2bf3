using ScalingFit.Data;
using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>Detects and explains linearly dependent inputs of a log-linear fit.</summary>
internal static class Collinearity
{
    /// <summary>
    /// Refuses N, D and C together when one of them was derived from the others: then
    /// ln C = ln 6 + ln N + ln D exactly, and no data can separate the three exponents.
    /// </summary>
    public static void RefuseDerivedTriple(RunSet runs, IReadOnlyList<LawInput> inputs, LinearSolution fit)
    {
        var quantities = inputs.Select(i => i.Quantity).OfType<Quantity>().Where(q => q != Quantity.Loss).Distinct().ToList();
        if (quantities.Count < 3) return;
        var derived = quantities.FirstOrDefault(q => runs.Origin(q)?.IsDerived == true);
        if (!runs.Has(derived) || runs.Origin(derived)?.IsDerived != true) return;
        throw new FitException(
            $"N, D and C are collinear: {derived.Symbol()} was {runs.Origin(derived)}, so ln C = ln 6 + ln N + ln D " +
            $"for every run (condition number {NumberFormat.Significant(fit.ConditionNumber, 3)} of the design " +
            "[1, ln N, ln D, ln C]) and the three exponents cannot be separated. Fit a subset of the inputs instead: N and D (or N and C, or D and C).");
    }

    /// <summary>The error for a design whose condition number says its columns are dependent.</summary>
    public static FitException Refuse(IReadOnlyList<LawInput> inputs, LinearSolution fit)
    {
        var weights = fit.NullDirection;
        double max = weights.Skip(1).Select(Math.Abs).DefaultIfEmpty(0).Max();
        var dependent = inputs.Where((q, j) => Math.Abs(weights[j + 1]) > 0.05 * max).Select(q => $"ln {q.Name}").ToList();
        if (dependent.Count < 2) dependent = inputs.Select(q => $"ln {q.Name}").ToList();
        var keep = inputs.Take(inputs.Count - 1).Select(q => q.Name);
        return new FitException(
            $"the inputs are collinear: {Join(dependent)} are linearly dependent (condition number " +
            $"{NumberFormat.Significant(fit.ConditionNumber, 3)} of the design [1, " +
            $"{string.Join(", ", inputs.Select(q => $"ln {q.Name}"))}]), so their exponents cannot be separated. " +
            $"Fit a subset of the inputs instead, e.g. {string.Join(" and ", keep)}.");
    }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count <= 2 ? string.Join(" and ", items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";
}

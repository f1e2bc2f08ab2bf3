using MathNet.Numerics.Distributions;
using ScalingFit.Fitting;

namespace ScalingFit.Analysis;

/// <summary>
/// Whether one estimate (an exponent, the irreducible loss) differs between groups: each group's value
/// with its 95% interval, and a Wald test of homogeneity across the groups.
/// </summary>
/// <param name="Name">The estimate's stable name (alpha, a, E).</param>
/// <param name="Symbol">Its symbol (α, a, E).</param>
/// <param name="Values">Each group's estimate, by group label, in group order.</param>
/// <param name="ChiSquare">Q = Σ wᵢ(θᵢ − θ̄)² with wᵢ = 1/SEᵢ² and θ̄ the inverse-variance weighted mean; NaN without standard errors.</param>
/// <param name="DegreesOfFreedom">k − 1 for k groups with a standard error.</param>
/// <param name="PValue">P(χ²_{k−1} ≥ Q): small when the groups' values differ by more than their errors allow.</param>
/// <remarks>
/// The groups are fitted to disjoint runs, so their estimates are independent and Q is asymptotically χ² with
/// k − 1 degrees of freedom under equal true values (Cochran's Q, as in a meta-analysis; Cochran 1954). With two
/// groups it is the square of z = (θ₁ − θ₂)/√(SE₁² + SE₂²). It uses the standard errors as the fits report them
/// (asymptotic or bootstrap), so it is approximate for a few runs per group.
/// </remarks>
public sealed record GroupDifference(
    string Name, string Symbol, IReadOnlyList<KeyValuePair<string, FittedParameter>> Values, double ChiSquare, int DegreesOfFreedom, double PValue)
{
    /// <summary>Whether the values differ at the 5% level.</summary>
    public bool Differ => PValue < 0.05;

    /// <summary>
    /// The test for each estimate that every group has, in the order the first group lists them.
    /// </summary>
    /// <param name="groups">Each group's label and its estimates (two groups or more make a test).</param>
    public static IReadOnlyList<GroupDifference> Of(IReadOnlyList<(string Group, IReadOnlyList<FittedParameter> Estimates)> groups)
    {
        if (groups.Count < 2) return [];
        var names = groups[0].Estimates.Select(p => p.Name).Where(n => groups.All(g => g.Estimates.Any(p => p.Name == n))).ToList();
        return names.Select(name =>
        {
            var values = groups.Select(g => new KeyValuePair<string, FittedParameter>(g.Group, g.Estimates.First(p => p.Name == name))).ToList();
            return Test(name, values[0].Value.Symbol, values);
        }).ToList();
    }

    private static GroupDifference Test(string name, string symbol, IReadOnlyList<KeyValuePair<string, FittedParameter>> values)
    {
        var usable = values.Select(v => v.Value)
            .Where(p => p.Constraint is null && double.IsFinite(p.Value) && p.StandardError > 0 && double.IsFinite(p.StandardError)).ToList();
        if (usable.Count < 2 || usable.Count < values.Count) return new(name, symbol, values, double.NaN, 0, double.NaN);
        double sw = usable.Sum(p => 1 / (p.StandardError * p.StandardError));
        double mean = usable.Sum(p => p.Value / (p.StandardError * p.StandardError)) / sw;
        double q = usable.Sum(p => Math.Pow((p.Value - mean) / p.StandardError, 2));
        int df = usable.Count - 1;
        return new(name, symbol, values, q, df, 1 - ChiSquared.CDF(df, q));
    }
}

/// <summary>The between-group tests each grouped analysis states.</summary>
public static class GroupDifferences
{
    /// <summary>Each parameter and derived quantity of a law fitted per group.</summary>
    public static IReadOnlyList<GroupDifference> Fit(GroupedResult<FitResult> result) =>
        GroupDifference.Of(result.Analysed.Select(o => (o.Group.Label, (IReadOnlyList<FittedParameter>)[.. o.Result!.Parameters, .. o.Result!.Derived])).ToList());

    /// <summary>The exponent a of N_opt ∝ C^a from each group's IsoFLOP minima.</summary>
    public static IReadOnlyList<GroupDifference> IsoFlop(GroupedResult<IsoFlopResult> result) =>
        GroupDifference.Of(result.Analysed.Select(o => (o.Group.Label, (IReadOnlyList<FittedParameter>)[o.Result!.ParameterExponent])).ToList());

    /// <summary>The frontier exponent a and each parameter of the law fitted per group.</summary>
    public static IReadOnlyList<GroupDifference> Optimal(GroupedResult<ComputeOptimalResult> result) =>
        GroupDifference.Of(result.Analysed.Select(o => (o.Group.Label, (IReadOnlyList<FittedParameter>)[o.Result!.ParameterExponent, .. o.Result!.Fit.Parameters])).ToList());
}

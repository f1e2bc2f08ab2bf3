using ScalingFit.Analysis;

namespace ScalingFit.Reporting.Json;

/// <summary>
/// An IsoFLOP analysis in JSON (<c>isoflop --json</c>; Hoffmann et al. 2022, approach 2): the fitted
/// N_opt = k·C^a with D_opt ∝ C^b, every budget with its parabola, N_opt at the budgets asked for.
/// </summary>
/// <param name="A">a in N_opt ∝ C^a.</param>
/// <param name="B">b in D_opt ∝ C^b.</param>
/// <param name="LogK">ln k in N_opt = k·C^a.</param>
/// <param name="StandardErrors">Of a, b and logK.</param>
/// <param name="Ci95">95% t intervals of a, b and logK.</param>
/// <param name="Grouping">How the runs were grouped into budgets, in words.</param>
/// <param name="BudgetsUsed">How many budgets' minima entered the fit.</param>
/// <param name="R2">R² of ln N_opt on ln C.</param>
/// <param name="ResidualStd">Its residual standard deviation.</param>
/// <param name="Budgets">Every budget found, used or not, in increasing compute.</param>
/// <param name="Allocations">N_opt and D_opt at the budgets asked for.</param>
/// <param name="Reference">Hoffmann et al.'s exponents for comparison, in words.</param>
/// <param name="Warnings">Parabolas that open downward, minima outside the sizes sampled, wide bins, too few sizes.</param>
/// <param name="Data">The runs analysed.</param>
/// <param name="Vertex">How each budget's N_opt was found: "parabola" (the vertex of an OLS parabola in ln N) or "akima" (the minimum of an Akima spline, without an interval).</param>
/// <param name="Approaches">Approach 2 against approach 3 (the chinchilla law fitted to the same runs), with the vertex bias; null when not asked for.</param>
/// <param name="Bootstrap">The analysis redone on resamples of whole runs, when asked; left out otherwise.</param>
public sealed record IsoFlopJson(
    double A, double B, double LogK, IReadOnlyDictionary<string, double> StandardErrors, IReadOnlyDictionary<string, IntervalJson> Ci95,
    string Grouping, int BudgetsUsed, double R2, double ResidualStd, IReadOnlyList<IsoFlopBudgetJson> Budgets,
    IReadOnlyList<IsoFlopAllocationJson> Allocations, string Reference, IReadOnlyList<string> Warnings, DataJson Data, string Vertex,
    ApproachesJson? Approaches,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IsoFlopBootstrapJson? Bootstrap = null)
{
    /// <summary>The analysis's JSON.</summary>
    public static IsoFlopJson Of(IsoFlopResult result)
    {
        var parameters = new[] { result.ParameterExponent, result.TokenExponent, result.LogCoefficient };
        return new(
            result.ParameterExponent.Value,
            result.TokenExponent.Value,
            result.LogCoefficient.Value,
            JsonMaps.Of(parameters, p => p.Name, p => p.StandardError),
            JsonMaps.Of(parameters, p => p.Name, p => IntervalJson.Of(p.Ci95)),
            result.Grouping,
            result.Frontier.Points,
            result.Frontier.RSquared,
            result.Frontier.ResidualStandardDeviation,
            result.Budgets.Select(IsoFlopBudgetJson.Of).ToList(),
            result.Allocations.Select(a => new IsoFlopAllocationJson(
                a.Compute, a.ParameterCount, IntervalJson.Of(a.ParameterCountCi95), a.TrainingTokens, a.TokensPerParameter)
            {
                NOptNonEmbedding = JsonNumbers.Finite(a.NonEmbeddingParameterCount),
            }).ToList(),
            IsoFlopResult.Reference,
            result.Warnings,
            DataJson.Of(result.Data),
            result.Vertex == IsoFlopVertex.Akima ? "akima" : "parabola",
            result.Approaches is { } approaches ? ApproachesJson.Of(approaches) : null,
            result.Bootstrap is { } boot ? IsoFlopBootstrapJson.Of(boot, result.Allocations) : null);
    }
}

/// <summary>An IsoFLOP analysis redone on bootstrap resamples of whole runs (percentile 95% intervals).</summary>
/// <param name="Resamples">How many resamples were drawn.</param>
/// <param name="Failed">How many gave fewer than 3 usable budgets (left out).</param>
/// <param name="Units">What was resampled, in words ("24 runs named by run").</param>
/// <param name="A">Interval of a.</param>
/// <param name="B">Interval of b.</param>
/// <param name="Allocations">N_opt's interval at each budget asked for, in the order of "allocations".</param>
public sealed record IsoFlopBootstrapJson(int Resamples, int Failed, string Units, IntervalJson A, IntervalJson B, IReadOnlyList<IsoFlopBootstrapAllocationJson> Allocations)
{
    /// <summary>The bootstrap's JSON.</summary>
    public static IsoFlopBootstrapJson Of(IsoFlopBootstrap boot, IReadOnlyList<IsoFlopAllocation> allocations) => new(
        boot.Resamples, boot.Failed, boot.Units, IntervalJson.Of(boot.ParameterExponent), IntervalJson.Of(boot.TokenExponent),
        allocations.Select((a, i) => new IsoFlopBootstrapAllocationJson(a.Compute, IntervalJson.Of(boot.ParameterCounts[i]))).ToList());
}

/// <summary>N_opt's bootstrap interval at one budget.</summary>
/// <param name="Compute">C, FLOP.</param>
/// <param name="NOptCi95">Percentile 95% interval of N_opt.</param>
public sealed record IsoFlopBootstrapAllocationJson(double Compute, IntervalJson NOptCi95);

/// <summary>One budget of an IsoFLOP analysis.</summary>
/// <param name="Label">Its name: the group column's value or its compute.</param>
/// <param name="Compute">C: the geometric mean compute of its runs.</param>
/// <param name="Runs">How many runs it holds.</param>
/// <param name="Sizes">How many distinct model sizes N.</param>
/// <param name="SizeRange">The smallest and largest N.</param>
/// <param name="ComputeSpread">Largest over smallest compute of its runs.</param>
/// <param name="NOpt">N_opt: the parabola's vertex (null without a minimum).</param>
/// <param name="NOptCi95">Its 95% t interval.</param>
/// <param name="DOpt">D_opt = C/(6·N_opt).</param>
/// <param name="LossAtOpt">The parabola's loss at its vertex.</param>
/// <param name="Used">Whether its minimum enters the fit of N_opt ∝ C^a.</param>
/// <param name="MinimumOutsideSizes">Whether the vertex lies outside the sizes sampled.</param>
/// <param name="Reason">Why it is not used, or why it is suspect; null when all is well.</param>
/// <param name="Parabola">The parabola of loss against ln N; null with fewer than 3 sizes.</param>
public sealed record IsoFlopBudgetJson(
    string Label, double Compute, int Runs, int Sizes, IntervalJson SizeRange, double ComputeSpread, double NOpt, IntervalJson NOptCi95,
    double DOpt, double LossAtOpt, bool Used, bool MinimumOutsideSizes, string? Reason, ParabolaJson? Parabola)
{
    /// <summary>A budget's JSON.</summary>
    public static IsoFlopBudgetJson Of(IsoFlopBudget b) => new(
        b.Label, b.Compute, b.Runs, b.Sizes, IntervalJson.Of(b.SizeRange), b.ComputeSpread, b.OptimalParameterCount,
        IntervalJson.Of(b.OptimalParameterCountCi95), b.OptimalTokens, b.LossAtOptimum, b.Used, b.MinimumOutsideSizes, b.Reason,
        b.Parabola is { } p
            ? new ParabolaJson(p.Center, p.Constant, p.Linear, p.Curvature, p.CurvatureStandardError, p.DegreesOfFreedom)
            : null)
    {
        NOptNonEmbedding = JsonNumbers.Finite(b.NonEmbeddingOptimalParameterCount),
    };

    /// <summary>N_opt in non-embedding parameters when the runs' N was converted from non-embedding (left out otherwise, and where the embeddings alone would exceed N_opt).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? NOptNonEmbedding { get; init; }
}

/// <summary>A budget's parabola L = c0 + c1·x + c2·x² with x = ln N − center.</summary>
/// <param name="Center">The centre of ln N the parabola is written about.</param>
/// <param name="C0">The constant.</param>
/// <param name="C1">The linear coefficient.</param>
/// <param name="C2">The curvature (positive for a minimum).</param>
/// <param name="C2StandardError">Its standard error.</param>
/// <param name="DegreesOfFreedom">Runs minus 3.</param>
public sealed record ParabolaJson(double Center, double C0, double C1, double C2, double C2StandardError, int DegreesOfFreedom);

/// <summary>N_opt and D_opt read off the fitted frontier at a budget.</summary>
/// <param name="Compute">C, FLOP.</param>
/// <param name="NOpt">N_opt = k·C^a.</param>
/// <param name="Ci95">The 95% interval of the fitted line at C.</param>
/// <param name="DOpt">D_opt = C/(6·N_opt).</param>
/// <param name="TokensPerParameter">D_opt/N_opt.</param>
public sealed record IsoFlopAllocationJson(double Compute, double NOpt, IntervalJson Ci95, double DOpt, double TokensPerParameter)
{
    /// <summary>N_opt in non-embedding parameters when the runs' N was converted from non-embedding (left out otherwise, and where the embeddings alone would exceed N_opt).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? NOptNonEmbedding { get; init; }
}

using System.Text.Json.Serialization;
using ScalingFit.Analysis;

namespace ScalingFit.Reporting.Json;

/// <summary>
/// A compute-optimal allocation in JSON (<c>optimal --json</c>): the frontier N_opt = G·(C/6)^a,
/// D_opt ∝ C^b, one row per budget, size or target loss asked about, and the fit.
/// </summary>
/// <param name="Law">The law the frontier comes from.</param>
/// <param name="Formula">The frontier in symbols.</param>
/// <param name="ClosedForm">Whether the frontier has a closed form (else it is minimized numerically at each budget).</param>
/// <param name="A">a: N_opt ∝ C^a.</param>
/// <param name="B">b: D_opt ∝ C^b.</param>
/// <param name="G">G in N_opt = G·(C/6)^a.</param>
/// <param name="Exponents">a, b and g, each with its standard error and 95% interval.</param>
/// <param name="Convention">Whether N counts embeddings: "total", "non-embedding" or "unknown".</param>
/// <param name="Intervals">How the intervals were made, in words.</param>
/// <param name="Allocations">One row per budget, size and target loss asked about, in that order.</param>
/// <param name="Warnings">Extrapolation, convention and fit warnings.</param>
/// <param name="Fit">The law's fit.</param>
/// <param name="Approaches">Approach 2 (an IsoFLOP analysis of the same runs) against this allocation at its budgets, with the vertex bias; null when not asked for.</param>
public sealed record OptimalJson(
    string Law, string Formula, bool ClosedForm, double A, double B, double G, ExponentsJson Exponents, string Convention,
    string Intervals, IReadOnlyList<AllocationJson> Allocations, IReadOnlyList<string> Warnings, FitJson Fit, ApproachesJson? Approaches)
{
    /// <summary>The allocation's JSON.</summary>
    public static OptimalJson Of(ComputeOptimalResult result) => new(
        result.Frontier.Law,
        result.Formula,
        result.Frontier.IsClosedForm,
        result.ParameterExponent.Value,
        result.TokenExponent.Value,
        result.Coefficient.Value,
        new ExponentsJson(EstimateJson.Of(result.ParameterExponent), EstimateJson.Of(result.TokenExponent), EstimateJson.Of(result.Coefficient)),
        result.Convention switch
        {
            ParameterConvention.Total => "total",
            ParameterConvention.NonEmbedding => "non-embedding",
            _ => "unknown",
        },
        result.IntervalMethod,
        result.Allocations.Select(AllocationJson.Of).ToList(),
        result.Warnings,
        FitJson.Of(result.Fit),
        result.Approaches is { } approaches ? ApproachesJson.Of(approaches) : null);
}

/// <summary>The frontier's exponents and coefficient with their uncertainty.</summary>
/// <param name="A">a: N_opt ∝ C^a.</param>
/// <param name="B">b: D_opt ∝ C^b.</param>
/// <param name="G">G in N_opt = G·(C/6)^a.</param>
public sealed record ExponentsJson(EstimateJson A, EstimateJson B, EstimateJson G);

/// <summary>One row of an allocation: {"given", "compute", "nOpt", "dOpt", "tokensPerParameter", "loss", "ci95"}.</summary>
/// <param name="Given">What was asked about: "compute", "parameterCount" or "loss".</param>
/// <param name="Compute">C, FLOP.</param>
/// <param name="NOpt">N_opt, parameters.</param>
/// <param name="DOpt">D_opt, tokens.</param>
/// <param name="TokensPerParameter">D_opt/N_opt.</param>
/// <param name="Loss">The law's loss at (N_opt, D_opt).</param>
/// <param name="Ci95">The 95% interval of each value (bounds null where none is available).</param>
/// <param name="UnreachableResamples">For a target loss with a bootstrap: the resamples whose law can never reach it (they make the upper ends unbounded, null, once above 2.5%); left out otherwise.</param>
public sealed record AllocationJson(
    string Given, double Compute, double NOpt, double DOpt, double TokensPerParameter, double Loss, AllocationIntervalsJson Ci95,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? UnreachableResamples)
{
    /// <summary>N_opt in non-embedding parameters, when the runs' N was converted from non-embedding (absent otherwise; null when it cannot be).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? NOptNonEmbedding { get; init; }

    /// <summary>A row's JSON.</summary>
    public static AllocationJson Of(Allocation a) => new(
        a.Given switch
        {
            AllocationGiven.Compute => "compute",
            AllocationGiven.ParameterCount => "parameterCount",
            _ => "loss",
        },
        a.Compute, a.ParameterCount, a.TrainingTokens, a.TokensPerParameter, a.Loss,
        new AllocationIntervalsJson(
            IntervalJson.Of(a.Ci95.Compute), IntervalJson.Of(a.Ci95.ParameterCount), IntervalJson.Of(a.Ci95.TrainingTokens),
            IntervalJson.Of(a.Ci95.TokensPerParameter), IntervalJson.Of(a.Ci95.Loss)),
        a.Given == AllocationGiven.Loss && a.Resamples > 0 ? a.UnreachableResamples : null)
    {
        NOptNonEmbedding = JsonNumbers.Finite(a.NonEmbeddingParameterCount),
    };
}

/// <summary>The 95% intervals of an allocation's values.</summary>
/// <param name="Compute">Of C.</param>
/// <param name="NOpt">Of N_opt.</param>
/// <param name="DOpt">Of D_opt.</param>
/// <param name="TokensPerParameter">Of D_opt/N_opt.</param>
/// <param name="Loss">Of the loss.</param>
public sealed record AllocationIntervalsJson(
    IntervalJson Compute, IntervalJson NOpt, IntervalJson DOpt, IntervalJson TokensPerParameter, IntervalJson Loss);

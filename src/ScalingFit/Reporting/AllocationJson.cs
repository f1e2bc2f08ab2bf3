using System.Text.Json;
using ScalingFit.Analysis;
using ScalingFit.Fitting;
using static ScalingFit.Reporting.JsonOutput;

namespace ScalingFit.Reporting;

/// <summary>Compute-optimal allocations and IsoFLOP analyses as JSON with stable camelCase names.</summary>
public static class AllocationJson
{
    /// <summary>
    /// {"law", "formula", "a", "b", "g", "exponents": {a, b, g: {value, standardError, ci95}}, "convention",
    /// "intervals", "allocations": [{"given", "compute", "nOpt", "dOpt", "tokensPerParameter", "loss", "ci95": {..}}],
    /// "warnings", "fit"}.
    /// </summary>
    public static string Optimal(ComputeOptimalResult result) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("law", result.Frontier.Law);
        w.WriteString("formula", result.Formula);
        w.WriteBoolean("closedForm", result.Frontier.IsClosedForm);
        Number(w, "a", result.ParameterExponent.Value);
        Number(w, "b", result.TokenExponent.Value);
        Number(w, "g", result.Coefficient.Value);
        w.WriteStartObject("exponents");
        foreach (var p in new[] { result.ParameterExponent, result.TokenExponent, result.Coefficient }) Estimate(w, p.Name.ToLowerInvariant(), p);
        w.WriteEndObject();
        w.WriteString("convention", Convention(result.Convention));
        w.WriteString("intervals", result.IntervalMethod);
        w.WriteStartArray("allocations");
        foreach (var a in result.Allocations)
        {
            w.WriteStartObject();
            w.WriteString("given", a.Given switch
            {
                AllocationGiven.Compute => "compute",
                AllocationGiven.ParameterCount => "parameterCount",
                _ => "loss",
            });
            Number(w, "compute", a.Compute);
            Number(w, "nOpt", a.ParameterCount);
            Number(w, "dOpt", a.TrainingTokens);
            Number(w, "tokensPerParameter", a.TokensPerParameter);
            Number(w, "loss", a.Loss);
            w.WriteStartObject("ci95");
            Pair(w, "compute", a.Ci95.Compute);
            Pair(w, "nOpt", a.Ci95.ParameterCount);
            Pair(w, "dOpt", a.Ci95.TrainingTokens);
            Pair(w, "tokensPerParameter", a.Ci95.TokensPerParameter);
            Pair(w, "loss", a.Ci95.Loss);
            w.WriteEndObject();
            // Issue 11: resamples that can never reach a target loss (they make the upper ends unbounded above 2.5%; null bounds there).
            if (a.Given == AllocationGiven.Loss && a.Resamples > 0) w.WriteNumber("unreachableResamples", a.UnreachableResamples);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Strings(w, "warnings", result.Warnings);
        w.WritePropertyName("fit");
        WriteFit(w, result.Fit);
        w.WriteEndObject();
    });

    /// <summary>
    /// {"a", "b", "logK", "standardErrors", "ci95": {"a": [..], "b": [..]}, "grouping", "budgetsUsed", "r2",
    /// "budgets": [{"label", "compute", "runs", "sizes", "nOpt", "nOptCi95", "dOpt", "lossAtOpt", "used", "reason", ..}],
    /// "allocations", "reference", "warnings", "data"}.
    /// </summary>
    public static string IsoFlop(IsoFlopResult result) => Write(w =>
    {
        w.WriteStartObject();
        var parameters = new[] { result.ParameterExponent, result.TokenExponent, result.LogCoefficient };
        foreach (var p in parameters) Number(w, p.Name, p.Value);
        w.WriteStartObject("standardErrors");
        foreach (var p in parameters) Number(w, p.Name, p.StandardError);
        w.WriteEndObject();
        w.WriteStartObject("ci95");
        foreach (var p in parameters) Pair(w, p.Name, p.Ci95);
        w.WriteEndObject();
        w.WriteString("grouping", result.Grouping);
        w.WriteNumber("budgetsUsed", result.Frontier.Points);
        Number(w, "r2", result.Frontier.RSquared);
        Number(w, "residualStd", result.Frontier.ResidualStandardDeviation);
        w.WriteStartArray("budgets");
        foreach (var b in result.Budgets) Budget(w, b);
        w.WriteEndArray();
        w.WriteStartArray("allocations");
        foreach (var a in result.Allocations)
        {
            w.WriteStartObject();
            Number(w, "compute", a.Compute);
            Number(w, "nOpt", a.ParameterCount);
            Pair(w, "ci95", a.ParameterCountCi95);
            Number(w, "dOpt", a.TrainingTokens);
            Number(w, "tokensPerParameter", a.TokensPerParameter);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("reference", IsoFlopResult.Reference);
        Strings(w, "warnings", result.Warnings);
        WriteData(w, result.Data);
        w.WriteEndObject();
    });

    private static void Budget(Utf8JsonWriter w, IsoFlopBudget b)
    {
        w.WriteStartObject();
        w.WriteString("label", b.Label);
        Number(w, "compute", b.Compute);
        w.WriteNumber("runs", b.Runs);
        w.WriteNumber("sizes", b.Sizes);
        Pair(w, "sizeRange", b.SizeRange);
        Number(w, "computeSpread", b.ComputeSpread);
        Number(w, "nOpt", b.OptimalParameterCount);
        Pair(w, "nOptCi95", b.OptimalParameterCountCi95);
        Number(w, "dOpt", b.OptimalTokens);
        Number(w, "lossAtOpt", b.LossAtOptimum);
        w.WriteBoolean("used", b.Used);
        w.WriteBoolean("minimumOutsideSizes", b.MinimumOutsideSizes);
        if (b.Reason is null) w.WriteNull("reason");
        else w.WriteString("reason", b.Reason);
        if (b.Parabola is { } p)
        {
            w.WriteStartObject("parabola");
            Number(w, "center", p.Center);
            Number(w, "c0", p.Constant);
            Number(w, "c1", p.Linear);
            Number(w, "c2", p.Curvature);
            Number(w, "c2StandardError", p.CurvatureStandardError);
            w.WriteNumber("degreesOfFreedom", p.DegreesOfFreedom);
            w.WriteEndObject();
        }
        else w.WriteNull("parabola");
        w.WriteEndObject();
    }

    private static void Estimate(Utf8JsonWriter w, string name, FittedParameter p)
    {
        w.WriteStartObject(name);
        Number(w, "value", p.Value);
        Number(w, "standardError", p.StandardError);
        Pair(w, "ci95", p.Ci95);
        w.WriteEndObject();
    }

    private static string Convention(ParameterConvention c) => c switch
    {
        ParameterConvention.Total => "total",
        ParameterConvention.NonEmbedding => "non-embedding",
        _ => "unknown",
    };
}

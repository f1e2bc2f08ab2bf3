using ScalingFit.Analysis;

namespace ScalingFit.Reporting.Json;

/// <summary>
/// Approach 2 (IsoFLOP) against approach 3 (a fitted law's frontier) in JSON, as <c>isoflop</c>,
/// <c>optimal</c> and <c>report</c> carry it under "approaches".
/// </summary>
/// <param name="Note">Why there is no comparison (one side could not be computed); null when there is one.</param>
/// <param name="Vertex">Approach 2's vertex method: "parabola" or "akima"; null with a note.</param>
/// <param name="Budgets">One comparison per budget; empty with a note.</param>
/// <param name="VertexBias">The vertex method's bias estimated on the approach-3 law at the sizes sampled; null with a note.</param>
/// <param name="Diagnostics">The warnings with their stable codes ("approaches-disagree", "vertex-bias"): [{"code", "message"}].</param>
public sealed record ApproachesJson(
    string? Note, string? Vertex, IReadOnlyList<ApproachBudgetJson> Budgets, VertexBiasJson? VertexBias, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The comparison's JSON.</summary>
    public static ApproachesJson Of(ApproachComparisons c) => new(
        c.Note,
        c.Budgets.Count > 0 ? Name(c.Budgets[0].Vertex) : c.Bias is { } b ? Name(b.Vertex) : null,
        c.Budgets.Select(ApproachBudgetJson.Of).ToList(),
        c.Bias is { } bias
            ? new VertexBiasJson(Name(bias.Vertex), bias.LogCoefficient, bias.Exponent,
                bias.Budgets.Select(v => new VertexBiasBudgetJson(v.Label, v.Compute, v.VertexParameterCount, v.OptimalParameterCount, v.RelativeError)).ToList(),
                bias.Skipped)
            : null,
        c.Diagnostics);

    private static string Name(IsoFlopVertex vertex) => vertex == IsoFlopVertex.Akima ? "akima" : "parabola";
}

/// <summary>Both approaches at one budget.</summary>
/// <param name="Compute">C, FLOP.</param>
/// <param name="Approach2">N_opt and D_opt off the IsoFLOP line, with the line's 95% interval, or the bootstrap's when one was run (<paramref name="Approach2Interval"/>).</param>
/// <param name="Approach2WithBias">Approach 2 corrected for the vertex bias (N_opt/(1 + bias)), its interval the union of the line's and the corrected one; null without a bias estimate.</param>
/// <param name="Approach3">N_opt and D_opt minimizing the law, with the law's 95% interval (bounds null without one).</param>
/// <param name="Law">The law approach 3 minimized.</param>
/// <param name="Ratio">N_opt by approach 2 over N_opt by approach 3.</param>
/// <param name="VertexBias">The vertex method's relative bias in N_opt at this budget on the law's surface (0.05 = +5%); null when not estimated.</param>
/// <param name="Disagree">Whether approach 2's interval (widened by the bias when there is one) and approach 3's are disjoint.</param>
/// <param name="BiasBeyondInterval">Whether the bias alone carries approach 2's N_opt outside its own interval.</param>
/// <param name="Approach2Interval">"line" (the IsoFLOP line's t interval) or "bootstrap" (the percentile interval of the IsoFLOP bootstrap).</param>
public sealed record ApproachBudgetJson(
    double Compute, ApproachJson Approach2, ApproachJson? Approach2WithBias,
    ApproachJson Approach3, string Law, double Ratio, double? VertexBias, bool Disagree, bool BiasBeyondInterval, string Approach2Interval)
{
    /// <summary>A budget's JSON.</summary>
    public static ApproachBudgetJson Of(ApproachComparison r)
    {
        bool bias = double.IsFinite(r.VertexBias);
        return new(
            r.Compute,
            new ApproachJson(r.IsoFlop.ParameterCount, IntervalJson.Of(r.IsoFlop.ParameterCountCi95), r.IsoFlop.TrainingTokens, IntervalJson.Of(r.IsoFlopTokensCi95)),
            bias
                ? new ApproachJson(r.CorrectedParameterCount, IntervalJson.Of(r.WidenedCi95),
                    r.Compute / (Data.Derivation.FlopPerParameterToken * r.CorrectedParameterCount), IntervalJson.Of(r.WidenedTokensCi95))
                : null,
            new ApproachJson(r.Law.ParameterCount, IntervalJson.Of(r.Law.Ci95.ParameterCount), r.Law.TrainingTokens, IntervalJson.Of(r.Law.Ci95.TrainingTokens)),
            r.LawName, r.Ratio, bias ? r.VertexBias : null, r.Disagree, r.BiasBeyondInterval, r.Bootstrapped ? "bootstrap" : "line");
    }
}

/// <summary>N_opt and D_opt by one approach.</summary>
/// <param name="NOpt">N_opt, parameters.</param>
/// <param name="NOptCi95">Its 95% interval.</param>
/// <param name="DOpt">D_opt = C/(6·N_opt), tokens.</param>
/// <param name="DOptCi95">Its 95% interval.</param>
public sealed record ApproachJson(double NOpt, IntervalJson NOptCi95, double DOpt, IntervalJson DOptCi95);

/// <summary>The vertex method's bias on the approach-3 law.</summary>
/// <param name="Method">"parabola" or "akima".</param>
/// <param name="LogK">ln k of the line ln N = ln k + a·ln C through the law-surface vertices.</param>
/// <param name="A">a of that line.</param>
/// <param name="Budgets">Each budget's law-surface vertex against the law's exact N_opt.</param>
/// <param name="Skipped">Budgets whose law-surface curve gave no minimum.</param>
public sealed record VertexBiasJson(string Method, double LogK, double A, IReadOnlyList<VertexBiasBudgetJson> Budgets, IReadOnlyList<string> Skipped);

/// <summary>One budget's vertex on the law's noise-free losses at its sampled sizes.</summary>
/// <param name="Label">The budget's name.</param>
/// <param name="Compute">C, FLOP.</param>
/// <param name="NVertex">The vertex method's N_opt on the law's losses.</param>
/// <param name="NOpt">The law's exact N_opt along C = 6ND.</param>
/// <param name="RelativeError">NVertex/NOpt − 1.</param>
public sealed record VertexBiasBudgetJson(string Label, double Compute, double NVertex, double NOpt, double RelativeError);

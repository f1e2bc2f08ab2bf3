using ScalingFit.Data;
using ScalingFit.Fitting;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Analysis;

/// <summary>
/// N_opt and D_opt at one budget by Hoffmann et al.'s approach 2 (IsoFLOP minima, N_opt ∝ C^a) and
/// approach 3 (the minimum of a fitted law of N and D along C = 6ND), and whether they agree within
/// their 95% intervals. Approach 2's own interval (the IsoFLOP line's) leaves out the vertex method's
/// bias on a loss that is not symmetric in ln N; <see cref="VertexBias"/> estimates that bias on the
/// approach-3 law at the sizes sampled, and <see cref="WidenedCi95"/> is approach 2's interval widened by it.
/// </summary>
/// <param name="Compute">The budget C, FLOP.</param>
/// <param name="IsoFlop">Approach 2's N_opt with the IsoFLOP line's 95% interval.</param>
/// <param name="Law">Approach 3's N_opt and D_opt with their intervals (NaN bounds without one).</param>
/// <param name="LawName">The law approach 3 minimized.</param>
public sealed record ApproachComparison(double Compute, IsoFlopAllocation IsoFlop, Allocation Law, string LawName)
{
    /// <summary>Two intervals closer than this relative gap are taken to touch (both N_opt are computed to about 1e-4 on exact data).</summary>
    public const double Slack = 1e-3;

    /// <summary>Whether approach 2's interval is the IsoFLOP bootstrap's percentile interval (of whole runs, or rows) rather than the line's t interval.</summary>
    public bool Bootstrapped { get; init; }

    /// <summary>How approach 2 found each budget's N_opt.</summary>
    public IsoFlopVertex Vertex { get; init; } = IsoFlopVertex.Parabola;

    /// <summary>
    /// The vertex method's bias at this budget on the approach-3 law's surface at the sizes sampled,
    /// relative: N_opt by approach 2 on the law's noise-free losses over the law's own N_opt, minus 1 (NaN when not estimated).
    /// </summary>
    public double VertexBias { get; init; } = double.NaN;

    /// <summary>N_opt by approach 2 over N_opt by approach 3.</summary>
    public double Ratio => IsoFlop.ParameterCount / Law.ParameterCount;

    /// <summary>Approach 2's N_opt corrected for the vertex bias: N₂/(1 + bias) (NaN without a bias estimate).</summary>
    public double CorrectedParameterCount => IsoFlop.ParameterCount / (1 + VertexBias);

    /// <summary>The interval of approach 2's D_opt = C/(6·N_opt), from the line's interval of N_opt.</summary>
    public Interval IsoFlopTokensCi95 => Tokens(IsoFlop.ParameterCountCi95);

    /// <summary>
    /// Approach 2's N_opt interval widened by the vertex bias: the union of the line's interval and the same
    /// interval corrected for the bias (divided by 1 + bias); the line's own interval without a bias estimate.
    /// </summary>
    public Interval WidenedCi95
    {
        get
        {
            var ci = IsoFlop.ParameterCountCi95;
            if (!double.IsFinite(VertexBias)) return ci;
            double f = 1 + VertexBias;
            return new Interval(Math.Min(ci.Lower, ci.Lower / f), Math.Max(ci.Upper, ci.Upper / f));
        }
    }

    /// <summary>The widened interval of approach 2's D_opt.</summary>
    public Interval WidenedTokensCi95 => Tokens(WidenedCi95);

    /// <summary>Whether approach 2's interval widened by the bias and approach 3's interval (its N_opt, without one) are disjoint.</summary>
    public bool Disagree => Disjoint(WidenedCi95, LawInterval);

    /// <summary>
    /// Whether the vertex bias alone carries approach 2's N_opt outside its own (line's) interval: that
    /// interval then understates how far approach 2 can be from the law's minimum.
    /// </summary>
    public bool BiasBeyondInterval
    {
        get
        {
            var ci = IsoFlop.ParameterCountCi95;
            double corrected = CorrectedParameterCount;
            return double.IsFinite(corrected) && double.IsFinite(ci.Lower) &&
                   (corrected < ci.Lower / (1 + Slack) || corrected > ci.Upper * (1 + Slack));
        }
    }

    /// <summary>"parabola vertex" or "Akima spline minimum".</summary>
    public string VertexWords => Words(Vertex);

    /// <summary>"parabola vertices" or "Akima spline minima".</summary>
    public string VertexPlural => Vertex == IsoFlopVertex.Akima ? "Akima spline minima" : "parabola vertices";

    /// <summary>The words for a vertex method: "parabola vertex" or "Akima spline minimum".</summary>
    public static string Words(IsoFlopVertex vertex) => vertex == IsoFlopVertex.Akima ? "Akima spline minimum" : "parabola vertex";

    /// <summary>Both answers in one sentence, and what their agreement means.</summary>
    public string Describe()
    {
        string law = double.IsNaN(Law.Ci95.ParameterCount.Lower) ? "" : " " + Span(Law.Ci95.ParameterCount);
        string bias = double.IsFinite(VertexBias)
            ? $"; the {VertexWords}'s bias on the {LawName} law at the sizes sampled is {SignedPercent(VertexBias)}, so with it approach 2's interval is {Span(WidenedCi95)}"
            : $"; approach 2's interval leaves out the {VertexWords}'s bias on a loss that is not symmetric in ln N";
        string verdict = Disagree
            ? $". They disagree beyond their 95% intervals{(double.IsFinite(VertexBias) ? " even with the vertex's bias" : "")}: at least one of the two " +
              "does not describe these runs (the law's form, or the IsoFLOP budgets); trust neither N_opt to better than their ratio."
            : BiasBeyondInterval
                ? $"; they agree once the vertex's bias is counted, which approach 2's own interval leaves out."
                : "; the intervals overlap.";
        return $"at {Significant(Compute, 3)} FLOP approach 2 (IsoFLOP, {VertexPlural}) gives N_opt = {Significant(IsoFlop.ParameterCount, 3)} " +
               $"{Span(IsoFlop.ParameterCountCi95)} and D_opt = {Significant(IsoFlop.TrainingTokens, 3)}; approach 3 ({LawName}) N_opt = " +
               $"{Significant(Law.ParameterCount, 3)}{law} and D_opt = {Significant(Law.TrainingTokens, 3)} (ratio {Significant(Ratio, 3)})" + bias + verdict;
    }

    /// <summary>The comparison at a budget when both analyses answer there; null otherwise. The bias is estimated on the law's surface at the runs' sizes when the runs are given.</summary>
    public static ApproachComparison? At(double compute, IsoFlopResult? isoFlop, ComputeOptimalResult? optimal, VertexBias? bias = null)
    {
        var two = isoFlop?.AllocationAt(compute);
        var three = optimal is null ? null : ReportAnalysis.At(optimal, compute);
        if (two is null || three is null) return null;
        // A bootstrap of whole runs counts what budgets built from the same runs share; the line's t interval does not.
        var resampled = Resampled(isoFlop!, compute);
        if (resampled is { } ci) two = two with { ParameterCountCi95 = ci };
        return new ApproachComparison(compute, two, three, optimal!.Fit.Law)
        {
            Bootstrapped = resampled is not null,
            Vertex = isoFlop!.Vertex,
            VertexBias = bias?.At(compute, three.ParameterCount) ?? double.NaN,
        };
    }

    /// <summary>The bootstrap's percentile interval of N_opt at a budget asked for, when the analysis ran one and it is finite.</summary>
    private static Interval? Resampled(IsoFlopResult isoFlop, double compute)
    {
        if (isoFlop.Bootstrap is not { } boot) return null;
        for (int i = 0; i < isoFlop.Allocations.Count && i < boot.ParameterCounts.Count; i++)
            if (Math.Abs(isoFlop.Allocations[i].Compute / compute - 1) < 1e-9 && double.IsFinite(boot.ParameterCounts[i].Lower) && double.IsFinite(boot.ParameterCounts[i].Upper))
                return boot.ParameterCounts[i];
        return null;
    }

    private Interval LawInterval => double.IsNaN(Law.Ci95.ParameterCount.Lower)
        ? new Interval(Law.ParameterCount, Law.ParameterCount)
        : Law.Ci95.ParameterCount;

    private static bool Disjoint(Interval a, Interval b) =>
        double.IsFinite(a.Lower) && double.IsFinite(b.Lower) &&
        (a.Upper * (1 + Slack) < b.Lower || b.Upper * (1 + Slack) < a.Lower);

    private Interval Tokens(Interval n) =>
        new(Compute / (Derivation.FlopPerParameterToken * n.Upper), Compute / (Derivation.FlopPerParameterToken * n.Lower));

    private static string Span(Interval ci) => $"[{Significant(ci.Lower, 3)}, {Significant(ci.Upper, 3)}]";

    /// <summary>+5.1% or −0.3%.</summary>
    internal static string SignedPercent(double relative) =>
        (relative >= 0 ? "+" : "−") + Significant(Math.Abs(relative) * 100, 2) + "%";
}

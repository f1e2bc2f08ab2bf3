using ScalingFit.Fitting;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Analysis;

/// <summary>
/// N_opt and D_opt at one budget by Hoffmann et al.'s approach 2 (IsoFLOP parabolas, N_opt ∝ C^a)
/// and approach 3 (the minimum of a fitted law of N and D along C = 6ND), and whether they agree
/// within their 95% intervals. The approach-2 interval is the IsoFLOP line's own: it does not include
/// the parabola vertex's bias on a loss that is not symmetric in ln N (on an exact Chinchilla surface
/// the vertex lands several percent off the law's N_opt), so a disagreement may be that bias.
/// </summary>
/// <param name="Compute">The budget C, FLOP.</param>
/// <param name="IsoFlop">Approach 2's N_opt with its interval.</param>
/// <param name="Law">Approach 3's N_opt with its interval (NaN bounds without one).</param>
/// <param name="LawName">The law approach 3 minimized.</param>
public sealed record ApproachComparison(double Compute, IsoFlopAllocation IsoFlop, Allocation Law, string LawName)
{
    /// <summary>N_opt by approach 2 over N_opt by approach 3.</summary>
    public double Ratio => IsoFlop.ParameterCount / Law.ParameterCount;

    /// <summary>Whether the two intervals of N_opt are disjoint (known intervals only).</summary>
    public bool Disagree =>
        double.IsFinite(IsoFlop.ParameterCountCi95.Lower) && !double.IsNaN(Law.Ci95.ParameterCount.Lower) &&
        (IsoFlop.ParameterCountCi95.Upper < Law.Ci95.ParameterCount.Lower || Law.Ci95.ParameterCount.Upper < IsoFlop.ParameterCountCi95.Lower);

    /// <summary>Both answers in one sentence, and a warning when they disagree.</summary>
    public string Describe() =>
        $"at {Significant(Compute, 3)} FLOP approach 2 (IsoFLOP) gives N_opt = {Significant(IsoFlop.ParameterCount, 3)} " +
        $"[{Significant(IsoFlop.ParameterCountCi95.Lower, 3)}, {Significant(IsoFlop.ParameterCountCi95.Upper, 3)}] and D_opt = " +
        $"{Significant(IsoFlop.TrainingTokens, 3)}; approach 3 ({LawName}) N_opt = {Significant(Law.ParameterCount, 3)} " +
        (double.IsNaN(Law.Ci95.ParameterCount.Lower) ? "" : $"[{Significant(Law.Ci95.ParameterCount.Lower, 3)}, {Significant(Law.Ci95.ParameterCount.Upper, 3)}] ") +
        $"and D_opt = {Significant(Law.TrainingTokens, 3)} (ratio {Significant(Ratio, 3)})" +
        (Disagree
            ? ". They disagree beyond their 95% intervals: the IsoFLOP interval leaves out the parabola vertex's own bias (the loss is " +
              "not symmetric in ln N around its minimum), and the law's assumes its form; trust neither N_opt to better than their ratio."
            : "; the intervals overlap (the IsoFLOP interval does not include the parabola vertex's bias on an asymmetric loss).");

    /// <summary>The comparison at a budget when both analyses answer there; null otherwise.</summary>
    public static ApproachComparison? At(double compute, IsoFlopResult? isoFlop, ComputeOptimalResult? optimal)
    {
        var two = isoFlop?.Allocations.FirstOrDefault(a => Math.Abs(a.Compute / compute - 1) < 1e-9);
        var three = optimal is null ? null : ReportAnalysis.At(optimal, compute);
        return two is null || three is null ? null : new ApproachComparison(compute, two, three, optimal!.Fit.Law);
    }
}

using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Analysis;

/// <summary>
/// Approach 2 (IsoFLOP) against approach 3 (a fitted law's frontier) at one or more budgets, with
/// the vertex method's bias estimated on the law (<see cref="VertexBias"/>); or, when the runs do not
/// allow one side, a note saying why. What an IsoFLOP analysis and a compute-optimal allocation add
/// to each other: <see cref="ForIsoFlop"/>, <see cref="ForOptimal"/>, <see cref="Compare"/>.
/// </summary>
/// <param name="Budgets">One comparison per budget, in the order asked; empty with a note.</param>
/// <param name="Bias">The vertex method's bias on the approach-3 law at the sizes sampled; null with a note.</param>
/// <param name="Note">Why there is no comparison (one side could not be computed), in one line; null when there is one.</param>
public sealed record ApproachComparisons(IReadOnlyList<ApproachComparison> Budgets, VertexBias? Bias, string? Note)
{
    /// <summary>The warnings with their stable codes: disagreement beyond the intervals, a bias beyond approach 2's own interval.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics
    {
        get
        {
            var list = new List<Diagnostic>();
            var disagree = Budgets.Where(b => b.Disagree).ToList();
            if (disagree.Count > 0)
            {
                var b = disagree[0];
                list.Add(new(DiagnosticCodes.ApproachesDisagree,
                    $"approaches 2 and 3 disagree beyond their 95% intervals at {Labels(disagree)} FLOP: at {Significant(b.Compute, 3)} N_opt {Significant(b.IsoFlop.ParameterCount, 3)} " +
                    $"by IsoFLOP {Interval(b.WidenedCi95)}{(double.IsFinite(b.VertexBias) ? " (with the vertex bias)" : "")} against " +
                    $"{Significant(b.Law.ParameterCount, 3)} by the {b.LawName} law{(double.IsNaN(b.Law.Ci95.ParameterCount.Lower) ? "" : " " + Interval(b.Law.Ci95.ParameterCount))}" +
                    $" (ratio {Significant(b.Ratio, 3)}); the law's form or the IsoFLOP budgets do not describe these runs, " +
                    "so trust neither N_opt to better than their ratio."));
            }
            var biased = Budgets.Where(b => b.BiasBeyondInterval && !b.Disagree).ToList();
            if (biased.Count > 0)
            {
                var b = biased[0];
                list.Add(new(DiagnosticCodes.VertexBias,
                    $"the IsoFLOP {b.VertexPlural} are biased by {ApproachComparison.SignedPercent(b.VertexBias)} in N_opt at {Significant(b.Compute, 3)} FLOP " +
                    $"on the {b.LawName} law's own surface at the sizes sampled, beyond approach 2's own 95% interval {Interval(b.IsoFlop.ParameterCountCi95)}: " +
                    $"the loss is not symmetric in ln N about its minimum; read approach 2's N_opt with the bias-widened interval {Interval(b.WidenedCi95)}."));
            }
            return list;
        }
    }

    /// <summary>The IsoFLOP analysis with this comparison, its warnings added to the analysis's.</summary>
    public IsoFlopResult AddTo(IsoFlopResult result) =>
        result with { Approaches = this, Warnings = [.. result.Warnings, .. Diagnostic.Messages(Diagnostics)] };

    /// <summary>The allocation with this comparison, its warnings added to the allocation's.</summary>
    public ComputeOptimalResult AddTo(ComputeOptimalResult result) =>
        result with { Approaches = this, Warnings = [.. result.Warnings, .. Diagnostic.Messages(Diagnostics)] };

    /// <summary>No comparison, and why.</summary>
    public static ApproachComparisons Unavailable(string note) => new([], null, note);

    /// <summary>The comparison at the budgets, both analyses given; the bias estimated on the allocation's law at the IsoFLOP budgets' sizes.</summary>
    /// <param name="runs">The runs both analyses were made on.</param>
    /// <param name="isoFlop">Approach 2.</param>
    /// <param name="optimal">Approach 3, with a row for each budget.</param>
    /// <param name="budgets">The budgets C, FLOP.</param>
    public static ApproachComparisons Compare(RunSet runs, IsoFlopResult isoFlop, ComputeOptimalResult optimal, IReadOnlyList<double> budgets)
    {
        if (budgets.Count == 0) return Unavailable("no compute budget was asked for, and the two approaches are compared at budgets.");
        var bias = VertexBias.Estimate(runs, isoFlop, optimal.Frontier);
        var rows = budgets.Select(c => ApproachComparison.At(c, isoFlop, optimal, bias)).OfType<ApproachComparison>().ToList();
        return rows.Count == 0 ? Unavailable("neither approach answers at the budgets asked for.") : new ApproachComparisons(rows, bias, null);
    }

    /// <summary>
    /// Approach 3 for an IsoFLOP analysis: the default law of a compute-optimal allocation (chinchilla) fitted to
    /// the same runs, minimized at the budgets; with no budget, at the largest budget the IsoFLOP analysis used.
    /// </summary>
    public static ApproachComparisons ForIsoFlop(RunSet runs, IsoFlopResult isoFlop, IReadOnlyList<double> budgets, NonlinearFitOptions? fit = null)
    {
        if (budgets.Count == 0) budgets = [isoFlop.Budgets.Where(b => b.Used).Max(b => b.Compute)];
        if (!runs.Has(Quantity.TrainingTokens))
            return Unavailable($"no approach 3: it fits a law of N and D, and {runs.Source} has no training tokens D.");
        try
        {
            var law = LawSpec.Of(ChinchillaLaw.Instance).Fit(runs, fit);
            var optimal = ComputeOptimal.Analyze(law, new ComputeOptimalOptions { Budgets = budgets });
            return Compare(runs, isoFlop, optimal, budgets);
        }
        catch (ScalingFitException e)
        {
            return Unavailable($"no approach 3: the chinchilla law could not be fitted to these runs or has no frontier ({e.Message.TrimEnd('.')}).");
        }
    }

    /// <summary>Approach 2 for a compute-optimal allocation: an IsoFLOP analysis of the same runs, compared at the allocation's budgets.</summary>
    public static ApproachComparisons ForOptimal(RunSet runs, ComputeOptimalResult optimal, IsoFlopOptions? isoFlop = null)
    {
        var budgets = optimal.Allocations.Where(a => a.Given == AllocationGiven.Compute).Select(a => a.Compute).ToList();
        if (budgets.Count == 0) return Unavailable("no approach 2: the two approaches are compared at compute budgets, and none was asked for.");
        if (!runs.Has(Quantity.Compute))
            return Unavailable($"no approach 2: an IsoFLOP analysis groups runs by compute C, and {runs.Source} has none (nor D to derive C = 6ND).");
        try
        {
            return Compare(runs, IsoFlop.Analyze(runs, isoFlop ?? new IsoFlopOptions()), optimal, budgets);
        }
        catch (ScalingFitException e)
        {
            return Unavailable($"no approach 2: {e.Message.TrimEnd('.')}.");
        }
    }

    private static string Labels(IReadOnlyList<ApproachComparison> rows) =>
        rows.Count <= 4 ? string.Join(", ", rows.Select(r => Significant(r.Compute, 3))) : $"{rows.Count} budgets ({Significant(rows[0].Compute, 3)}, …)";

    private static string Interval(Interval ci) => $"[{Significant(ci.Lower, 3)}, {Significant(ci.Upper, 3)}]";
}

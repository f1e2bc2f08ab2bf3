using ScalingFit.Analysis;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Analysis;

/// <summary>
/// Approach 2 against approach 3 on exact, noise-free Chinchilla surfaces sampled at Hoffmann's nine
/// IsoFLOP budgets. The truth is the law's closed form N_opt = G·(C/6)^(β/(α+β)), G = (αA/βB)^(1/(α+β)),
/// written here independently of the library: approach 3 recovers it; the vertex of approach 2 misses it
/// on Hoffmann's asymmetric surface (α ≠ β), and the bias estimated on the fitted law must equal that
/// miss; on a surface symmetric in ln N (α = β) the bias is nil.
/// </summary>
public class ApproachComparisonTests
{
    private static readonly double[] Hoffmann = [1.69, 406.4, 410.7, 0.34, 0.28];
    private static readonly double[] Symmetric = [1.69, 406.4, 410.7, 0.30, 0.30];
    private static readonly StartGrid Near = new([[0, 0.5], [5, 7], [5, 7], [0.25, 0.5], [0.25, 0.5]]);

    private static double ClosedForm(double[] law, double compute)
    {
        double a = law[1], b = law[2], alpha = law[3], beta = law[4];
        return Math.Pow(alpha * a / (beta * b), 1 / (alpha + beta)) * Math.Pow(compute / 6, beta / (alpha + beta));
    }

    private static (ScalingFit.Data.RunSet Runs, IsoFlopResult Iso, ApproachComparisons Comparison) Compare(double[] law, IsoFlopVertex vertex, double compute)
    {
        var runs = SyntheticIsoFlop.Runs(law, SyntheticIsoFlop.HoffmannBudgets, SyntheticIsoFlop.NineSizes);
        var iso = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop", Vertex = vertex });
        var fit = NonlinearFitter.Fit(runs, ChinchillaLaw.Instance, new NonlinearFitOptions { Loss = LossFunction.LeastSquares, Starts = Near });
        var optimal = ComputeOptimal.Analyze(fit, new ComputeOptimalOptions { Budgets = [compute] });
        return (runs, iso, ApproachComparisons.Compare(runs, iso, optimal, [compute]));
    }

    [Theory]
    [InlineData(IsoFlopVertex.Parabola)]
    [InlineData(IsoFlopVertex.Akima)]
    public void ExactChinchillaSurface_EstimatedBiasEqualsTheVertexsActualError_PerBudgetAndAtTheBudget(IsoFlopVertex vertex)
    {
        var (_, iso, comparisons) = Compare(Hoffmann, vertex, 1e24);
        var row = Assert.Single(comparisons.Budgets);
        double truth = ClosedForm(Hoffmann, 1e24);
        Assert.Equal(1, row.Law.ParameterCount / truth, 4);

        // At each budget: the vertex on the fitted law's losses against the vertex on the runs, both against the closed form.
        var bias = comparisons.Bias!;
        Assert.Equal(9, bias.Budgets.Count);
        foreach (var b in bias.Budgets)
        {
            double actual = iso.Budgets.Single(x => x.Label == b.Label).OptimalParameterCount / ClosedForm(Hoffmann, b.Compute) - 1;
            Assert.True(Math.Abs(b.RelativeError - actual) < 2e-4, $"{b.Label}: estimated {b.RelativeError}, actual {actual}");
        }

        // At the compared budget: the IsoFLOP line's N_opt against the closed form.
        double error = row.IsoFlop.ParameterCount / truth - 1;
        // A parabola misses by several percent here; an Akima spline, which follows the asymmetric curve, by a fraction of one.
        Assert.True(vertex == IsoFlopVertex.Akima ? Math.Abs(error) is > 1e-4 and < 0.01 : Math.Abs(error) > 0.01, $"the vertex's error on this surface: {error}");
        Assert.True(Math.Abs(row.VertexBias - error) < 1e-3 * Math.Abs(error) + 2e-4, $"estimated {row.VertexBias}, actual {error}");
        Assert.Equal(1, row.CorrectedParameterCount / truth, 3);
    }

    [Fact]
    public void ExactChinchillaSurface_TheLineIntervalExcludesTheTruth_TheWidenedOneHoldsIt_AndTheVertexBiasWarningSaysSo()
    {
        var (_, _, comparisons) = Compare(Hoffmann, IsoFlopVertex.Parabola, 1e24);
        var row = comparisons.Budgets[0];
        double truth = ClosedForm(Hoffmann, 1e24);
        Assert.False(row.IsoFlop.ParameterCountCi95.Contains(truth));
        Assert.InRange(truth, row.WidenedCi95.Lower * (1 - ApproachComparison.Slack), row.WidenedCi95.Upper * (1 + ApproachComparison.Slack));
        Assert.True(row.BiasBeyondInterval);
        Assert.False(row.Disagree);
        var warning = Assert.Single(comparisons.Diagnostics);
        Assert.Equal(DiagnosticCodes.VertexBias, warning.Code);
        Assert.Contains("parabola vertices are biased by +", warning.Message);
        Assert.Contains("agree once the vertex's bias is counted", row.Describe());
    }

    [Theory]
    [InlineData(IsoFlopVertex.Parabola)]
    [InlineData(IsoFlopVertex.Akima)]
    public void SymmetricSurface_NoBias_NoWarning(IsoFlopVertex vertex)
    {
        var (_, iso, comparisons) = Compare(Symmetric, vertex, 1e24);
        var row = Assert.Single(comparisons.Budgets);
        Assert.True(Math.Abs(row.VertexBias) < 1e-6, $"bias {row.VertexBias}");
        Assert.All(comparisons.Bias!.Budgets, b => Assert.True(Math.Abs(b.RelativeError) < 1e-6, $"{b.Label}: {b.RelativeError}"));
        Assert.Equal(1, row.IsoFlop.ParameterCount / ClosedForm(Symmetric, 1e24), 5);
        Assert.False(row.BiasBeyondInterval);
        Assert.Empty(comparisons.Diagnostics);
        Assert.Contains("intervals overlap", row.Describe());
        Assert.Equal(vertex, iso.Vertex);
    }

    [Fact]
    public void NoisyRuns_IntervalsOverlap_NoDisagreement()
    {
        var runs = SyntheticIsoFlop.Runs(Hoffmann, SyntheticIsoFlop.HoffmannBudgets, SyntheticIsoFlop.NineSizes, noise: 0.01, seed: 4);
        var iso = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop" });
        var fit = NonlinearFitter.Fit(runs, ChinchillaLaw.Instance, new NonlinearFitOptions { Starts = Near });
        var comparisons = ApproachComparisons.Compare(runs, iso, ComputeOptimal.Analyze(fit, new ComputeOptimalOptions { Budgets = [1e22] }), [1e22]);
        Assert.False(comparisons.Budgets[0].Disagree, comparisons.Budgets[0].Describe());
        Assert.DoesNotContain(comparisons.Diagnostics, d => d.Code == DiagnosticCodes.ApproachesDisagree);
    }

    [Fact]
    public void DisjointIntervals_Disagree_WithTheCodeAndBothNumbers()
    {
        // Approach 2 at 1e10 [0.9e10, 1.1e10], approach 3 at 2e10 [1.8e10, 2.2e10]: disjoint even when a +5% bias widens approach 2 to [0.857e10, 1.1e10].
        var two = new IsoFlopAllocation(1e22, 1e10, new Interval(0.9e10, 1.1e10), 1e22 / 6e10);
        var unknown = AllocationIntervals.Unknown;
        var three = new Allocation(AllocationGiven.Compute, 1e22, 2e10, 1e22 / 12e10, 2.0,
            new AllocationIntervals(unknown, new Interval(1.8e10, 2.2e10), new Interval(1e22 / 13.2e10, 1e22 / 10.8e10), unknown, unknown));
        var row = new ApproachComparison(1e22, two, three, "chinchilla") { VertexBias = 0.05 };
        Assert.True(row.Disagree);
        Assert.Equal(0.9e10 / 1.05, row.WidenedCi95.Lower, 1e-6 * 1e10);
        Assert.Equal(1.1e10, row.WidenedCi95.Upper, 1e-6 * 1e10);
        var comparisons = new ApproachComparisons([row], null, null);
        var warning = Assert.Single(comparisons.Diagnostics);
        Assert.Equal(DiagnosticCodes.ApproachesDisagree, warning.Code);
        Assert.Contains("2e10", warning.Message, StringComparison.Ordinal);
        Assert.Contains("ratio 0.5", warning.Message, StringComparison.Ordinal);
        Assert.Contains("[1.8e10, 2.2e10]", warning.Message, StringComparison.Ordinal);

        // A −50% bias widens approach 2 up to 2.2e10, which reaches approach 3: no disagreement.
        Assert.False((row with { VertexBias = -0.5 }).Disagree);
    }
}

using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Laws.Formulas;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Analysis;

/// <summary>The compute-optimal frontier of any law of N and D, found numerically, against the closed forms.</summary>
public class NumericFrontierTests
{
    private static readonly double[] Hoffmann = [1.69, 406.4, 410.7, 0.34, 0.28];

    [Theory]
    [InlineData(1e18), InlineData(5.76e23), InlineData(1e26), InlineData(1e30)]
    public void Numeric_Chinchilla_AgreesWithHoffmannsClosedFormTo1e10(double compute)
    {
        // N_opt = G·(C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β)) (Hoffmann et al. 2022, Eq. 4), written here independently.
        double g = Math.Pow(0.34 * 406.4 / (0.28 * 410.7), 1 / 0.62);
        double expected = g * Math.Pow(compute / 6, 0.28 / 0.62);
        var numeric = ComputeFrontier.Numeric(ChinchillaLaw.Instance, Hoffmann);
        Assert.False(numeric.IsClosedForm);
        Assert.Equal(expected, numeric.OptimalParameters(compute), expected * 1e-10);
        Assert.Equal(0.28 / 0.62, numeric.ExponentAt(compute), 1e-6);
    }

    [Fact]
    public void Numeric_KaplanNd_AgreesWithItsClosedForm()
    {
        double[] kaplan = [6.4e13, 1.8e13, 0.076, 0.103];
        var closed = ComputeFrontier.Of(KaplanNdLaw.Instance, kaplan);
        var numeric = ComputeFrontier.Numeric(KaplanNdLaw.Instance, kaplan);
        foreach (double c in new[] { 1e19, 1e22, 1e25 })
            Assert.Equal(closed.OptimalParameters(c), numeric.OptimalParameters(c), closed.OptimalParameters(c) * 1e-10);
    }

    [Fact]
    public void Numeric_FormulaWithoutInputGradient_IsStillClose()
    {
        // A formula law differentiates itself in its inputs too; the built-in law's numeric frontier uses its exact input gradient.
        var law = FormulaLaw.Create("E + A/N^alpha + B/D^beta", []);
        var p = new[] { 1.69, 406.4, 0.34, 410.7, 0.28 };
        var formula = ComputeFrontier.Of(law, p);
        var closed = ComputeFrontier.Of(ChinchillaLaw.Instance, Hoffmann);
        foreach (double c in new[] { 1e19, 5.76e23, 1e27 })
        {
            Assert.Equal(closed.OptimalParameters(c), formula.OptimalParameters(c), closed.OptimalParameters(c) * 1e-10);
            Assert.Equal(closed.OptimalLoss(c), formula.OptimalLoss(c), 1e-12);
        }
        Assert.Equal(closed.ComputeWhereOptimal(7e10), formula.ComputeWhereOptimal(7e10), closed.ComputeWhereOptimal(7e10) * 1e-8);
        Assert.Equal(closed.ComputeForLoss(2.0), formula.ComputeForLoss(2.0), closed.ComputeForLoss(2.0) * 1e-8);
    }

    [Fact]
    public void Numeric_LawWithoutAnInteriorMinimum_SaysWhichWayTheLossKeepsFalling()
    {
        // k·N^a·D^b along C = 6ND is a power of N alone: no minimum inside.
        var joint = LawRegistry.Create("joint");
        var e = Assert.Throws<FitException>(() => ComputeFrontier.Of(joint, [30.0, -0.07, -0.05]));
        Assert.Contains("keeps falling as N grows", e.Message);
    }

    [Fact]
    public void Optimal_FormulaLawFit_MatchesTheBuiltInAllocation()
    {
        var runs = Synthetic.Runs((n, d) => 1.8 + 480 / Math.Pow(n, 0.35) + 2100 / Math.Pow(d, 0.37), sizes: 8, tokenCounts: 5, noise: 0.005, seed: 3);
        var options = new ComputeOptimalOptions { Budgets = [1e20, 5.76e23] };
        var builtIn = ComputeOptimal.Analyze(NonlinearFitter.Fit(runs, ChinchillaLaw.Instance), options);
        var formula = ComputeOptimal.Analyze(NonlinearFitter.Fit(runs, FormulaLaw.Create("E + A/N^alpha + B/D^beta", runs.TextColumnNames)), options);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(builtIn.Allocations[i].ParameterCount, formula.Allocations[i].ParameterCount, builtIn.Allocations[i].ParameterCount * 1e-4);
            // Delta-method intervals from the same covariance.
            Assert.Equal(builtIn.Allocations[i].Ci95.ParameterCount.Upper, formula.Allocations[i].Ci95.ParameterCount.Upper,
                builtIn.Allocations[i].Ci95.ParameterCount.Upper * 1e-3);
        }
        // The exponent of a numeric frontier is its local slope; for this law it is the constant β/(α+β).
        Assert.Equal(builtIn.ParameterExponent.Value, formula.ParameterExponent.Value, 1e-5);
        Assert.Contains("numerically", formula.Formula);
    }

    [Fact]
    public void Tradeoff_FormulaLaw_UsesItsComputeOptimalTokens()
    {
        var runs = Synthetic.Runs((n, d) => 1.8 + 480 / Math.Pow(n, 0.35) + 2100 / Math.Pow(d, 0.37), sizes: 8, tokenCounts: 5, noise: 0.005, seed: 3);
        var fit = NonlinearFitter.Fit(runs, FormulaLaw.Create("E + A/N^alpha + B/D^beta", runs.TextColumnNames));
        var result = Tradeoff.Analyze(fit, Ladder.Geometric(1e8, 1e9));
        var frontier = ComputeFrontier.Of(fit);
        Assert.All(result.Rows, r => Assert.Equal(frontier.ComputeWhereOptimal(r.ParameterCount), r.Compute, r.Compute * 1e-6));
        Assert.StartsWith("compute-optimal", result.TokenRule);
    }
}

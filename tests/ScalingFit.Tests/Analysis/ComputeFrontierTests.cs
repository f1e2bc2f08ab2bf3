using ScalingFit.Analysis;
using ScalingFit.Laws;

namespace ScalingFit.Tests.Analysis;

public class ComputeFrontierTests
{
    // Hoffmann et al. 2022, approach 3, rounded as published: E, A, B, α, β.
    private static readonly double[] Hoffmann = [1.69, 406.4, 410.7, 0.34, 0.28];

    private static double HoffmannLoss(double n, double d) => 1.69 + 406.4 / Math.Pow(n, 0.34) + 410.7 / Math.Pow(d, 0.28);

    [Fact]
    public void Of_HoffmannConstants_GivesThePublishedExponentAndCoefficient()
    {
        // From the formulas, not from the code: a = β/(α+β), b = α/(α+β), G = (αA/(βB))^(1/(α+β)).
        double a = 0.28 / (0.34 + 0.28), b = 0.34 / (0.34 + 0.28);
        double g = Math.Pow(0.34 * 406.4 / (0.28 * 410.7), 1 / (0.34 + 0.28));
        Assert.Equal(0.4516, a, 4);
        Assert.Equal(1.345, g, 3);

        var frontier = ComputeFrontier.Of(ChinchillaLaw.Instance, Hoffmann);
        Assert.Equal(a, frontier.ParameterExponent, 12);
        Assert.Equal(b, frontier.TokenExponent, 12);
        Assert.Equal(g, frontier.Coefficient, 12);
        Assert.Equal(1.69, frontier.LossFloor);
    }

    [Theory]
    [InlineData(1e18), InlineData(5.76e23), InlineData(1e26)]
    public void OptimalParameters_Hoffmann_MinimizesTheLawAlongTheComputeConstraint(double compute)
    {
        var frontier = ComputeFrontier.Of(ChinchillaLaw.Instance, Hoffmann);
        double expected = BruteForceMinimum(n => HoffmannLoss(n, compute / (6 * n)), compute);
        Assert.Equal(1, frontier.OptimalParameters(compute) / expected, 6);
        Assert.Equal(compute / (6 * expected), frontier.OptimalTokens(compute), compute / (6 * expected) * 1e-5);
        Assert.Equal(HoffmannLoss(expected, compute / (6 * expected)), frontier.OptimalLoss(compute), 10);

        // D_opt = G⁻¹·(C/6)^b, the second closed form.
        double g = Math.Pow(0.34 * 406.4 / (0.28 * 410.7), 1 / 0.62);
        Assert.Equal(1, frontier.OptimalTokens(compute) / (Math.Pow(compute / 6, 0.34 / 0.62) / g), 12);
    }

    [Fact]
    public void OptimalParameters_ChinchillaBudget_IsAbout32BillionUnderApproach3()
    {
        // Approach 3's constants put the optimum for Chinchilla's own 5.76e23 FLOP well below its 70B:
        // N_opt = 1.345·(9.6e22)^0.4516 computed here from the formula.
        double g = Math.Pow(0.34 * 406.4 / (0.28 * 410.7), 1 / 0.62);
        double expected = g * Math.Pow(5.76e23 / 6, 0.28 / 0.62);
        var frontier = ComputeFrontier.Of(ChinchillaLaw.Instance, Hoffmann);
        Assert.Equal(expected, frontier.OptimalParameters(5.76e23), expected * 1e-12);
        Assert.InRange(expected, 3.0e10, 3.4e10);
    }

    [Fact]
    public void ComputeWhereOptimal_InvertsOptimalParameters()
    {
        var frontier = ComputeFrontier.Of(ChinchillaLaw.Instance, Hoffmann);
        foreach (double n in new[] { 1e8, 7e10, 1e12 })
            Assert.Equal(1, frontier.OptimalParameters(frontier.ComputeWhereOptimal(n)) / n, 12);
    }

    [Fact]
    public void ComputeForLoss_MatchesTheClosedForm()
    {
        // On the frontier αA/N^α = βB/D^β, so L − E = (1 + α/β)·A/N^α: N = (A(1 + α/β)/(L − E))^(1/α), C = 6(N/G)^(1/a).
        var frontier = ComputeFrontier.Of(ChinchillaLaw.Instance, Hoffmann);
        double target = 2.0;
        double n = Math.Pow(406.4 * (1 + 0.34 / 0.28) / (target - 1.69), 1 / 0.34);
        double g = Math.Pow(0.34 * 406.4 / (0.28 * 410.7), 1 / 0.62);
        double c = 6 * Math.Pow(n / g, 0.62 / 0.28);
        Assert.Equal(1, frontier.ComputeForLoss(target) / c, 9);
        Assert.True(double.IsNaN(frontier.ComputeForLoss(1.69)));
        Assert.True(double.IsNaN(frontier.ComputeForLoss(1.5)));
    }

    [Fact]
    public void Of_KaplanLaw_MinimizesEquation15AlongTheComputeConstraint()
    {
        // Kaplan et al. 2020's fit of Eq. 1.5: N_c = 6.4e13, D_c = 1.8e13, α_N = 0.076, α_D = 0.103.
        double[] kaplan = [6.4e13, 1.8e13, 0.076, 0.103];
        var frontier = ComputeFrontier.Of(KaplanNdLaw.Instance, kaplan);
        Assert.Equal(0.103 / (0.076 + 0.103), frontier.ParameterExponent, 12);
        Assert.Equal(0.0, frontier.LossFloor);
        foreach (double c in new[] { 1e19, 1e23 })
        {
            double expected = BruteForceMinimum(n => KaplanNdLaw.Instance.Value(kaplan, [n, c / (6 * n)]), c);
            Assert.Equal(1, frontier.OptimalParameters(c) / expected, 6);
        }
    }

    [Theory]
    [InlineData(0.34, 0.0), InlineData(-0.1, 0.28)]
    public void Of_NonPositiveExponent_RefusesWithTheReason(double alpha, double beta)
    {
        var e = Assert.Throws<FitException>(() => ComputeFrontier.Of(ChinchillaLaw.Instance, [1.69, 406.4, 410.7, alpha, beta]));
        Assert.Contains("positive", e.Message);
    }

    /// <summary>The N minimizing f by a grid in ln N over 12 decades below and above √(C/6), refined by golden sections.</summary>
    private static double BruteForceMinimum(Func<double, double> loss, double compute)
    {
        double center = 0.5 * Math.Log(compute / 6), lo = center - 28, hi = center + 28;
        int best = 0;
        const int steps = 20_000;
        double bestValue = double.PositiveInfinity;
        for (int i = 0; i <= steps; i++)
        {
            double v = loss(Math.Exp(lo + (hi - lo) * i / steps));
            if (v < bestValue) (best, bestValue) = (i, v);
        }
        double a = lo + (hi - lo) * (best - 1) / steps, b = lo + (hi - lo) * (best + 1) / steps;
        double r = (Math.Sqrt(5) - 1) / 2;
        for (int k = 0; k < 200; k++)
        {
            double x1 = b - r * (b - a), x2 = a + r * (b - a);
            if (loss(Math.Exp(x1)) < loss(Math.Exp(x2))) b = x2;
            else a = x1;
        }
        return Math.Exp(0.5 * (a + b));
    }
}

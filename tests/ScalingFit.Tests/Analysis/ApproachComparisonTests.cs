using ScalingFit.Analysis;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Analysis;

/// <summary>
/// Approach 2 against approach 3 on an exact, noise-free Chinchilla surface (Hoffmann et al.'s
/// constants) sampled at Hoffmann's nine IsoFLOP budgets: the law's own N_opt = G·(C/6)^(β/(α+β)) is
/// the truth, which approach 3 recovers; the parabola's vertex is biased because the loss is not
/// symmetric in ln N, and its interval (zero width on exact data) excludes the truth.
/// </summary>
public class ApproachComparisonTests
{
    private static readonly double[] Hoffmann = [1.69, 406.4, 410.7, 0.34, 0.28];
    private static readonly StartGrid Near = new([[0, 0.5], [5, 7], [5, 7], [0.3, 0.5], [0.3, 0.5]]);

    [Fact]
    public void ExactChinchillaSurface_Approach3IsExact_Approach2IsBiased_AndTheyAreSaidToDisagree()
    {
        var runs = SyntheticIsoFlop.Runs(Hoffmann, SyntheticIsoFlop.HoffmannBudgets, SyntheticIsoFlop.NineSizes);
        double truth = Math.Pow(0.34 * 406.4 / (0.28 * 410.7), 1 / 0.62) * Math.Pow(1e24 / 6, 0.28 / 0.62);
        var iso = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop", Budgets = [1e24] });
        var fit = NonlinearFitter.Fit(runs, ChinchillaLaw.Instance, new NonlinearFitOptions { Loss = LossFunction.LeastSquares, Starts = Near });
        var optimal = ComputeOptimal.Analyze(fit, new ComputeOptimalOptions { Budgets = [1e24] });
        var comparison = ApproachComparison.At(1e24, iso, optimal)!;
        Assert.Equal(1, comparison.Law.ParameterCount / truth, 4);
        Assert.True(Math.Abs(comparison.IsoFlop.ParameterCount / truth - 1) > 0.01, $"approach 2: {comparison.IsoFlop.ParameterCount / truth}");
        Assert.False(comparison.IsoFlop.ParameterCountCi95.Contains(truth));
        Assert.True(comparison.Disagree);
        Assert.Contains("disagree beyond their 95% intervals", comparison.Describe());
    }

    [Fact]
    public void NoisyRuns_IntervalsOverlap_NoDisagreement()
    {
        var runs = SyntheticIsoFlop.Runs(Hoffmann, SyntheticIsoFlop.HoffmannBudgets, SyntheticIsoFlop.NineSizes, noise: 0.01, seed: 4);
        var iso = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop", Budgets = [1e22] });
        var fit = NonlinearFitter.Fit(runs, ChinchillaLaw.Instance, new NonlinearFitOptions { Starts = Near });
        var comparison = ApproachComparison.At(1e22, iso, ComputeOptimal.Analyze(fit, new ComputeOptimalOptions { Budgets = [1e22] }))!;
        Assert.False(comparison.Disagree, comparison.Describe());
        Assert.Contains("overlap", comparison.Describe());
    }
}

using ScalingFit.Analysis;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Tests.Support;
using ScalingFit.Uncertainty;

namespace ScalingFit.Tests.Analysis;

/// <summary>
/// A target loss near the irreducible loss E: the chinchilla frontier reaches a loss l exactly when
/// l &gt; E (closed form: the optimal loss falls to E as C grows), so the resamples that can never reach
/// it are those whose own E is at or above it, counted here straight from the resamples' parameters.
/// </summary>
public class TargetOutOfReachTests
{
    private static readonly double[] Hoffmann = [1.69, 406.4, 410.7, 0.34, 0.28];
    private static readonly StartGrid Near = new([[0, 0.5], [5, 7], [5, 7], [0.3, 0.5], [0.3, 0.5]]);

    private static readonly Lazy<FitResult> NoisyFit = new(() => NonlinearFitter.Fit(
        Synthetic.Runs((n, d) => ChinchillaLaw.Instance.Value(Hoffmann, [n, d]), sizes: 6, tokenCounts: 6, noise: 0.03, seed: 11),
        ChinchillaLaw.Instance,
        new NonlinearFitOptions { Starts = Near, Bootstrap = new BootstrapOptions(200, Seed: 5) }));

    [Fact]
    public void TargetInsideTheUncertaintyOfE_CountsTheResamplesThatCannotReachIt_AndLeavesTheUpperEndUnbounded()
    {
        var fit = NoisyFit.Value;
        double e = fit.NaturalParameters[0];
        // Just above the fitted E, inside the spread of the resamples' E.
        double target = e + 0.2 * Percentiles.StandardDeviation(fit.ParameterSamples.Select(p => p[0]).ToList());
        int expected = fit.ParameterSamples.Count(p => p[0] >= target);
        Assert.True(expected > 0.025 * fit.ParameterSamples.Count, $"the case needs more than 2.5% of resamples out of reach, got {expected}");

        var result = ComputeOptimal.Analyze(fit, new ComputeOptimalOptions { TargetLosses = [target] });
        var allocation = result.Allocations.Single();
        Assert.Equal(expected, allocation.UnreachableResamples);
        Assert.True(double.IsPositiveInfinity(allocation.Ci95.Compute.Upper));
        Assert.True(double.IsPositiveInfinity(allocation.Ci95.ParameterCount.Upper));
        Assert.True(double.IsPositiveInfinity(allocation.Ci95.TrainingTokens.Upper));
        Assert.True(double.IsFinite(allocation.Ci95.Compute.Lower) && allocation.Ci95.Compute.Lower < allocation.Compute);
        Assert.Contains(result.Warnings, w => w.Contains($"{expected} of {fit.ParameterSamples.Count} bootstrap resamples") && w.Contains("unbounded"));
    }

    [Fact]
    public void TargetWellAboveE_EveryResampleReachesIt_AndTheIntervalIsThePercentilesOfTheirBudgets()
    {
        var fit = NoisyFit.Value;
        var result = ComputeOptimal.Analyze(fit, new ComputeOptimalOptions { TargetLosses = [2.6] });
        var allocation = result.Allocations.Single();
        Assert.Equal(0, allocation.UnreachableResamples);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("can never reach"));
        // Independently: each resample's own closed-form frontier, solved for the budget by bisection here.
        var budgets = fit.ParameterSamples.Select(p => BudgetFor(p, 2.6)).ToList();
        var expected = Percentiles.Interval95(budgets);
        Assert.Equal(1, allocation.Ci95.Compute.Lower / expected.Lower, 6);
        Assert.Equal(1, allocation.Ci95.Compute.Upper / expected.Upper, 6);
    }

    [Fact]
    public void Interval95_WithInfiniteValues_FollowsTypeSevenQuantiles()
    {
        // 39 finite values 1..39 and one +∞: numpy.quantile([1..39, inf], 0.975) = inf (the 97.5% point lies between the
        // 39th and 40th order statistics), 0.025 → 1.975.
        var interval = TargetPercentiles.Interval95(Enumerable.Range(1, 39).Select(i => (double)i), 1);
        Assert.Equal(1.975, interval.Lower, 12);
        Assert.True(double.IsPositiveInfinity(interval.Upper));
        // 79 finite and one +∞ out of 80: h = 79·0.975 = 77.025 falls between two finite order statistics 78 and 79.
        var finite = TargetPercentiles.Interval95(Enumerable.Range(1, 79).Select(i => (double)i), 1);
        Assert.Equal(78.025, finite.Upper, 9);
    }

    /// <summary>The C at which E + A/N^α + B/D^β along N_opt = G(C/6)^a first reaches the target, by bisection in ln C.</summary>
    private static double BudgetFor(double[] p, double target)
    {
        double Loss(double c)
        {
            double a = p[4] / (p[3] + p[4]), g = Math.Pow(p[3] * p[1] / (p[4] * p[2]), 1 / (p[3] + p[4]));
            double n = g * Math.Pow(c / 6, a), d = c / (6 * n);
            return p[0] + p[1] / Math.Pow(n, p[3]) + p[2] / Math.Pow(d, p[4]);
        }
        double lo = Math.Log(1e-3), hi = Math.Log(1e60);
        for (int i = 0; i < 300; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Loss(Math.Exp(mid)) <= target) hi = mid; else lo = mid;
        }
        return Math.Exp(0.5 * (lo + hi));
    }
}

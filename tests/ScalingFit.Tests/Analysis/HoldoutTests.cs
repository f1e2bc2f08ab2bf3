using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Tests.Support;
using ScalingFit.Uncertainty;

namespace ScalingFit.Tests.Analysis;

public class HoldoutTests
{
    // Twelve sizes 1e7 … 1e10, one run each (D grows with N; no C column, so C = 6ND is derived).
    private static RunSet Runs => Synthetic.Runs((n, _) => 4 * Math.Pow(n, -0.05), sizes: 12);

    [Fact]
    public void Largest_BySize_HoldsOutTheLargestFractionOfN()
    {
        var split = Holdout.Largest(Quantity.ParameterCount, 0.25).Split(Runs);
        Assert.Equal(3, split.HeldOut.Count);
        Assert.Equal(9, split.Training.Count);
        double smallestHeld = Enumerable.Range(0, 3).Min(i => split.HeldOut.Value(Quantity.ParameterCount, i));
        Assert.Equal(1e10 / Math.Pow(10, 3.0 * 2 / 11), smallestHeld, 1e-3 * smallestHeld);
        Assert.StartsWith("the largest 25.0% of runs by size (N ≥ ", split.Description);
    }

    [Fact]
    public void LargestCompute_IsLargestByC() =>
        Assert.Equal(Holdout.Largest(Quantity.Compute, 0.2).Split(Runs).Description, Holdout.LargestCompute(0.2).Split(Runs).Description);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void Largest_FractionOutsideZeroToOne_OptionException(double fraction) =>
        Assert.Throws<OptionException>(() => Holdout.Largest(Quantity.ParameterCount, fraction));

    [Fact]
    public void Largest_ByLoss_OptionException() =>
        Assert.Throws<OptionException>(() => Holdout.Largest(Quantity.Loss, 0.2));

    [Fact]
    public void Compare_WithSplitAndOptions_BacktestsWithoutTheBootstrapAndReportsEachLawAsItStarts()
    {
        var runs = Synthetic.Runs((n, _) => 1.8 + 400 * Math.Pow(n, -0.3), sizes: 16, noise: 0.004, seed: 5);
        var split = Holdout.LargestCompute(0.25).Split(runs);
        var started = new List<string>();
        var laws = new[] { LawSpec.Create("power", null), LawSpec.Create("saturating", null) };
        var result = LawComparison.Compare(runs, split, laws, new ComparisonOptions
        {
            Fit = new NonlinearFitOptions { Bootstrap = new BootstrapOptions(20, 3) },
            Backtest = new NonlinearFitOptions(),
            Starting = law => started.Add(law.Law.Name),
        });
        Assert.Equal(["power", "saturating"], started);
        var saturating = result.Scores.Single(s => s.Spec.Law.Name == "saturating");
        Assert.Equal(20, saturating.Fit!.Bootstrap!.Resamples);
        Assert.Null(saturating.Backtest!.Fit.Bootstrap);
        Assert.Equal(split.HeldOut.Count, result.HeldOutRuns);
        // The same split and laws through the older overload give the same ranking and errors.
        var plain = LawComparison.Compare(runs, Holdout.LargestCompute(0.25), laws);
        Assert.Equal(plain.Scores.Select(s => s.Backtest!.MeanAbsoluteRelativeError), result.Scores.Select(s => s.Backtest!.MeanAbsoluteRelativeError));
    }
}

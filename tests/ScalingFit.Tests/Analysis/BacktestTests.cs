using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Analysis;

public class BacktestTests
{
    // L = 1.8 + 400·N^−0.3: flattens toward E = 1.8, which a pure power law cannot follow.
    private static RunSet SaturatingRuns(int seed = 5) =>
        Synthetic.Runs((n, _) => 1.8 + 400 * Math.Pow(n, -0.3), sizes: 16, noise: 0.004, seed: seed);

    private static RunSet SizesOnly()
    {
        var runs = SaturatingRuns();
        var csv = "N,loss\n" + string.Concat(Enumerable.Range(0, runs.Count).Select(i =>
            FormattableString.Invariant($"{runs.Value(Quantity.ParameterCount, i):R},{runs.Value(Quantity.Loss, i):R}\n")));
        return RunPreparation.Prepare(CsvRunReader.Parse(csv, "sizes.csv"), RunSelection.None);
    }

    private static readonly LawSpec Power = LawSpec.Create("power", [Quantity.ParameterCount]);
    private static readonly LawSpec Saturating = LawSpec.Create("saturating", [Quantity.ParameterCount]);

    [Fact]
    public void Run_SaturatingData_SaturatingLawExtrapolatesBetterThanThePowerLaw()
    {
        var runs = SaturatingRuns();
        var holdout = Holdout.Above(Quantity.ParameterCount, 1e9);
        var power = Backtest.Run(runs, Power, holdout);
        var saturating = Backtest.Run(runs, Saturating, holdout);
        Assert.True(saturating.MeanAbsoluteRelativeError < power.MeanAbsoluteRelativeError,
            $"saturating {saturating.MeanAbsoluteRelativeError}, power {power.MeanAbsoluteRelativeError}");
        Assert.True(saturating.MeanAbsoluteRelativeError < 0.01);
        // The power law bends too steeply past the data: it predicts too low a loss.
        Assert.True(power.MeanRelativeError < 0);
        Assert.Contains(power.Warnings, w => w.Contains("underpredicts"));
    }

    [Fact]
    public void Compare_SaturatingData_RanksTheSaturatingLawFirst()
    {
        var result = LawComparison.Compare(SaturatingRuns(), Holdout.LargestCompute(0.25), [Power, Saturating]);
        Assert.Equal(["saturating", "power"], result.Scores.Select(s => s.Spec.Law.Name));
        Assert.Equal([1, 2], result.Scores.Select(s => s.Rank));
        Assert.True(result.Scores[0].Criteria!.Aic < result.Scores[1].Criteria!.Aic);
        Assert.Equal(3, result.Scores[0].Criteria!.Parameters);
        Assert.Equal(2, result.Scores[1].Criteria!.Parameters);
    }

    [Fact]
    public void Run_PerRunErrors_AreRelativeToTheActualLoss()
    {
        var runs = SaturatingRuns();
        var result = Backtest.Run(runs, Power, Holdout.Above(Quantity.ParameterCount, 1e9));
        var fit = LogLogRegression.Power(runs.Subset(
            Enumerable.Range(0, runs.Count).Where(i => runs.Value(Quantity.ParameterCount, i) <= 1e9).ToList(), null), Quantity.ParameterCount);
        Assert.Equal(fit["alpha"].Value, result.Fit["alpha"].Value, 12);
        foreach (var p in result.Predictions)
        {
            double predicted = Math.Pow(fit["scale"].Value / p.At[Quantity.ParameterCount], fit["alpha"].Value);
            Assert.Equal(predicted, p.Predicted, 10);
            Assert.Equal((predicted - p.Actual) / p.Actual, p.RelativeError, 10);
            Assert.Equal(p.Interval.Contains(p.Actual), p.Inside);
        }
        Assert.Equal(result.Predictions.Average(p => Math.Abs(p.RelativeError)), result.MeanAbsoluteRelativeError, 12);
        Assert.Equal(result.Predictions.Count(p => p.Inside), result.Inside);
    }

    [Fact]
    public void Split_Fraction_HoldsOutTheLargestComputeAndKeepsABudgetTogether()
    {
        // Runs at budgets 1e19 (4 runs), 1e20 (4) and 1e21 (4): 20% of 12 is 3 runs, but the whole 1e21 budget goes.
        var csv = "N,C,loss\n" + string.Concat(new[] { 1e19, 1e20, 1e21 }.SelectMany(c =>
            Enumerable.Range(1, 4).Select(k => FormattableString.Invariant($"{1e8 * k},{c},{3.0 - Math.Log10(c) / 20 + k / 100.0}\n"))));
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(csv, "budgets.csv"), RunSelection.None);
        var split = Holdout.LargestCompute(0.2).Split(runs);
        Assert.Equal(4, split.HeldOut.Count);
        Assert.All(split.HeldOutRows, i => Assert.Equal(1e21, runs.Value(Quantity.Compute, i)));
        Assert.Equal(8, split.Training.Count);
    }

    [Fact]
    public void Split_NothingAboveTheThreshold_SaysTheHeldOutSetIsEmpty()
    {
        var e = Assert.Throws<FitException>(() => Holdout.Above(Quantity.ParameterCount, 1e12).Split(SaturatingRuns()));
        Assert.Contains("held-out set is empty", e.Message);
        Assert.Contains("largest N", e.Message);
    }

    [Fact]
    public void Split_EverythingAboveTheThreshold_SaysNothingIsLeftToFit()
    {
        var e = Assert.Throws<FitException>(() => Holdout.Above(Quantity.ParameterCount, 1).Split(SaturatingRuns()));
        Assert.Contains("nothing is left to fit", e.Message);
    }

    [Fact]
    public void Compare_LawThatCannotBeFitted_IsReportedAndRankedLast()
    {
        // Runs with N only: chinchilla cannot be fitted, and says why.
        var result = LawComparison.Compare(SizesOnly(), Holdout.Above(Quantity.ParameterCount, 1e9), [LawSpec.Create("chinchilla", null), Power]);
        Assert.Equal("power", result.Scores[0].Spec.Law.Name);
        Assert.NotNull(result.Scores[1].Error);
        Assert.Contains(result.Warnings, w => w.StartsWith("chinchilla could not be compared", StringComparison.Ordinal));
    }

    [Fact]
    public void ApplicableLaws_RunsWithNAndD_IncludeTheTwoInputLaws()
    {
        var runs = Synthetic.Runs((n, d) => 2 + 400 / Math.Pow(n, 0.34) + 400 / Math.Pow(d, 0.28), sizes: 4, tokenCounts: 4);
        Assert.Equal(["power", "saturating", "joint", "kaplan-nd", "chinchilla"], LawComparison.ApplicableLaws(runs).Select(l => l.Law.Name));
        Assert.Equal(["power", "saturating"], LawComparison.ApplicableLaws(SizesOnly()).Select(l => l.Law.Name));
    }
}

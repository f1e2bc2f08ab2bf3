using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Analysis;

public class NoLawExtrapolatesTests
{
    private static readonly LawSpec Power = LawSpec.Create("power", [Quantity.ParameterCount]);
    private static readonly LawSpec Saturating = LawSpec.Create("saturating", [Quantity.ParameterCount]);

    [Fact]
    public void EveryLawMissesTheHeldOutRunsByMoreThanTenPercent_NoLawIsNamedBest()
    {
        // A break: the loss halves past 1e9 parameters, which no law fitted below it can foresee (a 50% miss by construction).
        var runs = Synthetic.Runs((n, _) => 3 * Math.Pow(n, -0.05) * (n > 1e9 ? 0.5 : 1), sizes: 16, noise: 0.002, seed: 3);
        var result = LawComparison.Compare(runs, Holdout.Above(Quantity.ParameterCount, 1e9), [Power, Saturating]);
        Assert.All(result.Scores, s => Assert.True(s.Backtest!.MeanAbsoluteRelativeError > 0.10));
        Assert.Contains(result.Warnings, w => w.StartsWith("no law extrapolates these runs", StringComparison.Ordinal));
    }

    [Fact]
    public void TheBestLawExtrapolatesWithinTenPercent_NoSuchWarning()
    {
        var runs = Synthetic.Runs((n, _) => 1.8 + 400 * Math.Pow(n, -0.3), sizes: 16, noise: 0.004, seed: 5);
        var result = LawComparison.Compare(runs, Holdout.Above(Quantity.ParameterCount, 1e9), [Power, Saturating]);
        Assert.True(result.Scores[0].Backtest!.MeanAbsoluteRelativeError < 0.10);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("no law extrapolates"));
    }
}

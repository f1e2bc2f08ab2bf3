using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Analysis;

/// <summary>
/// The backtest's and the comparison's warnings on both sides, on runs of L = 1.8 + 400·N^−0.3 (an irreducible loss a
/// pure power law cannot follow) held out above 1e9: the power law misses them one way, the saturating law does not.
/// </summary>
public class BacktestWarningSidesTests
{
    private static readonly LawSpec Power = LawSpec.Create("power", [Quantity.ParameterCount]);
    private static readonly LawSpec Saturating = LawSpec.Create("saturating", [Quantity.ParameterCount]);

    private static RunSet SaturatingRuns() => Synthetic.Runs((n, _) => 1.8 + 400 * Math.Pow(n, -0.3), sizes: 16, noise: 0.004, seed: 5);

    private static readonly Holdout Above1e9 = Holdout.Above(Quantity.ParameterCount, 1e9);

    [Fact]
    public void LeanOneWay_ThePowerLawUnderpredicts_TheSaturatingLawDoesNotLean()
    {
        var power = Backtest.Run(SaturatingRuns(), Power, Above1e9);
        var saturating = Backtest.Run(SaturatingRuns(), Saturating, Above1e9);
        // Every held-out run lies above the power law's prediction: its errors are all of one sign, and that sign is "under".
        Assert.All(power.Predictions, p => Assert.True(p.Predicted < p.Actual));
        Assert.Contains(power.Warnings, w => w.StartsWith("the errors lean one way: the law underpredicts", StringComparison.Ordinal));
        Assert.False(Math.Abs(saturating.MeanRelativeError) > 0.5 * saturating.MeanAbsoluteRelativeError && saturating.MeanAbsoluteRelativeError > 0.005);
        Assert.DoesNotContain(saturating.Warnings, w => w.Contains("lean one way"));
    }

    [Fact]
    public void Coverage_BelowEightyPercent_ForThePowerLaw_NotForTheSaturatingLaw()
    {
        var power = Backtest.Run(SaturatingRuns(), Power, Above1e9);
        var saturating = Backtest.Run(SaturatingRuns(), Saturating, Above1e9);
        Assert.True(power.Coverage < 0.8, $"power coverage {power.Coverage}");
        Assert.Contains(power.Warnings, w => w.StartsWith($"only {power.Inside} of {power.Predictions.Count} held-out losses", StringComparison.Ordinal));
        Assert.True(saturating.Coverage >= 0.8, $"saturating coverage {saturating.Coverage}");
        Assert.DoesNotContain(saturating.Warnings, w => w.Contains("held-out losses") && w.Contains("fall inside"));
    }
}

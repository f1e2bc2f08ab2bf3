using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Analysis;

/// <summary>
/// Which IsoFLOP vertices enter N_opt ∝ C^a (issue 11): on exact Chinchilla surfaces the law's own
/// optimum N_opt = G·(C/6)^(β/(α+β)) is known in closed form, and budgets sampled at the same offsets
/// around it give the law's exponent a = β/(α+β) exactly.
/// </summary>
public class IsoFlopTrustTests
{
    private static readonly double[] Hoffmann = [1.69, 406.4, 410.7, 0.34, 0.28];
    private const double A = 0.28 / 0.62;

    private static double Optimum(double c) =>
        Math.Pow(0.34 * 406.4 / (0.28 * 410.7), 1 / 0.62) * Math.Pow(c / 6, A);

    private static RunSet Runs(string extra) => RunPreparation.Prepare(CsvRunReader.Parse(
        SyntheticIsoFlop.Csv(Hoffmann, SyntheticIsoFlop.HoffmannBudgets[..4], SyntheticIsoFlop.NineSizes) +
        string.Concat(extra.Split('\n').Skip(1).Select(l => l.Length > 0 ? l + "\n" : "")), "trust.csv"), RunSelection.None);

    [Fact]
    public void ExtrapolatedMinimum_IsLeftOutByDefault_WithItsDistance_AndKeptWhenAsked()
    {
        // At 3e21 only sizes 20 to 4.5 times below the optimum.
        var runs = Runs(SyntheticIsoFlop.Csv(Hoffmann, [3e21], [-3, -2.5, -2, -1.5]));
        var result = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop" });
        var outside = result.Budgets.Single(b => b.Label == "3e21");
        Assert.True(outside.MinimumOutsideSizes);
        Assert.False(outside.Used);
        double decades = Math.Log10(outside.OptimalParameterCount / outside.SizeRange.Upper);
        Assert.Contains(decades.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " decades above the largest", outside.Reason);
        Assert.Contains(result.Warnings, w => w.Contains("3e21") && w.Contains("left out of N_opt"));
        // The four budgets sampled around their optimum give the law's exponent exactly.
        Assert.Equal(A, result.ParameterExponent.Value, 9);

        // So far beyond its sizes the vertex dives below every run of its budget: kept as asked, with the dive said.
        var far = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop", KeepExtrapolated = true });
        Assert.True(far.Budgets.Single(b => b.Label == "3e21").Used);
        Assert.Contains("the vertex loss", far.Budgets.Single(b => b.Label == "3e21").Reason);

        // Just beyond the largest size (less than half the gap between sizes): kept when asked, and it moves a.
        var near = Runs(SyntheticIsoFlop.Csv(Hoffmann, [3e21], [-1.5, -1, -0.5, -0.1]));
        Assert.False(IsoFlop.Analyze(near, new IsoFlopOptions { GroupColumn = "isoflop" }).Budgets.Single(b => b.Label == "3e21").Used);
        var kept = IsoFlop.Analyze(near, new IsoFlopOptions { GroupColumn = "isoflop", KeepExtrapolated = true });
        var budget = kept.Budgets.Single(b => b.Label == "3e21");
        Assert.True(budget.MinimumOutsideSizes && budget.Used, budget.Reason);
        Assert.True(Math.Abs(kept.ParameterExponent.Value - A) > 1e-4, $"a = {kept.ParameterExponent.Value} with the extrapolated vertex");
        Assert.Contains(kept.Warnings, w => w.Contains("kept in N_opt"));
    }

    [Fact]
    public void ThreeSizes_AreLeftOutByDefault_ForWantOfADegreeOfFreedom_AndAcceptedWhenAsked()
    {
        var runs = Runs(SyntheticIsoFlop.Csv(Hoffmann, [3e21], [-0.5, 0, 0.5]));
        var strict = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop" });
        var three = strict.Budgets.Single(b => b.Label == "3e21");
        Assert.False(three.Used);
        Assert.Contains("degree of freedom needs 4", three.Reason);
        var loose = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop", MinimumSizes = 3 });
        Assert.True(loose.Budgets.Single(b => b.Label == "3e21").Used);
        Assert.Contains(loose.Warnings, w => w.Contains("exactly through 3 runs"));
    }

    [Fact]
    public void VertexFarBelowEveryRunOfItsBudget_IsFlaggedWithItsNumbers_WhenExtrapolatedMinimaAreKept()
    {
        // Three sizes 20 to 7 times below the optimum: the exact parabola's vertex lies far beyond them, and its loss
        // c₂·d² below the nearest run (d its distance in ln N), far more than c₂·h² over half the gap between sizes.
        var runs = Runs(SyntheticIsoFlop.Csv(Hoffmann, [3e21], [-3, -2.5, -2]));
        var result = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop", KeepExtrapolated = true, MinimumSizes = 3 });
        var dive = result.Budgets.Single(b => b.Label == "3e21");
        Assert.True(dive.Used);
        double observed = SyntheticIsoFlop.Csv(Hoffmann, [3e21], [-3, -2.5, -2]).Split('\n').Skip(1).Where(l => l.Length > 0)
            .Min(l => double.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(dive.LossAtOptimum < observed);
        Assert.Contains("the vertex loss", dive.Reason);
        Assert.Contains(result.Warnings, w => w.Contains("3e21") && w.Contains("the vertex loss") && w.Contains("kept in N_opt"));
        // Budgets sampled around their optimum are not flagged although their vertex lies a little below their best run.
        Assert.All(result.Budgets.Where(b => b.Label != "3e21"), b => Assert.True(b.Used, b.Reason));
    }

    [Fact]
    public void Window_FitsTheSizesNearestTheLowestLoss_AndMovesTheVertexTowardTheTrueOptimum()
    {
        // Seventeen sizes over a factor 8 either side of the optimum: far from it the loss is no parabola in ln N, and the
        // wide parabola's vertex is pulled off the law's optimum; the five sizes nearest the lowest loss are nearly a parabola.
        double[] wide = [.. Enumerable.Range(-8, 17).Select(k => k / 8.0 * Math.Log(8))];
        var runs = SyntheticIsoFlop.Runs(Hoffmann, SyntheticIsoFlop.HoffmannBudgets, wide);
        var all = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop" });
        var windowed = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop", Window = 5 });
        foreach (var (a, w) in all.Budgets.Zip(windowed.Budgets))
        {
            Assert.Equal(5, w.Sizes);
            double truth = Math.Log(Optimum(w.Compute));
            Assert.True(Math.Abs(Math.Log(w.OptimalParameterCount) - truth) < Math.Abs(Math.Log(a.OptimalParameterCount) - truth),
                $"{w.Label}: window {w.OptimalParameterCount:e3}, all {a.OptimalParameterCount:e3}, truth {Math.Exp(truth):e3}");
        }
        Assert.Throws<OptionException>(() => IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop", Window = 2 }));
    }
}

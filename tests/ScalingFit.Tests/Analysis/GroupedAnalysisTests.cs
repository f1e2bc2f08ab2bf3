using System.Globalization;
using System.Text;
using MathNet.Numerics.Distributions;
using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Analysis;

/// <summary>A law fitted per group recovers each group's own parameters, where the pooled fit recovers neither.</summary>
public class GroupedAnalysisTests
{
    /// <summary>L = (N_c/N)^α per group, 12 sizes from 1e7 to 1e10, 0.5% log-normal noise, seed 11.</summary>
    internal static string TwoLaws(params (string Group, double Alpha, double Scale, int Sizes)[] laws)
    {
        var random = new Random(11);
        var csv = new StringBuilder("config,N,loss\n");
        foreach (var (group, alpha, scale, sizes) in laws)
            for (int i = 0; i < sizes; i++)
            {
                double n = Math.Pow(10, 7 + 3.0 * i / Math.Max(1, sizes - 1));
                double loss = Math.Pow(scale / n, alpha) * Math.Exp(0.005 * Synthetic.Gaussian(random));
                csv.Append(CultureInfo.InvariantCulture, $"{group},{n:R},{loss:R}\n");
            }
        return csv.ToString();
    }

    private static RunSet Runs(string csv) => RunPreparation.Prepare(CsvRunReader.Parse(csv, "groups.csv"), RunSelection.None);

    private static GroupedResult<FitResult> FitPower(RunSet runs) =>
        GroupedAnalysis.Run(RunGroups.Split(runs, ["config"]), g => ScalingLaws.FitPower(g.Runs, Quantity.ParameterCount));

    [Fact]
    public void FitPerGroup_TwoExponents_EachGroupRecoversItsOwnAndThePooledFitNeither()
    {
        var runs = Runs(TwoLaws(("a", 0.076, 8.8e13, 12), ("b", 0.12, 1e13, 12)));
        var grouped = FitPower(runs);
        var alphas = grouped.Analysed.Select(o => o.Result!.Parameters.Single(p => p.Name == "alpha")).ToList();
        Assert.True(alphas[0].Ci95.Contains(0.076), $"a: {alphas[0].Ci95}");
        Assert.True(alphas[1].Ci95.Contains(0.12), $"b: {alphas[1].Ci95}");
        var pooledFit = ScalingLaws.FitPower(runs, Quantity.ParameterCount);
        var pooled = pooledFit.Parameters.Single(p => p.Name == "alpha");
        Assert.False(alphas[0].Ci95.Contains(pooled.Value) || alphas[1].Ci95.Contains(pooled.Value), $"pooled α {pooled.Value}");
        // The pooled law misses both: its scatter is many times the 0.5% noise each group's law leaves.
        Assert.True(pooledFit.Statistics.ResidualStandardDeviation > 10 * grouped.Analysed.Max(o => o.Result!.Statistics.ResidualStandardDeviation));
        var alpha = GroupDifferences.Fit(grouped).Single(d => d.Name == "alpha");
        Assert.True(alpha.Differ && alpha.PValue < 1e-6, $"p = {alpha.PValue}");
    }

    [Fact]
    public void FitPerGroup_OneExponent_TheTestFindsNoDifference()
    {
        var grouped = FitPower(Runs(TwoLaws(("a", 0.076, 8.8e13, 12), ("b", 0.076, 8.8e13, 12))));
        var alpha = GroupDifferences.Fit(grouped).Single(d => d.Name == "alpha");
        Assert.False(alpha.Differ, $"p = {alpha.PValue}");
    }

    [Fact]
    public void Difference_TwoGroups_IsTheSquareOfTheZStatistic()
    {
        // Closed form: with two independent estimates Q = (θ₁ − θ₂)²/(SE₁² + SE₂²), p = 2(1 − Φ(|z|)).
        var a = new FittedParameter("alpha", "α", 0.30, 0.02, new(0.26, 0.34));
        var b = new FittedParameter("alpha", "α", 0.36, 0.015, new(0.33, 0.39));
        var d = Assert.Single(GroupDifference.Of([("a", [a]), ("b", [b])]));
        double z = (0.30 - 0.36) / Math.Sqrt(0.02 * 0.02 + 0.015 * 0.015);
        Assert.Equal(z * z, d.ChiSquare, 1e-12);
        Assert.Equal(1, d.DegreesOfFreedom);
        Assert.Equal(2 * (1 - Normal.CDF(0, 1, Math.Abs(z))), d.PValue, 1e-9);
    }

    [Fact]
    public void FitPerGroup_GroupWithTooFewRuns_IsSkippedWithItsReasonAndTheOthersFitted()
    {
        var grouped = FitPower(Runs(TwoLaws(("a", 0.076, 8.8e13, 12), ("c", 0.1, 1e13, 2))));
        Assert.Single(grouped.Analysed);
        var skipped = grouped.Outcomes.Single(o => o.Result is null);
        Assert.Equal("c", skipped.Group.Label);
        Assert.Contains("needs at least 3 runs", skipped.Skipped);
    }

    [Fact]
    public void FitPerGroup_NoGroupFitted_ThrowsListingEachGroup()
    {
        var e = Assert.Throws<FitException>(() => FitPower(Runs(TwoLaws(("a", 0.076, 8.8e13, 2), ("c", 0.1, 1e13, 2)))));
        Assert.Contains("a (2 runs)", e.Message);
        Assert.Contains("c (2 runs)", e.Message);
    }
}

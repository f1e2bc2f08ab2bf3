using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Fitting;

public class LogLogRegressionTests
{
    private static RunSet ChinchillaReplication() => Runs.Chinchilla(new RunSelection { DropHighestLoss = 5 });

    [Fact]
    public void Power_NoiseFree_RecoversExponentAndScaleExactly()
    {
        // Kaplan et al. 2020 Eq. 1.1 constants: α_N = 0.076, N_c = 8.8e13.
        var runs = Synthetic.Runs((n, _) => Math.Pow(8.8e13 / n, 0.076));
        var fit = LogLogRegression.Power(runs, Quantity.ParameterCount);
        Assert.Equal(0.076, fit["alpha"].Value, 1e-9);
        Assert.Equal(1.0, fit["scale"].Value / 8.8e13, 1e-9);
        Assert.Equal(1.0, fit.Statistics.RSquared, 1e-9);
    }

    [Fact]
    public void Joint_NoiseFree_RecoversAllExponents()
    {
        var runs = Synthetic.Runs((n, d) => 7.5 * Math.Pow(n, -0.05) * Math.Pow(d, -0.07), sizes: 6, tokenCounts: 5);
        var fit = LogLogRegression.Joint(runs, [Quantity.ParameterCount, Quantity.TrainingTokens]);
        Assert.Equal(7.5, fit["k"].Value, 1e-8);
        Assert.Equal(-0.05, fit["aN"].Value, 1e-9);
        Assert.Equal(-0.07, fit["aD"].Value, 1e-9);
        Assert.NotNull(fit.Statistics.ConditionNumber);
    }

    [Fact]
    public void Power_Noisy_RecoversWithinThreeStandardErrors()
    {
        var runs = Synthetic.Runs((n, _) => Math.Pow(8.8e13 / n, 0.076), sizes: 40, noise: 0.02, seed: 7);
        var fit = LogLogRegression.Power(runs, Quantity.ParameterCount);
        Assert.InRange(fit["alpha"].Value, 0.076 - 3 * fit["alpha"].StandardError, 0.076 + 3 * fit["alpha"].StandardError);
        Assert.InRange(Math.Log(fit["scale"].Value), Math.Log(8.8e13) - 3 * fit["scale"].RelativeError, Math.Log(8.8e13) + 3 * fit["scale"].RelativeError);
    }

    [Fact]
    public void Power_Noisy_ConfidenceIntervalCoversTruthAboutNinetyFivePercent()
    {
        int covered = 0;
        const int trials = 400;
        for (int seed = 0; seed < trials; seed++)
        {
            var runs = Synthetic.Runs((n, _) => Math.Pow(8.8e13 / n, 0.076), sizes: 15, noise: 0.03, seed: seed);
            if (LogLogRegression.Power(runs, Quantity.ParameterCount)["alpha"].Ci95.Contains(0.076)) covered++;
        }
        // Binomial(400, 0.95): standard deviation 4.4 runs; 360..397 is beyond ±4.5 standard deviations.
        Assert.InRange(covered, 360, 397);
    }

    [Fact]
    public void Power_SmallExample_MatchesHandComputation()
    {
        // ln X = 1, 2, 3, 4 and ln L = 1.0, 0.8, 0.7, 0.4. By hand: x̄ = 2.5, ȳ = 0.725, Sxx = 5,
        // Sxy = -0.95, slope = -0.19, intercept = 0.725 + 0.19·2.5 = 1.2; residuals -0.01, -0.02,
        // 0.07, -0.04, SSE = 0.007, s² = 0.0035; SE(slope) = √(s²/Sxx) = √0.0007;
        // SE(intercept) = √(s²(1/4 + x̄²/Sxx)) = √0.00525; SST = 0.1875, R² = 1 - 0.007/0.1875;
        // t(0.975, 2 dof) = 4.302653.
        double[] logL = [1.0, 0.8, 0.7, 0.4];
        var csv = "N,loss\n" + string.Join("\n", logL.Select((y, i) => $"{Math.Exp(i + 1):R},{Math.Exp(y):R}"));
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(csv), RunSelection.None);
        var fit = LogLogRegression.Power(runs, Quantity.ParameterCount);
        Assert.Equal(-0.19, fit["slope"].Value, 1e-12);
        Assert.Equal(0.19, fit["alpha"].Value, 1e-12);
        Assert.Equal(1.2, fit["intercept"].Value, 1e-12);
        Assert.Equal(Math.Sqrt(0.0007), fit["slope"].StandardError, 1e-12);
        Assert.Equal(Math.Sqrt(0.00525), fit["intercept"].StandardError, 1e-12);
        Assert.Equal(1 - 0.007 / 0.1875, fit.Statistics.RSquared, 1e-12);
        Assert.Equal(Math.Sqrt(0.0035), fit.Statistics.ResidualStandardDeviation, 1e-12);
        Assert.Equal(0.19 - 4.302653 * Math.Sqrt(0.0007), fit["alpha"].Ci95.Lower, 1e-6);
        Assert.Equal(Math.Exp(1.2 / 0.19), fit["scale"].Value, 1e-6);
        Assert.Equal(2, fit.Statistics.DegreesOfFreedom);
    }

    [Theory]
    [InlineData(Quantity.ParameterCount, -0.068091)]
    [InlineData(Quantity.TrainingTokens, -0.077958)]
    [InlineData(Quantity.Compute, -0.054388)]
    public void Power_ChinchillaReplicationData_MatchesNumpyToFiveFigures(Quantity x, double numpySlope)
    {
        var fit = LogLogRegression.Power(ChinchillaReplication(), x);
        Assert.Equal(240, fit.Statistics.Points);
        Assert.Equal(numpySlope, fit["slope"].Value, Math.Abs(numpySlope) * 1e-5);
    }

    [Fact]
    public void Joint_ChinchillaReplicationData_MatchesNumpyToFiveFigures()
    {
        var fit = LogLogRegression.Joint(ChinchillaReplication(), [Quantity.ParameterCount, Quantity.TrainingTokens]);
        Assert.Equal(3.394307, fit["intercept"].Value, 3.394307 * 1e-5);
        Assert.Equal(-0.048968, fit["aN"].Value, 0.048968 * 1e-5);
        Assert.Equal(-0.060346, fit["aD"].Value, 0.060346 * 1e-5);
        Assert.Equal(Math.Exp(fit["intercept"].Value), fit["k"].Value, 1e-12);
    }

    [Fact]
    public void Joint_DerivedComputeWithNAndD_RefusesAsCollinearWithConditionNumber()
    {
        var e = Assert.Throws<FitException>(() => LogLogRegression.Joint(ChinchillaReplication(),
            [Quantity.ParameterCount, Quantity.TrainingTokens, Quantity.Compute]));
        Assert.Contains("collinear", e.Message);
        Assert.Contains("derived as C/(6N)", e.Message);
        Assert.Contains("N and D", e.Message);
        Assert.Matches(@"condition number [1-9](\.\d+)?e\+?1[5-7]", e.Message);
    }

    [Fact]
    public void Joint_ReadColumnsThatAreCollinear_RefusedByConditionNumber()
    {
        // C given as a column, but equal to 6ND: no derivation marks it, the design must reveal it.
        var rows = Enumerable.Range(0, 10).Select(i => (N: 1e8 * (i + 1), D: 1e10 * (1 + i % 3))).ToList();
        var csv = "N,D,C,loss\n" + string.Join("\n", rows.Select((r, i) => $"{r.N:R},{r.D:R},{6 * r.N * r.D:R},{3 - 0.1 * i:R}"));
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(csv), RunSelection.None);
        var e = Assert.Throws<FitException>(() => LogLogRegression.Joint(runs, [Quantity.ParameterCount, Quantity.TrainingTokens, Quantity.Compute]));
        Assert.Contains("collinear", e.Message);
        Assert.Contains("ln N, ln D and ln C", e.Message);
    }

    [Fact]
    public void Power_FewerPointsThanParameters_Refuses()
    {
        var runs = RunPreparation.Prepare(CsvRunReader.Parse("N,loss\n1e9,2.5\n2e9,2.4\n", "two.csv"), RunSelection.None);
        var e = Assert.Throws<FitException>(() => LogLogRegression.Power(runs, Quantity.ParameterCount));
        Assert.Contains("two.csv has 2", e.Message);
    }

    [Fact]
    public void Power_AllRunsAtOneValue_Refuses()
    {
        var runs = RunPreparation.Prepare(CsvRunReader.Parse("N,loss\n1e9,2.5\n1e9,2.4\n1e9,2.3\n", "same.csv"), RunSelection.None);
        var e = Assert.Throws<FitException>(() => LogLogRegression.Power(runs, Quantity.ParameterCount));
        Assert.Contains("same N", e.Message);
    }

    [Fact]
    public void Power_MissingInput_ListsAliases()
    {
        var runs = RunPreparation.Prepare(CsvRunReader.Parse("N,loss\n1e9,2.5\n2e9,2.4\n3e9,2.3\n"), RunSelection.None);
        var e = Assert.Throws<DataException>(() => LogLogRegression.Power(runs, Quantity.TrainingTokens));
        Assert.Contains("'tokens'", e.Message);
        Assert.Contains("--d-column", e.Message);
    }

    [Fact]
    public void Power_SaturatingData_WarnsOfCurvature()
    {
        var runs = Synthetic.Runs((n, _) => 1.7 + Math.Pow(8.8e9 / n, 0.3), sizes: 20);
        var fit = LogLogRegression.Power(runs, Quantity.ParameterCount);
        Assert.Contains(fit.Warnings, w => w.Contains("residuals curve") && w.Contains("saturating"));
    }
}

using System.Globalization;
using System.Text;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Tests.Support;
using ScalingFit.Uncertainty;

namespace ScalingFit.Tests.Fitting;

/// <summary>
/// Rows that are checkpoints of fewer runs: the covariance clustered by run (CR1, Cameron and Miller
/// 2015, eq. 11 with Stata's factor G/(G−1)·(n−1)/(n−k)) computed here by matrix algebra with
/// MathNet, against the fits' clustered standard errors and t intervals with G − 1 degrees of freedom.
/// </summary>
public class ClusteredRunsTests
{
    /// <summary>G runs, each logged at m checkpoints D; ln L = 4 − 0.07 ln N − 0.09 ln D + u_run + e.</summary>
    private static string Csv(int runs = 10, int checkpoints = 6, int seed = 3)
    {
        var random = new Random(seed);
        var text = new StringBuilder("run,N,D,loss\n");
        for (int g = 0; g < runs; g++)
        {
            double n = 1e7 * Math.Pow(10, 2.0 * g / (runs - 1)), u = 0.03 * Synthetic.Gaussian(random);
            for (int j = 0; j < checkpoints; j++)
            {
                double d = n * 2 * Math.Pow(20, j / (checkpoints - 1.0));
                double loss = Math.Exp(4 - 0.07 * Math.Log(n) - 0.09 * Math.Log(d) + u + 0.01 * Synthetic.Gaussian(random));
                text.Append(CultureInfo.InvariantCulture, $"r{g},{n:R},{d:R},{loss:R}\n");
            }
        }
        return text.ToString();
    }

    private static RunSet Runs(string csv, bool clustered) => RunPreparation.Prepare(CsvRunReader.Parse(csv, "checkpoints.csv"),
        clustered ? RunSelection.None with { RunColumns = ["run"], Checkpoint = CheckpointChoice.All } : RunSelection.None);

    /// <summary>CR1 standard errors of an OLS fit of y on [1, columns…], and the rows' run ids.</summary>
    private static double[] Cr1(IReadOnlyList<double[]> columns, double[] y, int[] run)
    {
        int n = y.Length, k = columns.Count + 1, g = run.Max() + 1;
        var x = Matrix<double>.Build.Dense(n, k, (i, j) => j == 0 ? 1 : columns[j - 1][i]);
        var bread = (x.TransposeThisAndMultiply(x)).Inverse();
        var beta = bread * x.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(y));
        var e = Vector<double>.Build.DenseOfArray(y) - x * beta;
        var meat = Matrix<double>.Build.Dense(k, k);
        for (int c = 0; c < g; c++)
        {
            var s = Vector<double>.Build.Dense(k);
            for (int i = 0; i < n; i++) if (run[i] == c) s += x.Row(i) * e[i];
            meat += s.OuterProduct(s);
        }
        var v = bread * meat * bread * (g / (g - 1.0) * (n - 1.0) / (n - k));
        return Enumerable.Range(0, k).Select(j => Math.Sqrt(v[j, j])).ToArray();
    }

    private static (double[] LnN, double[] LnD, double[] LnL, int[] Run) Columns(RunSet runs) => (
        runs.Values(Quantity.ParameterCount).ToArray().Select(v => Math.Log(v)).ToArray(),
        runs.Values(Quantity.TrainingTokens).ToArray().Select(v => Math.Log(v)).ToArray(),
        runs.Values(Quantity.Loss).ToArray().Select(v => Math.Log(v)).ToArray(),
        Enumerable.Range(0, runs.Count).Select(i => runs.Clusters!.Of(i)).ToArray());

    [Fact]
    public void Joint_ClusteredByRun_MatchesCr1ByMatrixAlgebra_WithTIntervalsOnRunsMinusOne()
    {
        var runs = Runs(Csv(), clustered: true);
        Assert.Equal(10, runs.Clusters!.Count);
        var fit = LogLogRegression.Joint(runs, [Quantity.ParameterCount, Quantity.TrainingTokens]);
        var (lnN, lnD, lnL, run) = Columns(runs);
        var se = Cr1([lnN, lnD], lnL, run);
        Assert.Equal(se[1], fit["aN"].StandardError, se[1] * 1e-9);
        Assert.Equal(se[2], fit["aD"].StandardError, se[2] * 1e-9);
        double t = StudentT.InvCDF(0, 1, 9, 0.975);
        Assert.Equal(fit["aN"].Value - t * se[1], fit["aN"].Ci95.Lower, 1e-9);
        Assert.Equal(10, fit.Statistics.Runs);
        Assert.Equal(9, fit.Statistics.IntervalDegreesOfFreedom);
        Assert.Contains(fit.Diagnostics, d => d.Code == DiagnosticCodes.RowsPerRun && d.Message.Contains("60 rows are checkpoints of 10 runs"));
    }

    [Fact]
    public void Joint_RowsAsRuns_KeepTheOlsErrors_AndNoRunsWarning()
    {
        var fit = LogLogRegression.Joint(Runs(Csv(), clustered: false), [Quantity.ParameterCount, Quantity.TrainingTokens]);
        Assert.Null(fit.Statistics.Runs);
        Assert.Equal(57, fit.Statistics.IntervalDegreesOfFreedom);
        Assert.DoesNotContain(fit.Diagnostics, d => d.Code == DiagnosticCodes.RowsPerRun);
    }

    [Fact]
    public void NonlinearPowerLaw_ClusteredSandwich_EqualsTheClusteredOlsOfTheSameLine()
    {
        // In log space the power law (D_c/D)^α fitted by least squares is the OLS line ln L = α ln D_c − α ln D, so the
        // clustered sandwich of the nonlinear fit must give α the CR1 standard error of the slope.
        var runs = Runs(Csv(runs: 12, checkpoints: 8, seed: 5), clustered: true);
        var fit = NonlinearFitter.Fit(runs, new PowerLaw(LawInput.Of(Quantity.TrainingTokens)), new NonlinearFitOptions { Loss = LossFunction.LeastSquares });
        var (_, lnD, lnL, run) = Columns(runs);
        var se = Cr1([lnD], lnL, run);
        Assert.Equal(se[1], fit["alpha"].StandardError, se[1] * 1e-5);
        double t = StudentT.InvCDF(0, 1, 11, 0.975);
        Assert.Equal(fit["alpha"].Value + t * se[1], fit["alpha"].Ci95.Upper, 1e-6);
        Assert.Contains("clustered by run", fit.UncertaintyMethod);
    }

    [Fact]
    public void ClusterBootstrap_DrawsWholeRuns()
    {
        var runs = Runs(Csv(), clustered: true);
        var fit = NonlinearFitter.Fit(runs, new PowerLaw(LawInput.Of(Quantity.TrainingTokens)),
            new NonlinearFitOptions { Loss = LossFunction.LeastSquares, Bootstrap = new BootstrapOptions(50, Seed: 2) });
        Assert.Equal(["run"], fit.Bootstrap!.ResampledBy);
        // The draws the bootstrap makes: every row of a run gets the same weight, and the weights count 10 runs.
        var resampler = Resampler.For(runs.Count, FitData.From(runs, new PowerLaw(LawInput.Of(Quantity.TrainingTokens)).Inputs).Clusters);
        var w = new double[runs.Count];
        for (int r = 0; r < 20; r++)
        {
            var random = new SplitMix64(2, r);
            resampler.Draw(ref random, w);
            var perRun = Enumerable.Range(0, runs.Count).GroupBy(runs.Clusters!.Of).Select(g => g.Select(i => w[i]).Distinct().Single()).ToList();
            Assert.Equal(10, perRun.Sum());
        }
    }

    [Fact]
    public void SelectAll_WithoutRunColumns_IsRefused()
    {
        var ex = Assert.Throws<OptionException>(() => RunPreparation.Prepare(CsvRunReader.Parse(Csv(), "c.csv"),
            RunSelection.None with { Checkpoint = CheckpointChoice.All }));
        Assert.Contains("columns that name the runs", ex.Message);
    }
}

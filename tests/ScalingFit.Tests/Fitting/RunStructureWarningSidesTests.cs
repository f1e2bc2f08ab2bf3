using System.Globalization;
using System.Text;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Fitting;

/// <summary>
/// What intervals can mean given how the rows came about, at the thresholds: runs against free parameters (the
/// clustered covariance has rank at most G − 1) and fewer than 5 distinct sizes for a law of N.
/// </summary>
public class RunStructureWarningSidesTests
{
    /// <summary>G runs of distinct N, each logged at 6 checkpoints D; ln L = 4 − 0.07 ln N − 0.09 ln D + u_run + e.</summary>
    private static RunSet Checkpoints(int runs, int seed = 3)
    {
        var random = new Random(seed);
        var text = new StringBuilder("run,N,D,loss\n");
        for (int g = 0; g < runs; g++)
        {
            double n = 1e7 * Math.Pow(10, 2.0 * g / (runs - 1)), u = 0.03 * Synthetic.Gaussian(random);
            for (int j = 0; j < 6; j++)
            {
                double d = n * 2 * Math.Pow(20, j / 5.0);
                double loss = Math.Exp(4 - 0.07 * Math.Log(n) - 0.09 * Math.Log(d) + u + 0.01 * Synthetic.Gaussian(random));
                text.Append(CultureInfo.InvariantCulture, $"r{g},{n:R},{d:R},{loss:R}\n");
            }
        }
        return RunPreparation.Prepare(CsvRunReader.Parse(text.ToString(), "checkpoints.csv"),
            RunSelection.None with { RunColumns = ["run"], Checkpoint = CheckpointChoice.All });
    }

    private static List<string> Codes(FitResult fit) => [.. fit.Diagnostics.Select(d => d.Code)];

    [Theory]
    [InlineData(3, true)]    // 3 runs, 3 free parameters of ln L = c + a ln N + b ln D: rank ≤ 2
    [InlineData(4, false)]   // rank ≤ 3
    public void FewRunsForParameters_WhenRunsMinusOneAreFewerThanTheFreeParameters(int runs, bool warns)
    {
        var fit = LogLogRegression.Joint(Checkpoints(runs), [Quantity.ParameterCount, Quantity.TrainingTokens]);
        Assert.Contains(DiagnosticCodes.RowsPerRun, Codes(fit));
        Assert.Equal(warns, Codes(fit).Contains(DiagnosticCodes.FewRunsForParameters));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void FewSizes_BelowFiveDistinctN_WhateverTheNumberOfRows(int sizes, bool warns)
    {
        // Three token counts per size: 12 or 15 rows, but only 4 or 5 values of N.
        var runs = Synthetic.Runs((n, d) => 1.7 + 400 * Math.Pow(n, -0.3) + 410.7 * Math.Pow(d, -0.28), sizes: sizes, tokenCounts: 3);
        Assert.Equal(3 * sizes, runs.Count);
        var fit = LogLogRegression.Power(runs, Quantity.ParameterCount);
        Assert.Equal(warns, Codes(fit).Contains(DiagnosticCodes.FewSizes));
        var tokens = LogLogRegression.Power(runs, Quantity.TrainingTokens);
        Assert.DoesNotContain(DiagnosticCodes.FewSizes, Codes(tokens));
    }
}

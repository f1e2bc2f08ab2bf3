using System.Globalization;
using System.Text;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Fitting;

/// <summary>The "few hundred runs" warning on Huber's sandwich intervals fires only when there are that few runs.</summary>
public class AsymptoticIntervalsWarningTests
{
    private static FitResult Saturating(RunSet runs) =>
        NonlinearFitter.Fit(runs, new SaturatingLaw(LawInput.Of(Quantity.ParameterCount)), new NonlinearFitOptions { Loss = LossFunction.Huber(1e-3) });

    private static Func<double, double, double> Law => (n, _) => 1.8 + 400 * Math.Pow(n, -0.3);

    [Fact]
    public void TwoHundredRuns_Warns_WithTheCount()
    {
        var fit = Saturating(Synthetic.Runs(Law, sizes: 200, noise: 0.01, seed: 5));
        var warning = Assert.Single(fit.Diagnostics, d => d.Code == DiagnosticCodes.AsymptoticIntervals);
        Assert.Contains("with the Huber loss and 200 runs, fewer than 1,000, they can be optimistic", warning.Message);
    }

    [Fact]
    public void TwentyThousandRuns_DoesNotWarn()
    {
        var fit = Saturating(Synthetic.Runs(Law, sizes: 20_000, noise: 0.01, seed: 5));
        Assert.Equal(20_000, fit.Statistics.Points);
        Assert.DoesNotContain(fit.Diagnostics, d => d.Code == DiagnosticCodes.AsymptoticIntervals);
    }

    [Fact]
    public void TwoThousandRowsOfFortyRuns_WarnsCountingRuns()
    {
        // 40 runs, each logged at 50 checkpoints: 2,000 rows but 40 independent runs.
        var random = new Random(7);
        var csv = new StringBuilder("run,N,loss\n");
        for (int r = 0; r < 40; r++)
        {
            double n = 1e7 * Math.Pow(10, 3.0 * r / 39), shift = 0.01 * Synthetic.Gaussian(random);
            for (int k = 0; k < 50; k++)
                csv.Append(CultureInfo.InvariantCulture, $"r{r},{n:R},{Law(n, 0) * Math.Exp(shift + 0.002 * Synthetic.Gaussian(random)):R}\n");
        }
        var rows = Synthetic.Load(csv.ToString());
        var runs = rows.WithClusters(RunClusters.By(rows, ["run"]));
        var warning = Assert.Single(Saturating(runs).Diagnostics, d => d.Code == DiagnosticCodes.AsymptoticIntervals);
        Assert.Contains("40 runs (the 2,000 rows are checkpoints of them), fewer than 1,000", warning.Message);
    }
}

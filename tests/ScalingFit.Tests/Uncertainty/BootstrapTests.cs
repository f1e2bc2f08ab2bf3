using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;
using ScalingFit.Uncertainty;

namespace ScalingFit.Tests.Uncertainty;

public class BootstrapTests
{
    private static readonly RunSet Chinchilla = Runs.Chinchilla(new RunSelection { DropHighestLoss = 5 });

    /// <summary>One start near the optimum: these tests are about the bootstrap, not the search.</summary>
    private static readonly StartGrid NearOptimum = new([[0.6], [6.2], [7.7], [0.35], [0.37]]);

    private static FitResult Fit(int resamples, long seed, int threads, OptimizerOptions? optimizer = null) =>
        NonlinearFitter.Fit(Chinchilla, ChinchillaLaw.Instance, new NonlinearFitOptions
        {
            Starts = NearOptimum,
            Optimizer = optimizer ?? OptimizerOptions.Default,
            DegreeOfParallelism = threads,
            Bootstrap = new BootstrapOptions(resamples, seed) { DegreeOfParallelism = threads },
        });

    [Fact]
    public void Bootstrap_SameSeed_IdenticalWhateverTheThreadCount()
    {
        var one = Fit(120, seed: 7, threads: 1);
        var two = Fit(120, seed: 7, threads: 2);
        var four = Fit(120, seed: 7, threads: 4);
        foreach (var name in new[] { "E", "A", "B", "alpha", "beta" })
        {
            Assert.Equal(one[name].StandardError, two[name].StandardError);
            Assert.Equal(one[name].Ci95, two[name].Ci95);
            Assert.Equal(one[name].Ci95, four[name].Ci95);
        }
        Assert.Equal(one.Derived[0].Ci95, four.Derived[0].Ci95);
    }

    [Fact]
    public void Bootstrap_OtherSeed_OtherSamples()
    {
        Assert.NotEqual(Fit(60, seed: 1, threads: 2)["alpha"].StandardError, Fit(60, seed: 2, threads: 2)["alpha"].StandardError);
    }

    [Fact]
    public void Bootstrap_ChinchillaData_HasTheRealisticWidthTheReplicationFound()
    {
        // Besiroglu et al. 2024 bootstrapped this data: standard errors about 0.03 for E and 0.02
        // for α and β; Hoffmann et al.'s early-stopped intervals were more than ten times narrower.
        var fit = Fit(400, seed: 3, threads: -1);
        Assert.InRange(fit["E"].StandardError, 0.015, 0.06);
        Assert.InRange(fit["alpha"].StandardError, 0.01, 0.04);
        Assert.InRange(fit["beta"].StandardError, 0.01, 0.04);
        Assert.Equal(0, fit.Bootstrap!.StoppedAtStart);
        Assert.True(fit.Bootstrap.Converged >= 396, $"{fit.Bootstrap.Converged} of 400 converged");
        Assert.DoesNotContain(fit.Warnings, w => w.Contains("stopped where they started"));
    }

    [Fact]
    public void Bootstrap_LooseTolerance_IsDetectedAndWarned()
    {
        // A tolerance suited to a much larger objective: stop once the promised decrease is below
        // half the objective. Resamples then stop at the full-data optimum, the intervals collapse,
        // and the strict convergence check must say so.
        var loose = Fit(200, seed: 3, threads: -1, new OptimizerOptions { DecrementTolerance = 0.5 });
        var tight = Fit(200, seed: 3, threads: -1);
        Assert.True(loose.Bootstrap!.StoppedAtStart > 100, $"{loose.Bootstrap.StoppedAtStart} stopped at start");
        Assert.Contains(loose.Warnings, w => w.Contains("stopped where they started") && w.Contains("too narrow"));
        Assert.DoesNotContain(tight.Diagnostics, d => d.Code == DiagnosticCodes.BootstrapStoppedAtStart);
        Assert.True(tight["alpha"].Ci95.Width > 3 * loose["alpha"].Ci95.Width || loose.Bootstrap.Converged < 100,
            "the loose run's intervals should be far narrower or be rejected as unconverged");
    }

    [Fact]
    public void Predict_ChinchillaWithBootstrap_IntervalHoldsThePointPrediction()
    {
        var fit = Fit(200, seed: 5, threads: -1);
        var p = Predictor.Predict(fit, new Dictionary<Quantity, double> { [Quantity.ParameterCount] = 70e9, [Quantity.TrainingTokens] = 1.4e12 });
        Assert.Equal(ChinchillaLaw.Instance.Value(fit.Parameters.Select(q => q.Value).ToArray(), [70e9, 1.4e12]), p.Loss, 12);
        Assert.True(p.Interval.Lower < p.Loss && p.Loss < p.Interval.Upper);
        Assert.Contains(p.Warnings, w => w.Contains("extrapolation"));
        Assert.Contains("bootstrap", fit.Model.IntervalMethod);
    }

    [Fact]
    public void Percentiles_Quantile_MatchesNumpyLinearInterpolation()
    {
        // numpy.percentile([1, 2, 3, 4, 10], [2.5, 50, 97.5]) = [1.1, 3.0, 9.4]
        double[] sorted = [1, 2, 3, 4, 10];
        Assert.Equal(1.1, Percentiles.Quantile(sorted, 0.025), 12);
        Assert.Equal(3.0, Percentiles.Quantile(sorted, 0.5), 12);
        Assert.Equal(9.4, Percentiles.Quantile(sorted, 0.975), 12);
    }
}

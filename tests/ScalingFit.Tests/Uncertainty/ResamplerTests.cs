using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;
using ScalingFit.Uncertainty;

namespace ScalingFit.Tests.Uncertainty;

public class ResamplerTests
{
    [Fact]
    public void Draw_SingletonClusters_AreTheRowBootstrap()
    {
        // Every row its own cluster: drawing n clusters from n is drawing n rows, the same stream.
        var rows = Resampler.For(50, null);
        var clusters = Resampler.For(50, Enumerable.Range(0, 50).ToArray());
        var a = new double[50];
        var b = new double[50];
        for (int r = 0; r < 20; r++)
        {
            var first = new SplitMix64(3, r);
            var second = new SplitMix64(3, r);
            rows.Draw(ref first, a);
            clusters.Draw(ref second, b);
            Assert.Equal(a, b);
            Assert.Equal(50, a.Sum());
        }
    }

    [Fact]
    public void Draw_Clusters_WeightWholeClustersTogether()
    {
        // Rows 0–2 are run 0, rows 3–4 run 1, row 5 run 2: rows of a run always share a weight,
        // and the weights count three runs drawn.
        int[] runOf = [0, 0, 0, 1, 1, 2];
        var resampler = Resampler.For(6, runOf);
        var weights = new double[6];
        for (int r = 0; r < 50; r++)
        {
            var random = new SplitMix64(1, r);
            resampler.Draw(ref random, weights);
            Assert.Equal(weights[0], weights[1]);
            Assert.Equal(weights[0], weights[2]);
            Assert.Equal(weights[3], weights[4]);
            Assert.Equal(3, weights[0] + weights[3] + weights[5]);
        }
    }

    [Fact]
    public void For_ClustersOfTheWrongLength_Refuses() =>
        Assert.Throws<ArgumentException>(() => Resampler.For(4, [0, 1, 2]));

    [Fact]
    public void Bootstrap_ClustersOfDuplicatedRuns_EqualTheRowBootstrapOfTheRuns()
    {
        // Every Chinchilla run logged three times (three identical checkpoints): resampling by run
        // gives each resample three times the weights of the row bootstrap of the 240 runs, so the
        // same optimum (the objective only scales) and the same intervals.
        var runs = Runs.Chinchilla(new RunSelection { DropHighestLoss = 5 });
        var law = ChinchillaLaw.Instance;
        var data = FitData.From(runs, law.Inputs);
        int n = data.Count;
        var tripled = data.Subset([.. Enumerable.Range(0, 3 * n).Select(i => i % n)]);
        double[] optimum = [Math.Log(1.8172), Math.Log(477.8), Math.Log(2143.4), 0.3473, 0.3672];
        var options = new BootstrapOptions(40, 5);
        var map = ParameterMap.Identity(law);
        var byRow = Bootstrap.Run(new FitProblem(law, data, LossFunction.Default, map), optimum, OptimizerOptions.Default, options);
        var byRun = Bootstrap.Run(new FitProblem(law, tripled, LossFunction.Default, map), optimum, OptimizerOptions.Default,
            options with { Clusters = [.. Enumerable.Range(0, 3 * n).Select(i => i % n)] });
        for (int r = 0; r < 40; r++)
        {
            Assert.True(byRow.Converged[r] && byRun.Converged[r]);
            for (int j = 0; j < 5; j++) Assert.Equal(byRow.Sample(r)[j], byRun.Sample(r)[j], 6);
        }
    }
}

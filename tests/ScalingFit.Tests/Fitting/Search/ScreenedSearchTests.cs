using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;
using ScalingFit.Tests.Analysis;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Fitting.Search;

/// <summary>
/// The screened search against its definition, the exhaustive search (every start of the full
/// grid on all runs): the same best objective to 1e-9, on the shipped data, the samples, and
/// synthetic sets of 10³–2·10⁴ runs with several optima.
/// </summary>
public class ScreenedSearchTests
{
    private static (double Exhaustive, double Screened, MultiStartResult ExhaustiveSearch, MultiStartResult ScreenedSearch) Both(
        IScalingLaw law, FitData data, LossFunction? loss = null)
    {
        loss ??= LossFunction.Default;
        var exhaustive = MultiStart.Search(law, data, loss, law.Starts, OptimizerOptions.Default, -1, StartSearch.Exhaustive);
        var screened = MultiStart.Search(law, data, loss, law.Starts, OptimizerOptions.Default, -1, StartSearch.Screened);
        return (exhaustive.Results[exhaustive.Best()].Objective, screened.Results[screened.Best()].Objective, exhaustive, screened);
    }

    private static void AssertSameOptimum(double exhaustive, double screened, string what) =>
        Assert.True(Math.Abs(screened - exhaustive) <= 1e-9 * Math.Abs(exhaustive),
            $"{what}: screened objective {screened:R}, exhaustive {exhaustive:R} (relative difference {(screened - exhaustive) / exhaustive:E2})");

    [Theory]
    [InlineData(5), InlineData(0)]
    public void ChinchillaRuns_ReachTheExhaustiveOptimum(int dropHighestLoss)
    {
        // 240 runs as the replication fitted them, and all 245 with the five outlying losses.
        var runs = Runs.Chinchilla(new RunSelection { DropHighestLoss = dropHighestLoss });
        foreach (IScalingLaw law in new IScalingLaw[] { ChinchillaLaw.Instance, KaplanNdLaw.Instance, new SaturatingLaw(Quantity.ParameterCount) })
        {
            var (exhaustive, screened, _, _) = Both(law, FitData.From(runs, law.Inputs));
            AssertSameOptimum(exhaustive, screened, $"{law.Name} on {runs.Count} Chinchilla runs");
        }
    }

    [Theory]
    [InlineData("isoflop-runs.csv", "chinchilla")]
    [InlineData("isoflop-runs.csv", "kaplan-nd")]
    [InlineData("training-log.csv", "chinchilla")]
    [InlineData("training-log.csv", "saturating")]
    public void Samples_ReachTheExhaustiveOptimum(string sample, string lawName)
    {
        string path = IsoFlopTests.SamplePath(sample);
        using var file = File.OpenRead(path);
        var runs = Runs.Load(file, path);
        var law = LawSpec.Create(lawName, null).NonlinearLaw!;
        var (exhaustive, screened, _, _) = Both(law, FitData.From(runs, law.Inputs));
        AssertSameOptimum(exhaustive, screened, $"{lawName} on {sample}");
    }

    [Theory]
    [InlineData("frontier", 1000, 1)]
    [InlineData("narrow", 1000, 1)]
    [InlineData("frontier", 2000, 5)]
    [InlineData("mismatch", 2000, 5)]
    public void SyntheticRunsWithSeveralOptima_ReachTheExhaustiveOptimum(string kind, int rows, int seed)
    {
        var data = SeveralOptima.Data(kind, rows, seed);
        var (exhaustive, screened, all, fast) = Both(ChinchillaLaw.Instance, data);
        Assert.True(SeveralOptima.DistinctOptima(all, ChinchillaLaw.Instance) >= 2, "the data should have several optima");
        Assert.NotEmpty(fast.Screening!.LevelRows);
        AssertSameOptimum(exhaustive, screened, $"{kind}, {rows} runs, seed {seed}");
    }

    [Fact]
    public void SaturatingLawOn20000RunsWithSeveralOptima_ReachesTheExhaustiveOptimum()
    {
        // L = E + A/N^α fitted to runs whose loss also falls with D: a misspecified law with several optima.
        var data = SeveralOptima.FirstInput(SeveralOptima.Data("plain", 20000, 1));
        var law = new SaturatingLaw(Quantity.ParameterCount);
        var (exhaustive, screened, all, fast) = Both(law, data);
        Assert.True(SeveralOptima.DistinctOptima(all, law) >= 2, "the data should have several optima");
        Assert.Equal([8192, 20000], fast.Screening!.LevelRows);
        AssertSameOptimum(exhaustive, screened, "saturating, 20000 runs");
    }

    [Fact]
    public void LeastSquares_ReachesTheExhaustiveOptimum()
    {
        var (exhaustive, screened, _, _) = Both(ChinchillaLaw.Instance, SeveralOptima.Data("mismatch", 1000, 2), LossFunction.LeastSquares);
        AssertSameOptimum(exhaustive, screened, "least squares, 1000 runs");
    }

    [Fact]
    public void Screened_SameResultsWhateverTheThreadCount()
    {
        var data = SeveralOptima.Data("frontier", 700, 3);
        var law = ChinchillaLaw.Instance;
        var one = MultiStart.Search(law, data, LossFunction.Default, law.Starts, OptimizerOptions.Default, 1, StartSearch.Screened);
        foreach (int threads in new[] { 2, 4 })
        {
            var other = MultiStart.Search(law, data, LossFunction.Default, law.Starts, OptimizerOptions.Default, threads, StartSearch.Screened);
            Assert.Equal(one.EndPoints, other.EndPoints);
            Assert.Equal(one.Results, other.Results);
            Assert.Equal(one.Screening!.Joined, other.Screening!.Joined);
        }
    }

    [Fact]
    public void Progress_ReportsEveryBatchUpToAllStarts()
    {
        var runs = Runs.Chinchilla(new RunSelection { DropHighestLoss = 5 });
        var law = new SaturatingLaw(Quantity.ParameterCount);
        var reports = new List<int>();
        MultiStart.Search(law, FitData.From(runs, law.Inputs), LossFunction.Default, law.Starts, OptimizerOptions.Default, 2,
            StartSearch.Screened, reports.Add);
        Assert.Equal(Enumerable.Range(1, 3).Select(b => Math.Min(150, 64 * b)), reports);
    }
}

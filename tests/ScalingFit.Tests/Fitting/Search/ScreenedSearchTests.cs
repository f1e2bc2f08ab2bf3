using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;
using ScalingFit.Laws.Formulas;
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
    internal static FitProblem Problem(IScalingLaw law, FitData data, LossFunction? loss = null) =>
        new(law, data, loss ?? LossFunction.Default, ParameterMap.Identity(law));

    private static MultiStartResult Search(FitProblem problem, StartSearch search, int threads = -1, Action<int, int>? progress = null) =>
        MultiStart.Search(problem, problem.Starts(null), OptimizerOptions.Default, threads, search, progress);

    private static (double Exhaustive, double Screened, MultiStartResult ExhaustiveSearch, MultiStartResult ScreenedSearch) Both(
        IScalingLaw law, FitData data, LossFunction? loss = null)
    {
        var problem = Problem(law, data, loss);
        var exhaustive = Search(problem, StartSearch.Exhaustive);
        var screened = Search(problem, StartSearch.Screened);
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
        var law = LawSpec.Create(lawName, null).Law;
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

    [Theory]
    [InlineData("bound", 40), InlineData("fix", 40), InlineData("tie", 40), InlineData("formula-bound", 40)]
    [InlineData("bound", 1000), InlineData("fix", 1000), InlineData("tie", 1000), InlineData("formula-bound", 1000)]
    public void Constraints_ReachTheExhaustiveOptimum(string kind, int rows)
    {
        // Through the public fit, polish included: α bounded below its value (the optimum on the bound), E fixed off its
        // value, β tied to α, and a formula law with the bound; 40 runs fit in the screen, 1000 are screened on 512 and refined on all.
        var runs = rows == 40
            ? Synthetic.Runs((n, d) => 1.8 + 480 / Math.Pow(n, 0.35) + 2100 / Math.Pow(d, 0.37), sizes: 8, tokenCounts: 5, noise: 0.005, seed: 12)
            : SeveralOptima.Runs("mismatch", rows, 5);
        var bound = new Dictionary<string, ParameterBounds> { ["alpha"] = new(0, 0.3) };
        var constraints = kind switch
        {
            "fix" => new ParameterConstraints { Fixed = new Dictionary<string, double> { ["E"] = 1.5 } },
            "tie" => new ParameterConstraints { Ties = [new ParameterTie("beta", "alpha")] },
            _ => new ParameterConstraints { Bounds = bound },
        };
        IScalingLaw law = kind == "formula-bound" ? FormulaLaw.Create("E + A/N^alpha + B/D^beta", runs.TextColumnNames) : ChinchillaLaw.Instance;
        var spec = new LawSpec(law) { Constraints = constraints };
        var exhaustive = NonlinearFitter.Fit(runs, spec, new NonlinearFitOptions { Search = StartSearch.Exhaustive });
        var screened = NonlinearFitter.Fit(runs, spec, new NonlinearFitOptions { Search = StartSearch.Screened });
        Assert.Contains("screened", screened.Convergence.Method);
        Assert.DoesNotContain("screened", exhaustive.Convergence.Method);
        AssertSameOptimum(exhaustive.Statistics.Objective, screened.Statistics.Objective, $"{kind} on {rows} runs");
        if (kind.EndsWith("bound", StringComparison.Ordinal)) Assert.Equal(exhaustive["alpha"].AtBound, screened["alpha"].AtBound);
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
        var one = Search(Problem(law, data), StartSearch.Screened, threads: 1);
        foreach (int threads in new[] { 2, 4 })
        {
            var other = Search(Problem(law, data), StartSearch.Screened, threads);
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
        var reports = new List<(int Done, int Total)>();
        Search(Problem(law, FitData.From(runs, law.Inputs)), StartSearch.Screened, threads: 2, progress: (done, total) => reports.Add((done, total)));
        Assert.Equal(Enumerable.Range(1, 3).Select(b => (Math.Min(150, 64 * b), 150)), reports);
    }

    [Fact]
    public void Progress_OnMoreRunsThanTheScreen_CountsTheRestartsAmongTheStarts()
    {
        // 20,000 runs: the 150 starts on the screen, then restarts on 8,192 runs and on all: a bar that reaches its end when the search does.
        var data = SeveralOptima.FirstInput(SeveralOptima.Data("plain", 20000, 1));
        var reports = new List<(int Done, int Total)>();
        var search = Search(Problem(new SaturatingLaw(Quantity.ParameterCount), data), StartSearch.Screened, progress: (done, total) => reports.Add((done, total)));
        Assert.Equal([8192, 20000], search.Screening!.LevelRows);
        int total = reports[0].Total;
        Assert.True(total > 150, $"{total}");
        Assert.All(reports, r => Assert.Equal(total, r.Total));
        Assert.Equal(reports.Select(r => r.Done).Order(), reports.Select(r => r.Done));
        Assert.Equal(total, reports[^1].Done);
        Assert.Contains((150, total), reports);
    }
}

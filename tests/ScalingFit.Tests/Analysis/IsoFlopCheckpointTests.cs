using System.Globalization;
using System.Text;
using ScalingFit.Analysis;
using ScalingFit.Data;

namespace ScalingFit.Tests.Analysis;

/// <summary>
/// IsoFLOP on checkpoint data (issue 11, item 2): one point per run per budget, and the intermediate
/// checkpoints said with their numbers. The loss is Hoffmann et al.'s exact surface
/// L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28, so the frontier's exponent is a = β/(α+β) in closed form.
/// </summary>
public class IsoFlopCheckpointTests
{
    private const double A = 0.28 / 0.62;

    private static double Loss(double n, double d) => 1.69 + 406.4 / Math.Pow(n, 0.34) + 410.7 / Math.Pow(d, 0.28);

    /// <summary>12 sizes × 2 seeds, each run logging 80 checkpoints spaced 4% apart in compute up to <paramref name="end"/>(N).</summary>
    private static RunSet Checkpoints(Func<double, double> end)
    {
        var csv = new StringBuilder("run,step,N,D,loss\n");
        for (int s = 0; s < 12; s++)
        {
            double n = 3e7 * Math.Pow(10, s * 2.0 / 11);
            for (int seed = 0; seed < 2; seed++)
            {
                double cEnd = end(n);
                var computes = Enumerable.Range(0, 80).Select(k => cEnd / Math.Pow(1.04, 79 - k));
                int step = 0;
                foreach (double c in computes)
                {
                    double d = c / (6 * n);
                    csv.Append(CultureInfo.InvariantCulture, $"r{s}-{seed},{++step},{n:R},{d:R},{Loss(n, d) * (1 + 0.001 * seed):R}\n");
                }
            }
        }
        return RunPreparation.Prepare(CsvRunReader.Parse(csv.ToString(), "checkpoints.csv"), RunSelection.None);
    }

    [Fact]
    public void CheckpointsOfRunsOfEqualLength_OnePointPerRunPerBudget_AndTheLawsExponent()
    {
        var runs = Checkpoints(_ => 3e20);
        Assert.Equal(24, runs.Clusters!.Count);
        var result = IsoFlop.Analyze(runs, new IsoFlopOptions { BudgetTolerance = 0.1, Window = 5 });
        foreach (var budget in result.Budgets)
            Assert.Equal(budget.Rows.Count, budget.Rows.Select(runs.Clusters.Of).Distinct().Count());
        // Windows a factor 1.1 wide hold up to 3 checkpoints of each run: without the rule a run would weigh up to 3 times.
        var aside = System.Text.RegularExpressions.Regex.Match(result.Grouping, @"(\d+) other checkpoints of the same runs set aside");
        Assert.True(aside.Success && int.Parse(aside.Groups[1].Value, CultureInfo.InvariantCulture) > 0, result.Grouping);
        Assert.Contains("one checkpoint per run in each budget", result.Grouping);
        Assert.Equal(A, result.ParameterExponent.Value, 1.5e-2);
        var w = Assert.Single(result.Warnings, w => w.Contains("intermediate checkpoints"));
        int points = result.Budgets.Where(b => b.Used).Sum(b => b.Rows.Count);
        Assert.Contains($"of the {points} points of the budgets used", w);
        int used = result.Budgets.Count(b => b.Used);
        var shared = Assert.Single(result.Warnings, w => w.Contains("are built from the same 24 runs"));
        Assert.Contains($"the {used} budgets used", shared);
    }

    [Fact]
    public void RunsEndingAtTheBudgets_NoIntermediateCheckpointWarning()
    {
        // Each size trained to each of three budgets; the three smallest runs of each also log a checkpoint at a 30th of it, in bins
        // of 3 sizes that no budget uses.
        var csv = new StringBuilder("run,step,N,D,loss\n");
        foreach (double c in new[] { 1e19, 1e20, 1e21 })
            for (int s = 0; s < 7; s++)
            {
                double n = Math.Pow(c / 6, A) * 0.6 * Math.Pow(2, s * 0.5 - 1);
                foreach (var (step, cc) in s < 3 ? new[] { (1, c / 30), (2, c) } : [(2, c)])
                    csv.Append(CultureInfo.InvariantCulture, $"r{s}-{c:R},{step},{n:R},{cc / (6 * n):R},{Loss(n, cc / (6 * n)):R}\n");
            }
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(csv.ToString(), "ends.csv"), RunSelection.None);
        Assert.Equal(21, runs.Clusters!.Count);
        Assert.Equal(30, runs.Count);
        var result = IsoFlop.Analyze(runs, new IsoFlopOptions { BudgetTolerance = 0.01 });
        Assert.Equal(3, result.Budgets.Count(b => b.Used));
        Assert.DoesNotContain(result.Warnings, w => w.Contains("intermediate checkpoints"));
        Assert.DoesNotContain(result.Warnings, w => w.Contains("built from the same"));
        Assert.Contains("one checkpoint per run in each budget", result.Grouping);
    }

    [Fact]
    public void RowsAsIndependentRuns_NoOnePerRunRule()
    {
        var csv = "N,D,loss\n" + string.Concat(new[] { 1e8, 2e8, 4e8, 8e8, 1.6e9 }.SelectMany(n => new[] { 1e19, 1e20, 1e21 }.Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{n:R},{c / (6 * n):R},{Loss(n, c / (6 * n)):R}\n"))));
        var result = IsoFlop.Analyze(RunPreparation.Prepare(CsvRunReader.Parse(csv, "runs.csv"), RunSelection.None), new IsoFlopOptions { BudgetTolerance = 0.01 });
        Assert.DoesNotContain("one checkpoint per run", result.Grouping);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("intermediate checkpoints"));
    }

    [Fact]
    public void Bootstrap_OfWholeRuns_CoversTheLawsExponentWhereTheBudgetsSharedRunsMakeTheTIntervalTooNarrow()
    {
        // samples/isoflop-checkpoints.csv: 24 runs from a law with a = 0.4516, every checkpoint kept (samples/README.md).
        var runs = RunPreparation.Prepare(RunReader.ReadPath(Path.Combine(Support.Repo.Root, "samples", "isoflop-checkpoints.csv")), RunSelection.None);
        var result = IsoFlop.Analyze(runs, new IsoFlopOptions { Bootstrap = 200, Budgets = [1e21] });
        var boot = result.Bootstrap!;
        Assert.Equal("24 runs named by run", boot.Units);
        Assert.True(boot.ParameterExponent.Lower <= A && A <= boot.ParameterExponent.Upper, $"{boot.ParameterExponent} misses {A}");
        Assert.True(boot.ParameterExponent.Width > 2 * result.ParameterExponent.Ci95.Width,
            $"bootstrap {boot.ParameterExponent} against t {result.ParameterExponent.Ci95}");
        Assert.Single(boot.ParameterCounts);
        // The same seed draws the same resamples.
        var again = IsoFlop.Analyze(runs, new IsoFlopOptions { Bootstrap = 200, Budgets = [1e21] }).Bootstrap!;
        Assert.Equal(boot.ParameterExponent, again.ParameterExponent);
    }

    [Fact]
    public void Bootstrap_RowsAsRuns_ResamplesRows()
    {
        var csv = "N,D,loss\n" + string.Concat(Enumerable.Range(0, 9).Select(i => 1e8 * Math.Pow(2, i)).SelectMany(n => new[] { 1e19, 1e20, 1e21, 1e22, 1e23 }.Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{n:R},{c / (6 * n):R},{Loss(n, c / (6 * n)):R}\n"))));
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(csv, "runs.csv"), RunSelection.None);
        var boot = IsoFlop.Analyze(runs, new IsoFlopOptions { BudgetTolerance = 0.01, Bootstrap = 100 }).Bootstrap!;
        Assert.Equal("45 rows", boot.Units);
        Assert.Equal(100, boot.Resamples);
    }
}

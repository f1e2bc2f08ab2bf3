using System.Globalization;
using System.Text;
using ScalingFit.Data;

namespace ScalingFit.Tests.Data;

/// <summary>
/// Checkpoints kept without naming the runs (issue 11, item 1): the runs are found from the step
/// column and clustered by default. Each table is built here from runs we know, so the truth is the
/// run each row was written for.
/// </summary>
public class CheckpointRunsTests
{
    private static RunSet Prepare(string csv, RunSelection? selection = null) =>
        RunPreparation.Prepare(CsvRunReader.Parse(csv, "runs.csv"), selection ?? RunSelection.None);

    /// <summary>Runs of <paramref name="sizes"/> × <paramref name="seeds"/>, 5 checkpoints each, with the run each row belongs to.</summary>
    private static (string Csv, List<string> RunOfRow) Log(int sizes, int seeds, bool seedColumn, bool timeColumn = false)
    {
        var csv = new StringBuilder("step,params,tokens,loss" + (seedColumn ? ",seed" : "") + (timeColumn ? ",time" : "") + "\n");
        var runOf = new List<string>();
        int row = 0;
        for (int s = 0; s < sizes; s++)
            for (int seed = 0; seed < seeds; seed++)
                for (int step = 1; step <= 5; step++)
                {
                    double n = 1e7 * Math.Pow(3, s), d = step * 2e8;
                    csv.Append(CultureInfo.InvariantCulture, $"{step * 100},{n:R},{d:R},{2 + 400 / Math.Pow(n, 0.34) + 410 / Math.Pow(d, 0.28) + 0.01 * seed:R}");
                    if (seedColumn) csv.Append(CultureInfo.InvariantCulture, $",{seed + 1}");
                    if (timeColumn) csv.Append(CultureInfo.InvariantCulture, $",{row * 17.5:R}");
                    csv.Append('\n');
                    runOf.Add($"{s}/{seed}");
                    row++;
                }
        return (csv.ToString(), runOf);
    }

    /// <summary>Whether two partitions of the rows are the same (the cluster ids may be numbered differently).</summary>
    private static void AssertSamePartition(List<string> truth, RunClusters clusters)
    {
        Assert.Equal(truth.Count, clusters.Rows);
        Assert.Equal(truth.Distinct().Count(), clusters.Count);
        for (int i = 0; i < truth.Count; i++)
            for (int j = i + 1; j < truth.Count; j++)
                Assert.Equal(truth[i] == truth[j], clusters.Of(i) == clusters.Of(j));
    }

    [Fact]
    public void Prepare_CheckpointsOfSeveralSeedsPerSize_ClustersByTheRunsTheSeedColumnNames()
    {
        var (csv, truth) = Log(sizes: 4, seeds: 3, seedColumn: true);
        var runs = Prepare(csv);
        AssertSamePartition(truth, runs.Clusters!);
        Assert.Equal(["params", "seed"], runs.Clusters!.Columns);
        var w = Assert.Single(runs.Warnings, w => w.Code == DataWarning.CheckpointsAsRuns);
        Assert.Contains("checkpoints of 12 runs, not 60 independent runs", w.Message);
        Assert.Contains("the intervals count 12 runs", w.Message);
        Assert.Contains("--run-column params,seed --step-column step", w.Message);
        Assert.Contains(runs.Notes, n => n.Contains("checkpoints of 12 runs (named by params, seed: no step repeats within one)"));
        // The seed column names runs: it does not split a population.
        Assert.DoesNotContain(runs.Warnings, w => w.Code == DataWarning.PooledRuns);
    }

    [Fact]
    public void Prepare_OneRunPerSize_ClustersBySize()
    {
        var (csv, truth) = Log(sizes: 5, seeds: 1, seedColumn: false);
        var runs = Prepare(csv);
        AssertSamePartition(truth, runs.Clusters!);
        Assert.Equal(["params"], runs.Clusters!.Columns);
    }

    [Fact]
    public void Prepare_SeedsNoColumnTellsApart_ClustersBySizeAndSaysTheClustersMayJoinRuns()
    {
        // A time column differs on every row: it does not name runs, so the clusters fall back to the sizes (coarser than the runs).
        var (csv, truth) = Log(sizes: 4, seeds: 2, seedColumn: false, timeColumn: true);
        var runs = Prepare(csv);
        var bySize = truth.Select(t => t.Split('/')[0]).ToList();
        AssertSamePartition(bySize, runs.Clusters!);
        Assert.Contains(runs.Notes, n => n.Contains("steps repeat there, but no column tells the runs of one value apart"));
    }

    [Fact]
    public void Prepare_ResampleByRows_KeepsRowsIndependentAndSaysTheIntervalsAreTooNarrow()
    {
        var (csv, _) = Log(sizes: 4, seeds: 2, seedColumn: true);
        var runs = Prepare(csv, new RunSelection { ResampleBy = [] });
        Assert.Null(runs.Clusters);
        var w = Assert.Single(runs.Warnings, w => w.Code == DataWarning.CheckpointsAsRuns);
        Assert.Contains("treated as independent rows as asked, the intervals are too narrow", w.Message);
    }

    [Fact]
    public void Prepare_RunsNamed_NoDefaultClusters()
    {
        var (csv, _) = Log(sizes: 4, seeds: 2, seedColumn: true);
        var last = Prepare(csv, new RunSelection { RunColumns = ["params", "seed"], StepColumn = "step" });
        Assert.Null(last.Clusters);
        Assert.Equal(8, last.Count);
        Assert.DoesNotContain(last.Warnings, w => w.Code == DataWarning.CheckpointsAsRuns);
    }

    [Fact]
    public void Prepare_DefaultClusters_EqualTheClustersOfNamingTheRunsAndKeepingEveryCheckpoint()
    {
        var (csv, _) = Log(sizes: 4, seeds: 3, seedColumn: true);
        var found = Prepare(csv).Clusters!;
        var named = Prepare(csv, new RunSelection { RunColumns = ["params", "seed"], Checkpoint = CheckpointChoice.All }).Clusters!;
        Assert.Equal(Enumerable.Range(0, named.Rows).Select(named.Of), Enumerable.Range(0, found.Rows).Select(found.Of));
    }

    [Fact]
    public void Prepare_RunsTableWithAStep_IsNotClustered()
    {
        var runs = Prepare("Name,_step,params,eval/loss\nrun-a,1000,1e8,3.1\nrun-b,1000,1e8,3.12\nrun-c,2000,4e8,2.8\nrun-d,3000,1.6e9,2.5\n");
        Assert.Null(runs.Clusters);
    }

    [Fact]
    public void Prepare_OneRunsCurve_SaysItIsOneRunNotToKeepOneRowPerRun()
    {
        var (csv, _) = Log(sizes: 1, seeds: 1, seedColumn: false);
        var runs = Prepare(csv);
        Assert.Equal(1, runs.Clusters!.Count);
        var w = Assert.Single(runs.Warnings, w => w.Code == DataWarning.CheckpointsAsRuns);
        Assert.Contains("the checkpoints of one run (one value of params), not 5 independent runs", w.Message);
        Assert.DoesNotContain("keep one row per run", w.Message);
    }
}

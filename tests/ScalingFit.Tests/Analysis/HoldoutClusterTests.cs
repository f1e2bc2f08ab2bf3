using System.Globalization;
using System.Text;
using ScalingFit.Analysis;
using ScalingFit.Data;

namespace ScalingFit.Tests.Analysis;

/// <summary>
/// Backtests on checkpoint data (issue 11): a run with a checkpoint held out is held out whole, so the law
/// is judged on runs it never saw. The runs are written here, each with a known set of rows.
/// </summary>
public class HoldoutClusterTests
{
    /// <summary>Six sizes × two seeds, five checkpoints each (D = 4N·step), from a Chinchilla surface.</summary>
    private static RunSet Checkpoints(bool named)
    {
        var csv = new StringBuilder("seed,step,N,D,loss\n");
        for (int s = 0; s < 6; s++)
            for (int seed = 1; seed <= 2; seed++)
                for (int step = 1; step <= 5; step++)
                {
                    double n = 2e7 * Math.Pow(2, s), d = 4 * n * step;
                    csv.Append(CultureInfo.InvariantCulture, $"{seed},{step},{n:R},{d:R},{1.69 + 406.4 / Math.Pow(n, 0.34) + 410.7 / Math.Pow(d, 0.28):R}\n");
                }
        var selection = named ? RunSelection.None : new RunSelection { ResampleBy = [] };
        return RunPreparation.Prepare(CsvRunReader.Parse(csv.ToString(), "ck.csv"), selection);
    }

    [Fact]
    public void Split_Checkpoints_HoldsOutWholeRuns()
    {
        var runs = Checkpoints(named: true);
        Assert.Equal(12, runs.Clusters!.Count);
        var split = Holdout.LargestCompute(0.2).Split(runs);
        var compute = runs.Values(Quantity.Compute).ToArray();
        double cut = split.HeldOutRows.Min(i => compute[i]);
        var heldRuns = split.HeldOutRows.Select(runs.Clusters.Of).ToHashSet();
        // Every row of a held-out run is either held out (above the cut) or set aside; no fitted row belongs to one.
        var fitted = Enumerable.Range(0, runs.Count).Where(i => compute[i] < cut && !heldRuns.Contains(runs.Clusters.Of(i))).ToList();
        Assert.Equal(fitted.Count, split.Training.Count);
        Assert.Equal(fitted.Select(i => runs.Value(Quantity.Loss, i)), Enumerable.Range(0, split.Training.Count).Select(i => split.Training.Value(Quantity.Loss, i)));
        int aside = runs.Count - split.HeldOutRows.Count - fitted.Count;
        Assert.True(aside > 0);
        Assert.Contains($"{aside} earlier checkpoints of the {heldRuns.Count} held-out runs set aside", split.Description);
    }

    [Fact]
    public void Split_RowsAsRuns_FitsEveryRowBelowTheCut()
    {
        var runs = Checkpoints(named: false);
        Assert.Null(runs.Clusters);
        var split = Holdout.LargestCompute(0.2).Split(runs);
        Assert.Equal(runs.Count - split.HeldOutRows.Count, split.Training.Count);
        Assert.DoesNotContain("set aside", split.Description);
    }
}

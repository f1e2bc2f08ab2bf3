using ScalingFit.Data;

namespace ScalingFit.Tests.Data;

/// <summary>Splitting runs by a column's values, as pandas' groupby does (dropna, numbers by value), each group's checks redone.</summary>
public class RunGroupsTests
{
    private static RunSet Prepare(string csv) => RunPreparation.Prepare(CsvRunReader.Parse(csv, "runs.csv"), RunSelection.None);

    private const string TwoConfigs =
        "config,lr,N,loss\nbig,1e-3,1e7,3.4\nsmall,0.003,1e7,5.2\nbig,0.001,1e8,2.9\nsmall,3e-3,1e8,3.9\nbig,0.001,1e9,2.4\nsmall,0.003,1e9,2.9\n";

    [Fact]
    public void Split_TextColumn_GroupsInOrderOfFirstAppearanceWithTheirRows()
    {
        var groups = RunGroups.Split(Prepare(TwoConfigs), ["config"]);
        Assert.Equal(["big", "small"], groups.Groups.Select(g => g.Label));
        Assert.Equal([3.4, 2.9, 2.4], groups.Groups[0].Runs.Values(Quantity.Loss).ToArray());
        Assert.Equal([5.2, 3.9, 2.9], groups.Groups[1].Runs.Values(Quantity.Loss).ToArray());
        Assert.Equal("config = big", groups.Groups[0].Name);
    }

    [Fact]
    public void Split_NumericColumn_GroupsByValueInIncreasingOrder()
    {
        // 1e-3 and 0.001 are one learning rate; 3e-3 and 0.003 another; the label is the first cell as written.
        var groups = RunGroups.Split(Prepare(TwoConfigs), ["lr"]);
        Assert.Equal(2, groups.Groups.Count);
        Assert.Equal(["1e-3", "0.003"], groups.Groups.Select(g => g.Label));
        Assert.Equal([3, 3], groups.Groups.Select(g => g.Runs.Count));
    }

    [Fact]
    public void Split_TwoColumns_GroupsByTheirCombination()
    {
        var groups = RunGroups.Split(Prepare("a,b,N,loss\nx,1,1e7,3\nx,2,1e7,3\ny,1,1e7,3\nx,1,1e8,2\n"), ["a", "b"]);
        Assert.Equal(["a=x, b=1", "a=x, b=2", "a=y, b=1"], groups.Groups.Select(g => g.Label));
        Assert.Equal([2, 1, 1], groups.Groups.Select(g => g.Runs.Count));
    }

    [Fact]
    public void Split_EmptyCell_LeavesTheRunOutAndSaysSo()
    {
        var groups = RunGroups.Split(Prepare("config,N,loss\na,1e7,3\n,1e8,2\nb,1e9,1.5\n"), ["config"]);
        Assert.Equal(1, groups.Ungrouped);
        Assert.Equal(2, groups.Groups.Sum(g => g.Runs.Count));
        Assert.Contains(groups.Notes, n => n.Contains("1 run has no value of 'config'"));
    }

    [Fact]
    public void Split_ColumnWithOneValue_MakesOneGroupAndSaysSo()
    {
        var groups = RunGroups.Split(Prepare("config,N,loss\na,1e7,3\na,1e8,2\n"), ["config"]);
        Assert.Single(groups.Groups);
        Assert.Contains(groups.Notes, n => n.Contains("'config' has one value (a)"));
    }

    [Fact]
    public void Split_UnknownColumn_ThrowsNamingItAndTheColumns()
    {
        var e = Assert.Throws<OptionException>(() => RunGroups.Split(Prepare(TwoConfigs), ["confg"]));
        Assert.Equal("RunGroups.Columns", e.Parameter);
        Assert.Contains("'confg'", e.Message);
        Assert.Contains("config", e.Message);
    }

    [Fact]
    public void Split_PooledColumn_WarningDroppedInsideEachGroupAndCheckpointsReckonedPerGroup()
    {
        // Both configs share the sizes (1e7, 1e8, 1e9) with D fixed: pooled, the (N, D) pairs repeat; inside a group they do not.
        var runs = Prepare("config,N,D,loss\n" + string.Join("\n",
            new[] { "a", "b" }.SelectMany(c => new[] { 1e7, 1e8, 1e9 }.Select(n => $"{c},{n},1e10,{(c == "a" ? 3 : 4) - Math.Log10(n) / 10}"))) + "\n");
        Assert.Contains(runs.Warnings, w => w.Code == DataWarning.PooledRuns && w.Message.Contains("--group-by config"));
        Assert.Contains(runs.Warnings, w => w.Code == DataWarning.CheckpointsAsRuns);
        foreach (var group in RunGroups.Split(runs, ["config"]).Groups)
        {
            Assert.DoesNotContain(group.Runs.Warnings, w => w.Code == DataWarning.PooledRuns);
            Assert.DoesNotContain(group.Runs.Warnings, w => w.Code == DataWarning.CheckpointsAsRuns);
        }
    }
}

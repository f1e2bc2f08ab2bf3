using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// Checkpoints read without --run-column, through the CLI as shipped (issue 11, item 1). The truth is
/// the sample's own runs: samples/training-log.csv holds 12 runs (six models × two seeds, README of
/// samples/), and naming them explicitly with --run-column model,seed --select all is the reference.
/// </summary>
public class CheckpointClusterCommandTests
{
    private const string Log = "samples/training-log.csv";

    private static JsonElement Fit(params string[] extra)
    {
        var run = ShippedCli.Run(Repo.Root, ["fit", Log, "--json", .. extra]);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    [Fact]
    public void Fit_CheckpointsWithoutRunColumn_IntervalsCountTheRunsAsNamingThemDoes()
    {
        var found = Fit();
        var named = Fit("--run-column", "model,seed", "--select", "all");
        int runs = File.ReadLines(Path.Combine(Repo.Root, Log)).Skip(1).Select(l => string.Join(',', l.Split(',')[..2])).Distinct().Count();
        Assert.Equal(runs, found.GetProperty("runs").GetInt32());
        Assert.Equal(runs - 1, found.GetProperty("intervalDegreesOfFreedom").GetInt32());
        foreach (var p in named.GetProperty("standardErrors").EnumerateObject())
            Assert.Equal(p.Value.GetDouble(), found.GetProperty("standardErrors").GetProperty(p.Name).GetDouble(), 12);
    }

    [Fact]
    public void Fit_ResampleByRows_TreatsRowsAsIndependentAndSaysSo()
    {
        var rows = Fit("--resample-by", "rows");
        Assert.Equal(118, rows.GetProperty("intervalDegreesOfFreedom").GetInt32());
        Assert.Contains("treated as independent rows as asked", rows.GetRawText());
    }

    [Fact]
    public void IsoFlop_BootstrapJson_IsTheLibrarysBootstrap()
    {
        var run = ShippedCli.Run(Repo.Root, "isoflop", "samples/isoflop-checkpoints.csv", "--bootstrap", "60", "--seed", "7", "--compute", "1e21", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var boot = JsonDocument.Parse(run.Out).RootElement.GetProperty("bootstrap");
        var runs = ScalingFit.Data.RunPreparation.Prepare(ScalingFit.Data.RunReader.ReadPath(Path.Combine(Repo.Root, "samples", "isoflop-checkpoints.csv")),
            ScalingFit.Data.RunSelection.None);
        var expected = ScalingFit.Analysis.IsoFlop.Analyze(runs, new ScalingFit.Analysis.IsoFlopOptions { Bootstrap = 60, Seed = 7, Budgets = [1e21] }).Bootstrap!;
        Assert.Equal(60, boot.GetProperty("resamples").GetInt32());
        Assert.Equal(expected.ParameterExponent.Lower, boot.GetProperty("a")[0].GetDouble(), 12);
        Assert.Equal(expected.ParameterExponent.Upper, boot.GetProperty("a")[1].GetDouble(), 12);
        Assert.Equal(expected.ParameterCounts[0].Upper, boot.GetProperty("allocations")[0].GetProperty("nOptCi95")[1].GetDouble(), 3);
    }

    [Theory]
    [InlineData("-1", "--bootstrap: the bootstrap resamples must be at least 0, got -1")]
    [InlineData("1.5", "--bootstrap expects a whole number")]
    public void IsoFlop_BadBootstrapCount_IsAUsageErrorNamingTheFlag(string count, string message)
    {
        var run = ShippedCli.Run(Repo.Root, "isoflop", "samples/isoflop-checkpoints.csv", "--bootstrap", count);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Fit_ResampleByAColumnTheLogLacks_IsADataErrorListingTheColumns()
    {
        var run = ShippedCli.Run(Repo.Root, "fit", Log, "--resample-by", "nosuch");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("there is no column 'nosuch'; the columns are: 'model', 'seed', 'step'", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }
}

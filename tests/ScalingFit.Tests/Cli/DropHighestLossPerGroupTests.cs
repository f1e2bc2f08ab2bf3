using System.Globalization;
using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>--drop-highest-loss K with --group-by drops the K highest losses of each group, not of all the runs.</summary>
public class DropHighestLossPerGroupTests
{
    // Two groups of 8 sizes from two power laws; group b's losses are all higher than group a's at the same N.
    private static readonly (string Group, double N, double Loss)[] Rows = Enumerable.Range(0, 16).Select(i =>
    {
        string g = i < 8 ? "a" : "b";
        double n = 1e6 * Math.Pow(10, (i % 8) / 2.5);
        double loss = g == "a" ? Math.Pow(8.8e13 / n, 0.076) : Math.Pow(1e13 / n, 0.1);
        return (g, n, loss * (1 + 0.004 * Math.Sin(7 * i)));
    }).ToArray();

    private static string Csv(IEnumerable<(string Group, double N, double Loss)> rows) =>
        "g,N,loss\n" + string.Concat(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Group},{r.N:R},{r.Loss:R}\n")));

    [Fact]
    public void Shipped_GroupBy_DropsTheKHighestOfEachGroup_AsFittingEachGroupAloneWould()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("runs.csv"), Csv(Rows));
        var run = ShippedCli.Run(folder.Path, "fit", "runs.csv", "--group-by", "g", "--drop-highest-loss", "2", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var groups = JsonDocument.Parse(run.Out).RootElement.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal([6, 6], groups.Select(g => g.GetProperty("runs").GetInt32()));
        foreach (var label in new[] { "a", "b" })
        {
            // The truth: the group's rows alone, its 2 highest losses removed by hand, fitted without any dropping.
            var own = Rows.Where(r => r.Group == label).OrderByDescending(r => r.Loss).Skip(2);
            File.WriteAllText(folder.File($"{label}.csv"), Csv(own));
            var alone = ShippedCli.Run(folder.Path, "fit", $"{label}.csv", "--json");
            Assert.True(alone.ExitCode == 0, alone.Error);
            double expected = JsonDocument.Parse(alone.Out).RootElement.GetProperty("parameters").GetProperty("alpha").GetDouble();
            double grouped = groups.Single(g => g.GetProperty("label").GetString() == label)
                .GetProperty("result").GetProperty("parameters").GetProperty("alpha").GetDouble();
            Assert.Equal(expected, grouped, 12);
        }
    }

    [Fact]
    public void GroupBy_GroupOfKRunsOrFewer_IsLeftOutAndSaidSo()
    {
        using var data = new TempFile(Csv(Rows.Where(r => r.Group == "a").Concat(Rows.Where(r => r.Group == "b").Take(3))));
        var run = CliRun.Of("fit", data.Path, "--group-by", "g", "--drop-highest-loss", "3", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var root = run.Json;
        Assert.Equal("a", Assert.Single(root.GetProperty("groups").EnumerateArray().ToList()).GetProperty("label").GetString());
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("group b is left out: it has 3 runs", StringComparison.Ordinal));
    }

    [Fact]
    public void GroupBy_EveryGroupTooSmall_UsageError()
    {
        using var data = new TempFile(Csv(Rows));
        var run = CliRun.Of("fit", data.Path, "--group-by", "g", "--drop-highest-loss", "8");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--drop-highest-loss 8 leaves no group with runs", run.Error);
    }

    [Fact]
    public void WithoutGroupBy_DropsTheKHighestOfAllRuns()
    {
        using var data = new TempFile(Csv(Rows));
        var run = CliRun.Of("fit", data.Path, "--drop-highest-loss", "2", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(14, run.Json.GetProperty("data").GetProperty("runs").GetInt32());
    }
}

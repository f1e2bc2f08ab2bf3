using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>isoflop --vertex through the CLI as shipped, on the sample whose hoffmann experiment comes from a = 0.4516 (samples/README.md).</summary>
public class IsoFlopAkimaCommandTests
{
    private static readonly string Sample = Path.Combine(Repo.Root, "samples", "isoflop-runs.csv");

    [Fact]
    public void IsoFlop_VertexAkima_RecoversTheGeneratingExponentWithinItsInterval_AndSaysItsMethod()
    {
        var run = ShippedCli.Run(Repo.Root, "isoflop", Sample, "--where", "experiment=hoffmann", "--group-column", "isoflop", "--vertex", "akima", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("akima", root.GetProperty("vertex").GetString());
        var ci = root.GetProperty("ci95").GetProperty("a");
        Assert.InRange(0.4516, ci[0].GetDouble(), ci[1].GetDouble());
        Assert.InRange(root.GetProperty("a").GetDouble(), 0.4516 - 0.1, 0.4516 + 0.1);
        foreach (var budget in root.GetProperty("budgets").EnumerateArray())
            Assert.Equal(JsonValueKind.Null, budget.GetProperty("nOptCi95")[0].ValueKind);

        var text = ShippedCli.Run(Repo.Root, "isoflop", Sample, "--where", "experiment=hoffmann", "--group-column", "isoflop", "--vertex", "akima");
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("Akima spline", text.Out);
        Assert.Contains("n/a", text.Out);

        var parabola = ShippedCli.Run(Repo.Root, "isoflop", Sample, "--where", "experiment=hoffmann", "--group-column", "isoflop", "--json");
        Assert.Equal("parabola", JsonDocument.Parse(parabola.Out).RootElement.GetProperty("vertex").GetString());
    }

    [Fact]
    public void IsoFlop_UnknownVertex_ExitsTwoNamingTheChoices()
    {
        var run = ShippedCli.Run(Repo.Root, "isoflop", Sample, "--vertex", "cubic");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cubic", run.Error);
        Assert.Contains("akima", run.Error);
        Assert.Contains("parabola", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>plot --kind isoflop|residuals --group-by: one colour per group; the kinds that cannot group say why.</summary>
public class PlotGroupByKindsTests
{
    private static readonly string IsoFlopSample = Path.Combine(Repo.Root, "samples", "isoflop-runs.csv");

    // Okabe–Ito's first two colours, as plot --kind fit --group-by uses them.
    private const string Blue = "#0072B2", Vermillion = "#D55E00";

    [Fact]
    public void Shipped_IsoFlopByExperiment_EachGroupsExponentHoldsItsGeneratingValue()
    {
        // samples/isoflop-runs.csv: two experiments drawn from laws with a = 0.4516 (hoffmann) and 0.5139 (replication),
        // per samples/README.md; each group's interval in the legend must hold its own.
        using var folder = new TempFolder();
        var run = ShippedCli.Run(folder.Path, "plot", IsoFlopSample, "--kind", "isoflop", "--group-by", "experiment", "--group-column", "isoflop", "--out", "iso.svg");
        Assert.True(run.ExitCode == 0, run.Error);
        string svg = File.ReadAllText(folder.File("iso.svg"));
        Assert.Contains(Blue, svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Vermillion, svg, StringComparison.OrdinalIgnoreCase);
        foreach (var (group, truth) in new[] { ("hoffmann", 0.4516), ("replication", 0.5139) })
        {
            var m = Regex.Match(svg, $@"experiment = {group} \(81 runs, \d+ budgets\): a = [0-9.]+ \[([0-9.]+), ([0-9.]+)\]");
            Assert.True(m.Success, $"no legend entry for {group}");
            Assert.InRange(truth, double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Shipped_ResidualsByExperiment_ALawOfNAndD_OneColourPerGroup()
    {
        using var folder = new TempFolder();
        var run = ShippedCli.Run(folder.Path, "plot", IsoFlopSample, "--kind", "residuals", "--group-by", "experiment", "--law", "chinchilla", "--out", "res.svg");
        Assert.True(run.ExitCode == 0, run.Error);
        string svg = File.ReadAllText(folder.File("res.svg"));
        Assert.Contains(Blue, svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Vermillion, svg, StringComparison.OrdinalIgnoreCase);
        // Each group's residual s.d. in the legend is its own fit's, as `fit --group-by --json` gives it.
        var fit = ShippedCli.Run(folder.Path, "fit", IsoFlopSample, "--group-by", "experiment", "--law", "chinchilla", "--json");
        Assert.True(fit.ExitCode == 0, fit.Error);
        foreach (var g in System.Text.Json.JsonDocument.Parse(fit.Out).RootElement.GetProperty("groups").EnumerateArray())
        {
            double s = g.GetProperty("result").GetProperty("residualStd").GetDouble();
            Assert.Contains($"experiment = {g.GetProperty("label").GetString()} (81 runs): s = {NumberFormat.Significant(s, 3)}", svg);
        }
    }

    [Fact]
    public void Shipped_FitByExperiment_ChinchillaDrawnAgainstCompute_EachGroupsAFromItsOwnFit()
    {
        using var folder = new TempFolder();
        var run = ShippedCli.Run(folder.Path, "plot", IsoFlopSample, "--group-by", "experiment", "--law", "chinchilla", "--out", "fit.svg");
        Assert.True(run.ExitCode == 0, run.Error);
        string svg = File.ReadAllText(folder.File("fit.svg"));
        Assert.Contains("training compute C (FLOP), log scale", svg);
        // a = β/(α+β) (Hoffmann et al. 2022, Eq. 4), from each group's own fitted exponents.
        var fit = ShippedCli.Run(folder.Path, "fit", IsoFlopSample, "--group-by", "experiment", "--law", "chinchilla", "--json");
        Assert.True(fit.ExitCode == 0, fit.Error);
        foreach (var g in System.Text.Json.JsonDocument.Parse(fit.Out).RootElement.GetProperty("groups").EnumerateArray())
        {
            var p = g.GetProperty("result").GetProperty("parameters");
            double alpha = p.GetProperty("alpha").GetDouble(), beta = p.GetProperty("beta").GetDouble();
            Assert.Contains($"experiment = {g.GetProperty("label").GetString()} (81 runs): a = {NumberFormat.Significant(beta / (alpha + beta), 3)}", svg);
        }
    }

    [Theory]
    [InlineData("frontier", "`optimal --group-by`"), InlineData("backtest", "`compare --group-by`")]
    public void Shipped_KindsThatCannotGroup_SayWhy(string kind, string instead)
    {
        using var folder = new TempFolder();
        var run = ShippedCli.Run(folder.Path, "plot", IsoFlopSample, "--kind", kind, "--group-by", "experiment", "--out", "x.png");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: --group-by draws the fit, residuals and isoflop figures, not the {kind} figure: ", run.Error);
        Assert.Contains(instead, run.Error);
        Assert.False(File.Exists(folder.File("x.png")));
    }
}

using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

public class ReportCommandErrorTests
{
    [Fact]
    public void Report_JsonAndPng_PathsAsJsonFiguresAsDataUris()
    {
        using var data = new TempFile(ReportData.Csv);
        using var folder = new TempFolder();
        var run = CliRun.Of("report", data.Path, "--out", folder.Path, "--laws", "power,joint", "--bootstrap", "0", "--figure-format", "png", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = run.Json;
        Assert.Equal(Path.Combine(folder.Path, "report.html"), json.GetProperty("html").GetString());
        Assert.Equal(Path.Combine(folder.Path, "report.md"), json.GetProperty("markdown").GetString());
        var figures = json.GetProperty("figures").EnumerateArray().Select(f => Path.GetFileName(f.GetString()!)).Order().ToList();
        Assert.Equal(["backtest.png", "fit-joint.png", "fit-power-n.png", "frontier.png", "isoflop.png", "residuals-joint.png"], figures);
        Assert.Equal("joint", json.GetProperty("bestLaw").GetString());
        Assert.Equal("no compute-optimal allocation: no law with a compute-optimal frontier (such as chinchilla or kaplan-nd) was among the laws compared.",
            Assert.Single(json.GetProperty("notes").EnumerateArray()).GetString());
        string html = File.ReadAllText(Path.Combine(folder.Path, "report.html"));
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Matches(html, "<img alt=\"[^\"]*\" src=\"data:image/png;base64,").Count);
        Assert.DoesNotContain("<svg", html);
        Assert.All(figures, f => Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], File.ReadAllBytes(Path.Combine(folder.Path, f))[..8]));
    }

    [Fact]
    public void Report_ThreeRuns_WritesTheFitAndSaysHowManyRunsTheBacktestNeeds()
    {
        // Three sizes: the largest 20% is ⌈0.6⌉ = 1 run held out, leaving 2 to fit, fewer than the power
        // law's 2 coefficients + 1. By hand, n − ⌈0.2n⌉ ≥ 3 first holds at n = 4. The fit to all 3 runs
        // (what `fit` does) is still reported, run through the CLI as shipped.
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("three.csv"), "N,loss\n1e6,4\n2e6,3\n4e6,2.6\n");
        var run = ShippedCli.Run(folder.Path, "report", "three.csv", "--out", "r", "--bootstrap", "0");
        Assert.True(run.ExitCode == 0, run.Error);
        string md = File.ReadAllText(Path.Combine(folder.Path, "r", "report.md"));
        Assert.Contains("the backtest needs at least 4 runs (3 to fit after holding out the largest 20.0%); three.csv has 3", md);
        Assert.Contains("## The law with the lowest AIC (none could be backtested): power (N)", md);
        Assert.Contains("saturating (N) could not be compared: The saturating law L = E + A·N^(−α) has 3 coefficients and needs at least 4 runs", md);
        Assert.Contains("no compute-optimal allocation", md);
        Assert.Contains("no IsoFLOP analysis", md);
        // The exponent is that of an OLS line through ln L against ln N, computed here on its own.
        double[] x = [Math.Log(1e6), Math.Log(2e6), Math.Log(4e6)], y = [Math.Log(4), Math.Log(3), Math.Log(2.6)];
        double slope = (x.Zip(y, (a, b) => (a - x.Average()) * (b - y.Average())).Sum()) / x.Sum(a => (a - x.Average()) * (a - x.Average()));
        var shown = System.Text.RegularExpressions.Regex.Match(md, @"\| alpha \(α\) \| ([0-9.]+) \|");
        Assert.True(shown.Success, md);
        Assert.Equal(-slope, double.Parse(shown.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 4);
    }

    [Fact]
    public void Report_SevenRunsChinchilla_BacktestNeedsEight_JsonSaysSo()
    {
        // chinchilla has 5 coefficients, so a fit needs 6 runs: 7 runs can be fitted, but holding out ⌈1.4⌉ = 2
        // leaves 5; n − ⌈0.2n⌉ ≥ 6 first holds at n = 8 (8 − 2).
        double[] p = ReportData.Hoffmann;
        var rows = new[] { (1e8, 2e9), (2e8, 1e9), (4e8, 8e9), (8e8, 4e9), (1.6e9, 3e10), (3e9, 1e10), (6e9, 1e11) }
            .Select(r => (r.Item1, r.Item2, p[0] + p[1] / Math.Pow(r.Item1, p[3]) + p[2] / Math.Pow(r.Item2, p[4])));
        using var data = new TempFile(Synthetic.Csv(rows));
        using var folder = new TempFolder();
        var run = CliRun.Of("compare", data.Path, "--laws", "chinchilla", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var law = Assert.Single(run.Json.GetProperty("laws").EnumerateArray().ToList());
        Assert.Equal(JsonValueKind.Null, law.GetProperty("backtest").ValueKind);
        Assert.StartsWith("the backtest needs at least 8 runs (6 to fit", law.GetProperty("backtestNote").GetString());
        Assert.True(law.GetProperty("aic").GetDouble() < 0);
    }

    [Fact]
    public void Report_TwoRuns_NothingFits_ExitsOne()
    {
        using var data = new TempFile("N,loss\n1e6,4\n2e6,3\n");
        using var folder = new TempFolder();
        var run = CliRun.Of("report", data.Path, "--out", Path.Combine(folder.Path, "r"), "--bootstrap", "0");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("power (N): The power law L = (N_c/N)^α has 2 coefficients and needs at least 3 runs", run.Error);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "r")));
    }

    [Fact]
    public void Report_SizesOnly_NotesForTheAllocationAndIsoFlopNotACrash()
    {
        using var data = new TempFile(ReportData.SizesOnlyCsv);
        using var folder = new TempFolder();
        var run = CliRun.Of("report", data.Path, "--out", folder.Path, "--bootstrap", "0");
        Assert.True(run.ExitCode == 0, run.Error);
        string md = File.ReadAllText(Path.Combine(folder.Path, "report.md"));
        Assert.Contains("no compute-optimal allocation: it needs a law of both N and D", md);
        Assert.Contains("no IsoFLOP analysis: it groups runs by compute budget C", md);
        Assert.False(File.Exists(Path.Combine(folder.Path, "frontier.svg")));
        Assert.False(File.Exists(Path.Combine(folder.Path, "isoflop.svg")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "backtest.svg")));
        Assert.Contains("the largest 20.0% of runs by size", md);
    }

    [Fact]
    public void Report_NoFile_TheBuiltInChinchillaRuns()
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("report", "--out", folder.Path, "--laws", "power,joint", "--bootstrap", "0");
        Assert.True(run.ExitCode == 0, run.Error);
        string md = File.ReadAllText(Path.Combine(folder.Path, "report.md"));
        Assert.StartsWith("# Scaling-law report: chinchilla.csv (built in)", md);
        // The replication's protocol for the built-in data: the 5 highest losses are dropped, and the report says so.
        Assert.Contains("chinchilla.csv (built in), 240 runs", md);
        Assert.Contains("--drop-highest-loss 0 keeps them", md);
        Assert.Contains("the built-in Chinchilla runs (data/chinchilla.csv", md);
        Assert.True(File.Exists(Path.Combine(folder.Path, "isoflop.svg")));
    }

    [Fact]
    public void Fit_BuiltInDataWithDropZero_KeepsAll245Runs()
    {
        Assert.Equal(245, CliRun.Of("fit", "--drop-highest-loss", "0", "--json").Json.GetProperty("n").GetInt32());
        Assert.Equal(240, CliRun.Of("fit", "--json").Json.GetProperty("n").GetInt32());
    }

    [Fact]
    public void Report_OutIsAFile_ExitsTwoWithoutWork()
    {
        using var file = new TempFile("not a folder", ".txt");
        var run = CliRun.Of("report", "--out", file.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--out '{file.Path}' is a file", run.Error);
        Assert.Equal("not a folder", File.ReadAllText(file.Path));
    }

    [Fact]
    public void Report_OutCannotBeMade_ExitsOne()
    {
        using var file = new TempFile("a file where a parent folder should be", ".txt");
        var run = CliRun.Of("report", "--out", Path.Combine(file.Path, "report"));
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: cannot write '{Path.Combine(file.Path, "report")}'", run.Error);
    }

    [Theory]
    [InlineData("--bootstrap", "-1", "--bootstrap must be 0 or more")]
    [InlineData("--x", "Q", "'Q' is not a quantity")]
    [InlineData("--laws", "power,cubic", "unknown law 'cubic'")]
    [InlineData("--holdout-fraction", "1.5", "--holdout-fraction: the fraction of runs held out must lie strictly between 0 and 1")]
    [InlineData("--figure-format", "jpg", "jpg")]
    public void Report_BadOption_ExitsTwoBeforeWriting(string option, string value, string message)
    {
        using var folder = new TempFolder();
        string out_ = Path.Combine(folder.Path, "never");
        var run = CliRun.Of("report", "--out", out_, option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(Directory.Exists(out_));
    }

    [Fact]
    public void Report_BadRunsFile_ExitsOne()
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("report", "/no/such/runs.csv", "--out", folder.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/no/such/runs.csv: cannot read the file", run.Error);
    }
}

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
    public void Report_ThreeRuns_SaysTheBacktestFitHadTwoRunsNotTheFile()
    {
        // Three sizes: the largest 20% is ceil(0.6) = 1 run held out, so each law's backtest is fitted to
        // the other 2, fewer than a power law (2 coefficients) needs. The message must count the 2 runs of
        // the backtest as such, not say that the file has 2 runs (it has 3).
        using var data = new TempFile("N,loss\n1e6,4\n2e6,3\n4e6,2.6\n");
        using var folder = new TempFolder();
        var run = CliRun.Of("report", data.Path, "--out", Path.Combine(folder.Path, "r"), "--bootstrap", "0");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("power (N): its backtest fit to the 2 of 3 runs outside the held-out set failed: ", run.Error);
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

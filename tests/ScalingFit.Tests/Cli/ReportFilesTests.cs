using System.Text.RegularExpressions;
using ScalingFit.Cli;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// The files of a report over time: a later report into the same folder replaces its own files
/// and nothing else; a report without a fitted law writes nothing and exits 1; the folder is made
/// only inside an existing one; the contents link to every section.
/// </summary>
public partial class ReportFilesTests
{
    [Fact]
    public void Report_Again_WithFewerLaws_RemovesOnlyTheFilesOfTheEarlierReport()
    {
        using var data = new TempFile(ReportData.Csv);
        using var folder = new TempFolder();
        var first = CliRun.Of("report", data.Path, "--out", folder.Path, "--laws", "power,saturating,joint", "--bootstrap", "0");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(File.Exists(folder.File("fit-saturating-n.svg")));
        // Files of the user's: one beside the report, one that the earlier report's manifest does not list.
        File.WriteAllText(folder.File("notes.txt"), "mine");
        File.WriteAllText(folder.File("fit-chinchilla.svg"), "mine too");

        var second = CliRun.Of("report", data.Path, "--out", folder.Path, "--laws", "power", "--bootstrap", "0");
        Assert.True(second.ExitCode == 0, second.Error);
        var files = Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["backtest.svg", "fit-chinchilla.svg", "fit-power-n.svg", "frontier.svg", "isoflop.svg", "notes.txt", "report-manifest.txt",
                      "report.html", "report.md", "residuals-power-n.svg"], files);
        Assert.Equal("mine too", File.ReadAllText(folder.File("fit-chinchilla.svg")));
        // What went is said, each file by name.
        foreach (string gone in new[] { "fit-saturating-n.svg", "fit-joint.svg", "residuals-joint.svg" })
            if (first.Out.Contains(gone, StringComparison.Ordinal))
                Assert.Contains($"note: removed {folder.File(gone)}", second.Error);
        var manifest = File.ReadAllLines(folder.File("report-manifest.txt")).Where(l => !l.StartsWith('#')).Order().ToList();
        Assert.Equal(["backtest.svg", "fit-power-n.svg", "frontier.svg", "isoflop.svg", "report.html", "report.md", "residuals-power-n.svg"], manifest);
    }

    [Fact]
    public void Report_ManifestNamingFilesOutsideTheFolder_TouchesNothingOutside()
    {
        using var data = new TempFile(ReportData.Csv);
        using var outside = new TempFolder();
        string victim = outside.File("keep.txt");
        File.WriteAllText(victim, "keep");
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("report-manifest.txt"), $"{victim}\n../keep.txt\n..\n.\nreport-manifest.txt\n");
        var run = CliRun.Of("report", data.Path, "--out", folder.Path, "--laws", "power", "--bootstrap", "0");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(victim));
        Assert.DoesNotContain("removed", run.Error);
    }

    [Fact]
    public void Report_NoLawCanBeFitted_ExitsOneWritesNothingAndSaysWhyForEachLaw()
    {
        // Three runs for a law of three coefficients: neither the fit to all the runs nor a backtest is possible.
        using var data = new TempFile("N,loss\n1e6,3\n2e6,2.9\n4e6,2.8\n");
        using var folder = new TempFolder();
        string target = folder.File("report");
        var run = CliRun.Of("report", data.Path, "--out", target, "--laws", "saturating", "--bootstrap", "0");
        Assert.Equal(CliApp.DataError, run.ExitCode);
        Assert.StartsWith($"error: no law could be fitted to {data.Path}: saturating (N): ", run.Error);
        Assert.False(Directory.Exists(target));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Report_FolderInAFolderThatDoesNotExist_ExitsOneBeforeAnyWork()
    {
        using var folder = new TempFolder();
        string target = folder.File("missing/report");
        var run = CliRun.Of("report", "--out", target, "--laws", "power");
        Assert.Equal(CliApp.DataError, run.ExitCode);
        Assert.Contains($"the folder '{folder.File("missing")}' does not exist", run.Error);
        Assert.False(Directory.Exists(folder.File("missing")));
    }

    [Fact]
    public void Report_Compute_TheSummaryQuotesTheBudgetAskedForAndKeepsChinchillasRow()
    {
        using var data = new TempFile(ReportData.Csv);
        using var folder = new TempFolder();
        var run = CliRun.Of("report", data.Path, "--out", folder.Path, "--laws", "chinchilla", "--bootstrap", "0", "--compute", "1e24");
        Assert.True(run.ExitCode == 0, run.Error);
        string md = File.ReadAllText(folder.File("report.md"));
        Assert.Contains("at 1e24 FLOP (the budget asked for), N\\_opt = ", md);
        Assert.Contains("| budget C | 1.00e24 |", md);
        Assert.Contains("| budget C | 5.76e23 |", md);
        Assert.Equal(2, CliRun.Of("report", data.Path, "--out", folder.Path, "--compute", "-5").ExitCode);
    }

    [Fact]
    public void Report_Contents_LinkToEveryTopSectionInHtmlAndMarkdown()
    {
        using var data = new TempFile(ReportData.Csv);
        using var folder = new TempFolder();
        var run = CliRun.Of("report", data.Path, "--out", folder.Path, "--laws", "power,chinchilla", "--bootstrap", "0");
        Assert.True(run.ExitCode == 0, run.Error);
        string html = File.ReadAllText(folder.File("report.html"));
        var sections = Regex.Matches(html, "<h2 id=\"([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
        var links = Regex.Matches(html, "<nav class=\"contents\">.*?</nav>", RegexOptions.Singleline).Single().Value;
        Assert.Equal(sections, Regex.Matches(links, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value).ToList());
        Assert.True(sections.Count >= 5);
        Assert.Equal(sections.Count, sections.Distinct().Count());
        // GitHub's anchors for the Markdown file, as GitHub makes them from these headings.
        string md = File.ReadAllText(folder.File("report.md"));
        Assert.Contains("- [IsoFLOP analysis (Hoffmann et al. 2022, approach 2)](#isoflop-analysis-hoffmann-et-al-2022-approach-2)", md);
        Assert.Contains("- [Every law's fit to all the runs](#every-laws-fit-to-all-the-runs)", md);
        Assert.Contains("- [Compute-optimal allocation: how large a model, how many tokens](#compute-optimal-allocation-how-large-a-model-how-many-tokens)", md);
        Assert.True(md.IndexOf("**Contents**", StringComparison.Ordinal) < md.IndexOf("\n## ", StringComparison.Ordinal));
    }
}

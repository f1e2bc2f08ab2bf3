using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>One report of the synthetic IsoFLOP runs (all five laws, a 20-resample bootstrap), written once for the tests that read it.</summary>
public sealed class ReportRun : IDisposable
{
    public ReportRun()
    {
        Data = new TempFile(ReportData.Csv);
        Folder = new TempFolder();
        Out = Folder.File("report");
        Run = CliRun.Of("report", Data.Path, "--out", Out, "--bootstrap", "20", "--seed", "3");
        HtmlPath = Path.Combine(Out, "report.html");
        Html = File.Exists(HtmlPath) ? File.ReadAllText(HtmlPath) : "";
        Markdown = File.Exists(Path.Combine(Out, "report.md")) ? File.ReadAllText(Path.Combine(Out, "report.md")) : "";
    }

    public TempFile Data { get; }
    public TempFolder Folder { get; }
    public string Out { get; }
    public CliRun Run { get; }
    public string Html { get; }
    public string Markdown { get; }

    public string HtmlPath { get; }

    public void Dispose()
    {
        Data.Dispose();
        Folder.Dispose();
    }
}

public partial class ReportCommandTests(ReportRun report) : IClassFixture<ReportRun>
{
    private static readonly string[] Figures =
        ["backtest.svg", "fit-chinchilla.svg", "residuals-chinchilla.svg", "frontier.svg", "loss-compute.svg", "isoflop.svg",
         "fit-kaplan-nd.svg", "fit-joint.svg", "fit-power-n.svg", "fit-saturating-n.svg"];

    [Fact]
    public void Report_File_WritesHtmlMarkdownAndFiguresAndPrintsTheirPaths()
    {
        Assert.True(report.Run.ExitCode == 0, report.Run.Error);
        // The folder did not exist, its parent did: made, and said so.
        Assert.Equal($"note: made the folder {report.Out}", report.Run.Error.Trim());
        var printed = report.Run.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Path.Combine(report.Out, "report.html"), printed[0]);
        Assert.Equal(Path.Combine(report.Out, "report.md"), printed[1]);
        Assert.Equal(Path.Combine(report.Out, "report-manifest.txt"), printed[^1]);
        Assert.Equal(Figures.Order(), printed.Skip(2).SkipLast(1).Select(Path.GetFileName).Order());
        Assert.All(printed, p => Assert.True(File.Exists(p), p));
    }

    [Fact]
    public void Report_Html_SelfContainedWithEveryFigureInline()
    {
        string html = report.Html;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex(@"\b(src|href)\s*=\s*[""']?\s*(https?:|//)", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"url\(\s*[""']?\s*(https?:|//)", RegexOptions.IgnoreCase), html);
        // Every src is a data URI (PNG figures); SVG figures are inline.
        Assert.All(Regex.Matches(html, @"\bsrc=""([^""]*)""").Select(m => m.Groups[1].Value), src => Assert.StartsWith("data:", src));
        Assert.Equal(Figures.Length, Regex.Matches(html, "<figure>").Count);
        Assert.Equal(Figures.Length, Regex.Matches(html, "<svg ").Count);
        Assert.Contains("\">Scaling-law report: ", html);
        Assert.Contains("<h2 id=\"compute-optimal-allocation-how-large-a-model-how-many-tokens\">Compute-optimal allocation: how large a model, how many tokens</h2>", html);
        Assert.Contains("<h2 id=\"isoflop-analysis-hoffmann-et-al-2022-approach-2\">IsoFLOP analysis (Hoffmann et al. 2022, approach 2)</h2>", html);
    }

    [Fact]
    public void Report_Html_NamesTheExactCommandAndTheDataFileWithItsChecksum()
    {
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(report.Data.Path)));
        Assert.Contains(System.Net.WebUtility.HtmlEncode($"scalingfit report {report.Data.Path} --out {report.Out} --bootstrap 20 --seed 3"), report.Html);
        Assert.Contains($"SHA-256 {sha}", report.Html);
        Assert.Contains("ScalingFit 0.1.0", report.Html);
    }

    [Fact]
    public void Report_Markdown_LinksEveryFigureFileBesideIt()
    {
        var links = Regex.Matches(report.Markdown, @"!\[[^\]]*\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Figures.Order(), links.Order());
        Assert.All(links, link => Assert.True(File.Exists(Path.Combine(report.Out, link)), link));
        Assert.StartsWith("# Scaling-law report: ", report.Markdown);
    }

    [Fact]
    public void Report_FigureFiles_AreSvgWithTheirText()
    {
        foreach (var name in Figures)
        {
            var svg = XDocument.Load(Path.Combine(report.Out, name));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            Assert.True(svg.Descendants().Count(e => e.Name.LocalName == "text") >= 10, name);
            Assert.NotNull(svg.Root.Attribute("viewBox"));
        }
    }

    [Fact]
    public void Report_FitReports_WithTheirWarnings()
    {
        Assert.Contains("<h2 id=\"every-laws-fit-to-all-the-runs\">Every law&#39;s fit to all the runs</h2>", report.Html);
        foreach (var law in new[] { "kaplan-nd", "joint", "power (N)", "saturating (N)" })
            Assert.Matches($"<h3 id=\"[^\"]+\">{Regex.Escape(law)}: ", report.Html);
        Assert.Contains("<ul class=\"warnings\">", report.Html);
    }
}

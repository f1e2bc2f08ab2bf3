using System.Text;
using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Reporting;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Reporting;

public class AnalysisReportTests
{
    private static readonly ReportProvenance Provenance = new("scalingfit report runs.csv --out r", "/data/runs.csv (1,234 bytes, SHA-256 abc)", "0.1.0");

    private static Image Figure(string name) => new($"the {name} figure", $"{name}.svg", "image/svg+xml", Encoding.UTF8.GetBytes("<svg width=\"2\" height=\"2\"></svg>"));

    private static List<string> Headings(Document document, int level) =>
        document.Blocks.OfType<Heading>().Where(h => h.Level == level).Select(h => h.Text).ToList();

    [Fact]
    public void Build_FullResult_SectionsInOrder()
    {
        var document = AnalysisReport.Build(ReportData.Report, Provenance);
        Assert.Equal(["Scaling-law report: isoflop.csv"], Headings(document, 1));
        Assert.Equal(
        [
            "Which law extrapolates: backtests and information criteria",
            "The best law: chinchilla, L = E + A/N^α + B/D^β",
            "Compute-optimal allocation: how large a model, how many tokens",
            "IsoFLOP analysis (Hoffmann et al. 2022, approach 2)",
            "approach 2 (IsoFLOP) against approach 3 (fitted law)",
            "Every law's fit to all the runs",
            "How this report was made",
        ], Headings(document, 2));
        // The other four laws, each under its own heading with its rank.
        Assert.Equal(4, Headings(document, 3).Count(h => h.Contains("(rank ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Build_Summary_BestLawAllocationIsoFlopCommandAndDataFile()
    {
        var summary = AnalysisReport.Build(ReportData.Report, Provenance).Blocks.OfType<KeyValues>().First().Items.ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.StartsWith("isoflop.csv, 54 runs (C/(6ND) has median 1", summary["data"]);
        Assert.StartsWith("chinchilla L = E + A/N^α + B/D^β: mean error ", summary["best law"]);
        // The headline budget is ten times the largest run's compute (to two digits), not Chinchilla's, which stays a row.
        double largest = ReportData.Report.Runs.Values(ScalingFit.Data.Quantity.Compute).ToArray().Max();
        double headline = Math.Round(10 * largest / Math.Pow(10, Math.Floor(Math.Log10(10 * largest)) - 1)) * Math.Pow(10, Math.Floor(Math.Log10(10 * largest)) - 1);
        Assert.Equal(headline, ReportData.Report.HeadlineBudget!.Value, 1e-9 * headline);
        Assert.Contains($"at {NumberFormat.Significant(headline, 3)} FLOP (one decade past the largest run), N_opt = ", summary["compute-optimal (chinchilla)"]);
        Assert.Contains("Chinchilla's budget of 5.76e23 FLOP is a row of the allocation table", summary["compute-optimal (chinchilla)"]);
        Assert.NotNull(ScalingFit.Analysis.ReportAnalysis.At(ReportData.Report.Optimal!, 5.76e23));
        Assert.StartsWith("N_opt ∝ C^a with a = ", summary["IsoFLOP"]);
        Assert.EndsWith("from 6 of 6 budgets", summary["IsoFLOP"]);
        Assert.StartsWith("nonlinear fits: 95% bootstrap percentile intervals over 40 resamples (seed 7)", summary["intervals"]);
        Assert.Equal(Provenance.CommandLine, summary["command"]);
        Assert.Equal(Provenance.DataFile, summary["data file"]);
    }

    [Fact]
    public void Build_EveryFitsWarnings_AreInTheReport()
    {
        var result = ReportData.Report;
        var document = AnalysisReport.Build(result, Provenance);
        var warnings = document.Blocks.OfType<Warnings>().SelectMany(w => w.Items).ToHashSet();
        foreach (var score in result.Fitted)
            Assert.All(score.Fit!.Warnings, w => Assert.Contains(w, warnings));
        Assert.All(result.IsoFlop!.Warnings, w => Assert.Contains(w, warnings));
    }

    [Fact]
    public void Build_Images_PlacedInTheirSections()
    {
        var images = new ReportImages
        {
            Backtest = Figure("backtest"),
            Fits = new Dictionary<string, Image> { ["chinchilla"] = Figure("fit-chinchilla"), ["power (N)"] = Figure("fit-power-n") },
            Residuals = Figure("residuals-chinchilla"),
            Frontier = Figure("frontier"),
            IsoFlop = Figure("isoflop"),
        };
        var blocks = AnalysisReport.Build(ReportData.Report, Provenance, images).Blocks;
        int Index(string name) => blocks.ToList().FindIndex(b => b is Image i && i.FileName == name + ".svg");
        int Section(string heading) => blocks.ToList().FindIndex(b => b is Heading h && h.Text.StartsWith(heading, StringComparison.Ordinal));
        Assert.InRange(Index("backtest"), Section("Which law"), Section("The best law"));
        Assert.InRange(Index("fit-chinchilla"), Section("The best law"), Section("Compute-optimal"));
        Assert.InRange(Index("residuals-chinchilla"), Section("The best law"), Section("Compute-optimal"));
        Assert.InRange(Index("frontier"), Section("Compute-optimal"), Section("IsoFLOP"));
        Assert.InRange(Index("isoflop"), Section("IsoFLOP"), Section("Every law"));
        Assert.InRange(Index("fit-power-n"), Section("Every law"), Section("How this report"));
        Assert.Equal(6, blocks.OfType<Image>().Count());
    }

    [Fact]
    public void Build_SizesOnly_NotesWhereTheAllocationAndIsoFlopWouldBe()
    {
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(ReportData.SizesOnlyCsv, "sizes.csv"), RunSelection.None);
        var document = AnalysisReport.Build(ReportAnalysis.Run(runs), Provenance);
        var paragraphs = document.Blocks.OfType<Paragraph>().Select(p => p.Text).ToList();
        Assert.Contains(paragraphs, p => p.StartsWith("no compute-optimal allocation: it needs a law of both N and D", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("no IsoFLOP analysis: it groups runs by compute budget C", StringComparison.Ordinal));
        var summary = document.Blocks.OfType<KeyValues>().First().Items.ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.StartsWith("no compute-optimal allocation", summary["compute-optimal"]);
        Assert.StartsWith("no IsoFLOP analysis", summary["IsoFLOP"]);
    }

    [Fact]
    public void Build_FigureNotes_ListedAsWarningsAtTheEnd()
    {
        var document = AnalysisReport.Build(ReportData.Report, Provenance, new ReportImages { Notes = ["the figure isoflop could not be drawn: test"] });
        Assert.Equal(["the figure isoflop could not be drawn: test"], Assert.IsType<Warnings>(document.Blocks[^1]).Items);
    }

    [Fact]
    public void Render_HtmlAndMarkdown_OfTheWholeReport()
    {
        var document = AnalysisReport.Build(ReportData.Report, Provenance, new ReportImages { Frontier = Figure("frontier") });
        string html = HtmlRenderer.Render(document, AnalysisReport.Title(ReportData.Report));
        Assert.Contains("<h1 id=\"scaling-law-report-isoflopcsv\">Scaling-law report: isoflop.csv</h1>", html);
        Assert.Contains("<svg width=\"2\" height=\"2\" viewBox=\"0 0 2 2\"></svg>", html);
        string md = MarkdownRenderer.Render(document);
        Assert.Contains("![the frontier figure](frontier.svg)", md);
        Assert.Contains("## Compute-optimal allocation: how large a model, how many tokens", md);
    }
}

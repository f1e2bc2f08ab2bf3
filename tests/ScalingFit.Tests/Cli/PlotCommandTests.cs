using System.Xml.Linq;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

public class PlotCommandTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData("fit", "png")]
    [InlineData("fit", "svg")]
    [InlineData("residuals", "png")]
    [InlineData("residuals", "svg")]
    [InlineData("whatif", "png")]
    [InlineData("whatif", "svg")]
    public void Plot_EveryKindBothFormats_WritesValidFileAndPrintsItsPath(string kind, string extension)
    {
        using var folder = new TempFolder();
        string path = folder.File($"figure.{extension}");
        var run = CliRun.Of("plot", "--kind", kind, "--out", path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(path + Environment.NewLine, run.Out);
        Assert.Equal("", run.Error);
        var bytes = File.ReadAllBytes(path);
        Assert.InRange(bytes.Length, 10_000, 3_000_000);
        if (extension == "png")
        {
            Assert.Equal(PngSignature, bytes[..8]);
        }
        else
        {
            var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            Assert.True(svg.Descendants().Count(e => e.Name.LocalName == "text") >= 10, "text elements");
        }
    }

    [Fact]
    public void Plot_ChinchillaExtrapolated_TitleNamesLawDataAndTarget()
    {
        using var folder = new TempFolder();
        string path = folder.File("fit.svg");
        var run = CliRun.Of("plot", "--law", "power", "--x", "N", "--extrapolate-to", "N=1e12", "--drop-highest-loss", "5", "--out", path);
        Assert.Equal(0, run.ExitCode);
        string svg = File.ReadAllText(path);
        Assert.Contains("Loss against parameters N: power law L = (N_c/N)^α", svg);
        Assert.Contains("chinchilla.csv (built in), 240 runs", svg);
        Assert.Contains("extrapolated to N = 10¹²", svg);
    }

    [Fact]
    public void Plot_JointLaw_AlongComputeBudgetsByDefault_ByDAsAsked()
    {
        using var folder = new TempFolder();
        string path = folder.File("joint.svg");
        var run = CliRun.Of("plot", "--law", "joint", "--x", "N,D", "--out", path);
        Assert.Equal(0, run.ExitCode);
        var texts = XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("Loss against parameters N along compute budgets: joint law L = k·N^a_N·D^a_D", texts);
        Assert.Contains("law at each budget's mean C (D = C/6N)", texts);
        run = CliRun.Of("plot", "--law", "joint", "--x", "N,D", "--by", "D", "--extrapolate-to", "N=1e12", "--out", path);
        Assert.Equal(0, run.ExitCode);
        texts = XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("Loss against parameters N: joint law L = k·N^a_N·D^a_D", texts);
        Assert.Contains("law at each level's mean D", texts);
    }

    [Fact]
    public void Plot_ChinchillaLaw_ExtrapolatedAlongTheComputeOptimalFrontier()
    {
        using var folder = new TempFolder();
        string path = folder.File("chinchilla.svg");
        var run = CliRun.Of("plot", "--law", "chinchilla", "--extrapolate-to", "C=1e24", "--out", path);
        Assert.True(run.ExitCode == 0, run.Error);
        var texts = XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("compute-optimal frontier L*(C)", texts);
        Assert.Contains("frontier beyond the sizes and tokens fitted", texts);
        Assert.Contains(texts, t => t.Contains("frontier to C = 10²⁴", StringComparison.Ordinal));
    }

    [Fact]
    public void Plot_FolderThatDoesNotExist_ExitsOneNamingItAndMakesNoFolder()
    {
        using var runs = new TempFile(Synthetic.Csv(Enumerable.Range(0, 8).Select(i => (1e8 * Math.Pow(2, i), 2e9 * Math.Pow(2, i), 4.0 * Math.Pow(2, -0.1 * i)))));
        using var folder = new TempFolder();
        string path = folder.File("new/sub/fit.png");
        var run = CliRun.Of("plot", runs.Path, "--x", "D", "--out", path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"the folder '{folder.File("new/sub")}' does not exist", run.Error);
        Assert.False(Directory.Exists(folder.File("new")));
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("fig.jpg", "the format is chosen by the extension: .png or .svg")]
    [InlineData("fig", "has no extension")]
    public void Plot_UnknownExtension_ExitsTwoWithoutWriting(string name, string message)
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("plot", "--out", folder.File(name));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Theory]
    [InlineData("N=abc", "'abc' is not a positive number")]
    [InlineData("N=-5", "is not a positive number")]
    [InlineData("Q=1e12", "is not of the form QUANTITY=VALUE")]
    [InlineData("1e12", "is not of the form QUANTITY=VALUE")]
    [InlineData("loss=2", "not the loss")]
    [InlineData("D=1e13", "for a law in D fit it with D as its input")]
    public void Plot_BadExtrapolateTo_ExitsTwoWithoutWriting(string target, string message)
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("plot", "--extrapolate-to", target, "--out", folder.File("fit.png"));
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error);
        Assert.Contains(message, run.Error);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Theory]
    [InlineData("isoflop", "png")]
    [InlineData("isoflop", "svg")]
    [InlineData("frontier", "png")]
    [InlineData("frontier", "svg")]
    [InlineData("backtest", "png")]
    [InlineData("backtest", "svg")]
    public void Plot_AnalysisKindsBothFormats_WritesValidFileAndPrintsItsPath(string kind, string extension)
    {
        using var runs = new TempFile(ReportData.Csv);
        using var folder = new TempFolder();
        string path = folder.File($"figure.{extension}");
        var run = CliRun.Of("plot", runs.Path, "--kind", kind, "--out", path);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(path + Environment.NewLine, run.Out);
        Assert.Equal("", run.Error);
        var bytes = File.ReadAllBytes(path);
        Assert.InRange(bytes.Length, 10_000, 3_000_000);
        if (extension == "png")
        {
            Assert.Equal(PngSignature, bytes[..8]);
        }
        else
        {
            var texts = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes)).Descendants().Where(e => e.Name.LocalName == "text")
                .Select(e => e.Value.Trim()).ToList();
            Assert.True(texts.Count >= 10, "text elements");
            Assert.Contains(texts, t => t.StartsWith(kind switch
            {
                "isoflop" => "IsoFLOP curves: ",
                "frontier" => "Compute-optimal frontier: the N and D that minimize the chinchilla law",
                _ => "Backtest of the power (N) law",
            }, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Plot_BacktestOfSeveralLaws_OneLegendEntryPerLaw()
    {
        using var runs = new TempFile(ReportData.Csv);
        using var folder = new TempFolder();
        string path = folder.File("backtest.svg");
        var run = CliRun.Of("plot", runs.Path, "--kind", "backtest", "--laws", "power,joint", "--holdout-above", "C=2e20", "--out", path);
        Assert.True(run.ExitCode == 0, run.Error);
        var texts = XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("Backtest of 2 laws: predictions of runs the fit never saw", texts);
        Assert.Contains(texts, t => t.StartsWith("power (N): ", StringComparison.Ordinal) && t.EndsWith(" inside 95%", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("joint: ", StringComparison.Ordinal) && t.EndsWith(" inside 95%", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("54 runs · held out 18: runs with C > 2e20 · each law fitted to the other 36", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("frontier", "--law", "power", "the frontier figure needs a law of N and D")]
    [InlineData("frontier", "--compute-range", "1e26:1e18", "runs backwards")]
    [InlineData("isoflop", "--budget-tolerance", "-1", "--budget-tolerance: the budget tolerance must be 0 or more")]
    public void Plot_AnalysisKindBadOption_ExitsTwo(string kind, string option, string value, string message)
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("plot", "--kind", kind, option, value, "--out", folder.File("never.png"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Theory]
    [InlineData("--kind", "scatter", "--kind 'scatter' is not one of: backtest, fit, frontier, isoflop, residuals, whatif.")]
    [InlineData("--by", "Q", "'Q' is not a quantity")]
    [InlineData("--widths", "512,abc", "'abc' is not a whole number")]
    public void Plot_BadOptionValue_ExitsTwo(string option, string value, string message)
    {
        string[] kind = option switch { "--widths" => ["--kind", "whatif"], "--kind" => [], _ => ["--kind", "fit"] };
        var run = CliRun.Of(["plot", .. kind, option, value, "--out", "never-written.png"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Theory]
    [InlineData("whatif", "--extrapolate-to", "N=1e12")]
    [InlineData("residuals", "--by", "C")]
    [InlineData("fit", "--depths", "12,24")]
    [InlineData("isoflop", "--bootstrap", "10")]
    [InlineData("isoflop", "--law", "chinchilla")]
    [InlineData("frontier", "--laws", "power,joint")]
    [InlineData("backtest", "--group-column", "isoflop")]
    [InlineData("fit", "--holdout-fraction", "0.3")]
    [InlineData("whatif", "--compute-range", "1e18:1e20")]
    public void Plot_OptionForAnotherKind_ExitsTwo(string kind, string option, string value)
    {
        var run = CliRun.Of("plot", "--kind", kind, option, value, "--out", "never-written.png");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option} does not apply to the {kind} figure", run.Error);
    }

    [Fact]
    public void Plot_WithoutOut_ExitsTwo()
    {
        var run = CliRun.Of("plot");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out", run.Error);
    }

    [Fact]
    public void Plot_BadRunsFile_ExitsOne()
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("plot", "/no/such/runs.csv", "--out", folder.File("fit.png"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/no/such/runs.csv: cannot read the file", run.Error);
    }
}

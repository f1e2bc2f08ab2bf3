using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

public partial class ReportCommandTests
{
    [SkippableFact]
    public void Report_InHeadlessChromium_LoadsWithNoErrorsAndShowsItsHeadingsAndFigures()
    {
        Skip.If(ChromiumLoad.Unavailable is not null, ChromiumLoad.Unavailable);
        Assert.True(report.Run.ExitCode == 0, report.Run.Error);
        var load = ChromiumLoad.Of(report.HtmlPath);
        Assert.Equal(0, load.ExitCode);
        Assert.Empty(load.Console);
        // The page reads nothing but itself and asks the network for nothing.
        Assert.Equal([new Uri(report.HtmlPath).AbsoluteUri], load.Files.Distinct());
        Assert.Empty(load.PageRequests);
        Assert.Matches("<h1 id=\"[^\"]+\">Scaling-law report: ", load.Dom);
        Assert.Contains("<h2 id=\"which-law-extrapolates-backtests-and-information-criteria\">Which law extrapolates: backtests and information criteria</h2>", load.Dom);
        Assert.Contains("<h2 id=\"how-this-report-was-made\">How this report was made</h2>", load.Dom);
        Assert.Contains("<a href=\"#how-this-report-was-made\">How this report was made</a>", load.Dom);
        Assert.Equal(Figures.Length, System.Text.RegularExpressions.Regex.Matches(load.Dom, "<svg ").Count);
        Assert.Equal(Figures.Length, System.Text.RegularExpressions.Regex.Matches(load.Dom, "<figcaption>").Count);
    }

    [SkippableFact]
    public void ChromiumLoad_BrokenPage_SeesTheScriptErrorTheMissingFileAndTheRequest()
    {
        Skip.If(ChromiumLoad.Unavailable is not null, ChromiumLoad.Unavailable);
        using var folder = new TempFolder();
        string page = folder.File("broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><h1>x</h1><img src=\"missing.png\"><script>undefinedFunction();</script>" +
                                "<link rel=\"stylesheet\" href=\"https://example.invalid/x.css\"></body></html>");
        var load = ChromiumLoad.Of(page);
        Assert.Contains(load.Console, line => line.Contains("Uncaught ReferenceError: undefinedFunction is not defined", StringComparison.Ordinal));
        Assert.Contains(new Uri(folder.File("missing.png")).AbsoluteUri, load.Files);
        Assert.Contains("https://example.invalid/x.css", load.PageRequests);
    }
}

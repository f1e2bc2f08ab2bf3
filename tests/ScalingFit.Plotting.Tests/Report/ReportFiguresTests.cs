using System.Text;
using ScalingFit.Plotting.Report;
using ScalingFit.Plotting.Tests.Support;

namespace ScalingFit.Plotting.Tests.Report;

public class ReportFiguresTests
{
    [Fact]
    public void Render_FullAnalysis_EveryFigureWithItsFileNameAndCaption()
    {
        var result = Analyses.HoffmannReport;
        var images = ReportFigures.Render(result);
        Assert.Equal("backtest.svg", images.Backtest!.FileName);
        Assert.Equal("residuals-chinchilla.svg", images.Residuals!.FileName);
        Assert.Equal("frontier.svg", images.Frontier!.FileName);
        Assert.Equal("isoflop.svg", images.IsoFlop!.FileName);
        Assert.Equal("loss-compute.svg", images.LossAgainstCompute!.FileName);
        Assert.Equal(["chinchilla", "joint", "kaplan-nd", "power (N)", "saturating (N)"], images.Fits.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["fit-chinchilla.svg", "fit-joint.svg", "fit-kaplan-nd.svg", "fit-power-n.svg", "fit-saturating-n.svg"],
            images.Fits.Values.Select(i => i.FileName).Order(StringComparer.Ordinal));
        Assert.Empty(images.Notes);
        foreach (var image in images.All)
        {
            Assert.Equal("image/svg+xml", image.MediaType);
            var texts = Images.Texts(Images.ParseSvg(Encoding.UTF8.GetString(image.Content)));
            Assert.True(texts.Count >= 10, image.FileName);
            Assert.False(string.IsNullOrWhiteSpace(image.Caption));
        }
        // Laws of N and D along compute budgets, extrapolated on the frontier to the headline budget; the others along N.
        string headline = ScalingFit.Plotting.Style.Ticks.Scientific(result.HeadlineBudget!.Value);
        Assert.Contains($"extrapolated (dashed) to C = {headline}", images.Fits["chinchilla"].Caption);
        Assert.Contains("along compute budgets", images.Fits["joint"].Caption);
        Assert.Contains("extrapolation (dashed) to N = 10¹²", images.Fits["power (N)"].Caption);
        Assert.Contains($"extrapolated (dashed) to C = {headline}", images.LossAgainstCompute.Caption);
    }

    [Fact]
    public void Render_InParallelOrOneAtATime_SameBytes()
    {
        var result = Analyses.HoffmannReport;
        var parallel = ReportFigures.Render(result, new ReportFigureOptions { DegreeOfParallelism = -1 });
        var sequential = ReportFigures.Render(result, new ReportFigureOptions { DegreeOfParallelism = 1 });
        Assert.Equal(sequential.All.Select(i => i.FileName), parallel.All.Select(i => i.FileName));
        foreach (var (a, b) in sequential.All.Zip(parallel.All)) Assert.Equal(a.Content, b.Content);
    }

    [Fact]
    public void Render_Png_PngBytesAndNamesAndEachReportedOnce()
    {
        var rendered = new List<string>();
        var images = ReportFigures.Render(Analyses.HoffmannReport, new ReportFigureOptions
        {
            Format = FigureFormat.Png,
            Rendered = name => { lock (rendered) rendered.Add(name); },
        });
        Assert.All(images.All, i => Assert.True(Images.IsPng(i.Content) && i.FileName.EndsWith(".png", StringComparison.Ordinal) && i.MediaType == "image/png"));
        Assert.Equal(images.All.Select(i => Path.GetFileNameWithoutExtension(i.FileName)).Order(), rendered.Order());
    }

    [Theory]
    [InlineData("power (N)", "power-n")]
    [InlineData("kaplan-nd", "kaplan-nd")]
    [InlineData("saturating (D)", "saturating-d")]
    public void Slug_LawNames_FileNameStems(string name, string slug) => Assert.Equal(slug, ReportFigures.Slug(name));
}

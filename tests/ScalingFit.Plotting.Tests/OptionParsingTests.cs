using ScalingFit.Data;

namespace ScalingFit.Plotting.Tests;

public class OptionParsingTests
{
    [Theory]
    [InlineData("fig.png", FigureFormat.Png)]
    [InlineData("out/FIG.PNG", FigureFormat.Png)]
    [InlineData("fig.svg", FigureFormat.Svg)]
    public void FromPath_KnownExtension_Format(string path, FigureFormat expected) =>
        Assert.Equal(expected, FigureFormats.FromPath(path));

    [Theory]
    [InlineData("fig.jpg", "ends in '.jpg'")]
    [InlineData("fig", "has no extension")]
    [InlineData("fig.pdf", ".png or .svg")]
    public void FromPath_OtherExtension_ThrowsOptionException(string path, string message) =>
        Assert.Contains(message, Assert.Throws<OptionException>(() => FigureFormats.FromPath(path)).Message);

    [Fact]
    public void Parse_EveryKindName_RoundTrips()
    {
        foreach (var kind in FigureKinds.All) Assert.Equal(kind, FigureKinds.Parse(kind.Name().ToUpperInvariant()));
        Assert.Equal(["fit", "residuals", "whatif", "isoflop", "frontier", "backtest"], FigureKinds.All.Select(k => k.Name()));
    }

    [Fact]
    public void RequireAvailable_EveryKind_IsAvailable()
    {
        Assert.Equal(FigureKinds.All, FigureKinds.Available);
        foreach (var kind in FigureKinds.All) Assert.Equal(kind, kind.RequireAvailable());
        Assert.Equal(FigureKind.Frontier, FigureKinds.Parse("frontier"));
    }

    [Fact]
    public void Parse_UnknownKind_ListsTheKinds() =>
        Assert.Contains("fit, residuals, whatif", Assert.Throws<OptionException>(() => FigureKinds.Parse("scatter")).Message);
}

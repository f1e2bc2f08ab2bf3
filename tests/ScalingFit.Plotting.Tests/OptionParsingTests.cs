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

    [Theory]
    [InlineData("N=1e12", Quantity.ParameterCount, 1e12)]
    [InlineData(" d = 2e13 ", Quantity.TrainingTokens, 2e13)]
    [InlineData("C=1_000", Quantity.Compute, 1000)]
    public void Parse_ExtrapolationTarget(string text, Quantity quantity, double value) =>
        Assert.Equal(new ExtrapolationTarget(quantity, value), ExtrapolationTarget.Parse(text));

    [Theory]
    [InlineData("1e12")]
    [InlineData("N")]
    [InlineData("Q=1e12")]
    [InlineData("N=abc")]
    [InlineData("N=-1e12")]
    [InlineData("N=0")]
    [InlineData("N=Infinity")]
    [InlineData("loss=2")]
    [InlineData("N=1e12=3")]
    [InlineData("N=1e12,D=1e13")]
    public void Parse_BadExtrapolationTarget_ThrowsOptionException(string text) =>
        Assert.StartsWith("--extrapolate-to", Assert.Throws<OptionException>(() => ExtrapolationTarget.Parse(text)).Message);
}

using ScalingFit.Fitting;
using ScalingFit.Cli.Common;
using ScalingFit.Data;
using ScalingFit.Laws;
using ScalingFit.Plotting;

namespace ScalingFit.Tests.Cli;

/// <summary>The command line's small languages, each error naming its option.</summary>
public class OptionParsersTests
{
    [Theory]
    [InlineData("N7e10"), InlineData("N=abc"), InlineData("N=-1"), InlineData("N=1,N=2"), InlineData("=3"), InlineData("")]
    public void Point_Malformed_Refuses(string text) =>
        Assert.Contains("--at", Assert.Throws<OptionException>(() => OptionParsers.Point(text)).Message);

    [Fact]
    public void Point_QuantitiesAndColumns_AreInputsOfALaw()
    {
        var point = OptionParsers.Point("N=7e10, D=1.4e12, unique_tokens=1e11");
        Assert.Equal(7e10, point[Quantity.ParameterCount]);
        Assert.Equal(1.4e12, point[Quantity.TrainingTokens]);
        Assert.Equal(1e11, point[LawInput.Column("Unique_Tokens")]);
    }

    [Theory]
    [InlineData("N1e9"), InlineData("loss=2"), InlineData("Q=1"), InlineData("N=abc"), InlineData("N=-5")]
    public void HoldoutAbove_Malformed_Refuses(string text) =>
        Assert.Contains("--holdout-above", Assert.Throws<OptionException>(() => OptionParsers.HoldoutAbove(text)).Message +
                                           (Assert.Throws<OptionException>(() => OptionParsers.HoldoutAbove(text)).Parameter ?? ""));

    [Fact]
    public void Range_Decades_ParsesBothEnds() => Assert.Equal((1e18, 1e26), OptionParsers.Range("1e18:1e26", "--compute-range"));

    [Theory]
    [InlineData("1e18"), InlineData("1e26:1e18"), InlineData("1e18:1e18"), InlineData("0:1e20"), InlineData("-1:5"), InlineData("a:b"), InlineData("1:2:3")]
    public void Range_Malformed_Refuses(string text) =>
        Assert.Contains("--compute-range", Assert.Throws<OptionException>(() => OptionParsers.Range(text, "--compute-range")).Message);

    [Theory]
    [InlineData("N=1e12", Quantity.ParameterCount, 1e12)]
    [InlineData(" d = 2e13 ", Quantity.TrainingTokens, 2e13)]
    [InlineData("C=1_000", Quantity.Compute, 1000)]
    public void Extrapolation_Target(string text, Quantity quantity, double value) =>
        Assert.Equal(new ExtrapolationTarget(quantity, value), OptionParsers.Extrapolation(text));

    [Theory]
    [InlineData("1e12"), InlineData("N"), InlineData("Q=1e12"), InlineData("N=abc"), InlineData("N=-1e12"), InlineData("N=0"),
     InlineData("N=Infinity"), InlineData("loss=2"), InlineData("N=1e12=3"), InlineData("N=1e12,D=1e13")]
    public void Extrapolation_Bad_ThrowsOptionException(string text) =>
        Assert.StartsWith("--extrapolate-to", Assert.Throws<OptionException>(() => OptionParsers.Extrapolation(text)).Message);

    [Fact]
    public void Constraints_ListsAndRepeats_AreGathered()
    {
        var c = OptionParsers.Constraints(["E=1.69,alpha=0.34", "B=410.7"], ["beta=alpha"], ["A=0:", "beta=0.1:0.9"]);
        Assert.Equal(new Dictionary<string, double> { ["E"] = 1.69, ["alpha"] = 0.34, ["B"] = 410.7 }, c.Fixed);
        Assert.Equal([new ParameterTie("beta", "alpha")], c.Ties);
        Assert.Equal(new ParameterBounds(0, double.PositiveInfinity), c.Bounds["A"]);
        Assert.Equal(new ParameterBounds(0.1, 0.9), c.Bounds["beta"]);
    }

    [Theory]
    [InlineData("--fix", "E"), InlineData("--fix", "E=abc"), InlineData("--fix", "E=1,E=2"), InlineData("--tie", "alpha"),
     InlineData("--bound", "alpha=1"), InlineData("--bound", "alpha=a:b")]
    public void Constraints_Malformed_NameTheirOption(string option, string text)
    {
        var e = Assert.Throws<OptionException>(() => OptionParsers.Constraints(
            option == "--fix" ? [text] : [], option == "--tie" ? [text] : [], option == "--bound" ? [text] : []));
        Assert.Contains(option, e.Message);
    }
}

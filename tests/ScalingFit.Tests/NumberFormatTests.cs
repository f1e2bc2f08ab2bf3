using System.Globalization;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests;

/// <summary>Percentages: one format everywhere, never 0.0% for a nonzero value.</summary>
public class NumberFormatTests
{
    [Theory]
    [InlineData(0.035, "3.5%"), InlineData(0.399, "39.9%"), InlineData(1.5, "150.0%"), InlineData(0, "0.0%"), InlineData(0.00996, "1.0%"),
     InlineData(0.0042, "0.42%"), InlineData(0.0004, "0.040%"), InlineData(0.000041, "0.0041%"), InlineData(0.000999, "0.10%"),
     InlineData(-0.00042, "-0.042%"), InlineData(1e-12, "1e-10%"), InlineData(double.NaN, "n/a")]
    public void Percent_AnyMagnitude_OneDecimalFromOnePercentTwoSignificantDigitsBelow(double fraction, string expected) =>
        Assert.Equal(expected, NumberFormat.Percent(fraction));

    [Fact]
    public void Percent_EveryNonzeroValue_ShowsADigitOtherThanZero()
    {
        for (double f = 1e-15; f < 1; f *= 1.37)
            Assert.Matches("[1-9]", NumberFormat.Percent(f));
    }

    [Theory]
    [InlineData(0.0004, "+0.040%"), InlineData(-0.032, "-3.2%"), InlineData(0, "0.0%")]
    public void SignedPercent_PositiveGetsAPlus(double fraction, string expected) => Assert.Equal(expected, NumberFormat.SignedPercent(fraction));

    [Fact]
    public void Shipped_FitTable_SmallRelativeErrorShowsItsDigits()
    {
        // An exact power law L = (N_c/N)^α with ±1e-4 multiplicative noise: the standard error of α is about
        // 1e-5, a relative error near 0.02%, which a one-decimal column printed as 0.0%.
        using var folder = new TempFolder();
        var rows = Enumerable.Range(0, 10).Select(i =>
        {
            double n = 1e6 * Math.Pow(10, i / 3.0);
            double loss = Math.Pow(8.8e13 / n, 0.076) * (1 + (i % 2 == 0 ? 1e-4 : -1e-4));
            return string.Create(CultureInfo.InvariantCulture, $"{n:R},{loss:R}");
        });
        File.WriteAllText(folder.File("runs.csv"), "N,loss\n" + string.Join("\n", rows) + "\n");
        var json = ShippedCli.Run(folder.Path, "fit", "runs.csv", "--json");
        Assert.True(json.ExitCode == 0, json.Error);
        var root = System.Text.Json.JsonDocument.Parse(json.Out).RootElement;
        double relative = root.GetProperty("standardErrors").GetProperty("alpha").GetDouble() / root.GetProperty("parameters").GetProperty("alpha").GetDouble();
        Assert.InRange(relative, 1e-5, 1e-3);
        var text = ShippedCli.Run(folder.Path, "fit", "runs.csv");
        string row = text.Out.Split('\n').Single(l => l.Contains("alpha (α)", StringComparison.Ordinal));
        string shown = row.Split('│', StringSplitOptions.TrimEntries)[4];
        Assert.NotEqual("0.0%", shown);
        // Two significant digits of 100·SE/value, computed here from the JSON's own SE and value.
        double printed = double.Parse(shown.TrimEnd('%'), CultureInfo.InvariantCulture);
        Assert.Equal(100 * relative, printed, 100 * relative * 0.05);
    }
}

using System.Globalization;
using ScalingFit.Plotting.Style;

namespace ScalingFit.Plotting.Tests.Style;

/// <summary>
/// The log axis's ticks for ranges from a few percent to thirty decades: labels at round values
/// inside the range, spread over it, never overlapping, at most eight characters; minor ticks apart.
/// </summary>
public class LogTicksTests
{
    /// <summary>About DejaVu Sans at 12 px: 7.5 px a character wide, 14 px high.</summary>
    private static float Width(string text) => 7.5f * new StringInfo(text).LengthInTextElements;

    private static ScottPlot.Tick[] Ticks(double lowerValue, double upperValue, double pixels = 500, bool vertical = true) =>
        LogTicks.Generate(Math.Log10(lowerValue), Math.Log10(upperValue), pixels, vertical ? _ => 14 : Width);

    public static TheoryData<double, double, double, bool> Ranges => new()
    {
        { 1.8, 3.5, 500, true },        // the Chinchilla losses
        { 2.30, 2.36, 400, true },       // a narrow loss range
        { 2.0, 2.004, 400, true },       // narrower still
        { 0.9, 11, 500, true },          // about a decade around 1
        { 5.7e7, 1.6e10, 900, false },   // N of the Chinchilla runs
        { 1e18, 1e26, 500, false },      // a frontier's budgets
        { 1e-3, 1e27, 900, false },      // thirty decades
        { 3e-5, 8e-5, 400, true },       // small values
        { 4.1e22, 4.6e22, 300, false },  // large values, narrow
        { 1.5, 1.9, 120, true },         // a short axis
        { 0.75, 1.45, 160, true },       // a ratio panel around 1: labels above 1 too, not 0.8, 0.9, 1 alone
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Generate_AnyRange_LabelsInsideSpreadShortAndApart(double lower, double upper, double pixels, bool vertical)
    {
        var ticks = Ticks(lower, upper, pixels, vertical);
        var labelled = ticks.Where(t => t.IsMajor).ToList();
        double a = Math.Log10(lower), b = Math.Log10(upper);
        Assert.All(ticks, t => Assert.InRange(t.Position, a - 1e-9, b + 1e-9));
        Assert.InRange(labelled.Count, pixels >= 300 ? 3 : 2, 12);
        Assert.All(labelled, t => Assert.InRange(new StringInfo(t.Label).LengthInTextElements, 1, 8));
        // Each label names the value at its position.
        Assert.All(labelled, t => Assert.Equal(Math.Pow(10, t.Position), Value(t.Label), Math.Pow(10, t.Position) * 1e-9));
        // Spread: the labels cover at least a third of the axis.
        Assert.True(labelled[^1].Position - labelled[0].Position >= (b - a) / 3, string.Join(" ", labelled.Select(t => t.Label)));
        // ... and leave neither end of it unlabelled for half its length.
        Assert.True(labelled[0].Position - a <= (b - a) / 2 && b - labelled[^1].Position <= (b - a) / 2, string.Join(" ", labelled.Select(t => t.Label)));
        // Apart: neighbours' labels do not touch.
        double perUnit = pixels / (b - a);
        for (int i = 1; i < labelled.Count; i++)
        {
            double room = (labelled[i].Position - labelled[i - 1].Position) * perUnit;
            double need = vertical ? 14 : (Width(labelled[i].Label) + Width(labelled[i - 1].Label)) / 2;
            Assert.True(room > need, $"{labelled[i - 1].Label} and {labelled[i].Label}: {room:F1} px apart, labels need {need:F1}");
        }
        var minor = ticks.Where(t => !t.IsMajor).Select(t => t.Position).Order().ToList();
        for (int i = 1; i < minor.Count; i++) Assert.True((minor[i] - minor[i - 1]) * perUnit >= 3, "minor ticks crowd");
    }

    [Fact]
    public void Generate_ChinchillaLosses_LabelsRoundValuesEvenlyNotLinearSteps()
    {
        var labels = Ticks(1.8, 3.5).Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.Equal(["2", "2.5", "3", "3.5"], labels);
    }

    [Fact]
    public void Generate_SeveralDecades_LabelsEveryPowerOfTenWithMinorTicksAtTwoToNine()
    {
        var ticks = Ticks(1e18, 1e26, 500, vertical: false);
        Assert.Equal(["10¹⁸", "10¹⁹", "10²⁰", "10²¹", "10²²", "10²³", "10²⁴", "10²⁵", "10²⁶"], ticks.Where(t => t.IsMajor).Select(t => t.Label));
        var minor = Ticks(1e8, 1e12, 500).Where(t => !t.IsMajor)
            .Select(t => Math.Round(Math.Pow(10, t.Position - Math.Floor(t.Position + 1e-9)), 6)).ToHashSet();
        Assert.Equal(new HashSet<double> { 2, 3, 4, 5, 6, 7, 8, 9 }, minor);
    }

    [Theory]
    [InlineData(2.5, "2.5")]
    [InlineData(0.04, "0.04")]
    [InlineData(300, "300")]
    [InlineData(1e9, "10⁹")]
    [InlineData(2e9, "2×10⁹")]
    [InlineData(2.5e12, "2.5×10¹²")]
    [InlineData(3e-5, "3×10⁻⁵")]
    public void Label_PlainOrPowerOfTen(double value, string label) => Assert.Equal(label, LogTicks.Label(value));

    /// <summary>Reads a label back: "2.5", "10⁹", "2×10⁻⁵".</summary>
    private static double Value(string label)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        int times = label.IndexOf('×');
        string power = times >= 0 ? label[(times + 1)..] : label;
        if (!power.StartsWith("10", StringComparison.Ordinal) || power.Length == 2 || (times < 0 && !power.Any(c => digits.Contains(c) || c == '⁻')))
            return double.Parse(label, CultureInfo.InvariantCulture);
        int exponent = int.Parse(string.Concat(power[2..].Select(c => c == '⁻' ? '-' : (char)('0' + digits.IndexOf(c)))), CultureInfo.InvariantCulture);
        double mantissa = times >= 0 ? double.Parse(label[..times], CultureInfo.InvariantCulture) : 1;
        return mantissa * Math.Pow(10, exponent);
    }
}

using ScalingFit.Plotting.Style;

namespace ScalingFit.Plotting.Tests.Style;

public class TicksTests
{
    private static ScottPlot.Tick[] Generate(ScottPlot.TickGenerators.NumericManual ticks, double lower, double upper)
    {
        using var paint = ScottPlot.Paint.NewDisposablePaint();
        ticks.Regenerate(new ScottPlot.CoordinateRange(lower, upper), ScottPlot.Edge.Bottom, new ScottPlot.PixelLength(800), paint, new ScottPlot.LabelStyle());
        return ticks.Ticks;
    }

    private static (double Position, string Label)[] Majors(ScottPlot.TickGenerators.NumericManual ticks, double lower, double upper) =>
        Generate(ticks, lower, upper).Where(t => t.IsMajor).Select(t => (t.Position, t.Label)).ToArray();

    [Theory]
    [InlineData(9, "10⁹")]
    [InlineData(12, "10¹²")]
    [InlineData(-3, "10⁻³")]
    [InlineData(0, "10⁰")]
    public void PowerOfTen_WritesSuperscriptExponent(int exponent, string expected) =>
        Assert.Equal(expected, Ticks.PowerOfTen(exponent));

    [Theory]
    [InlineData(1e12, "10¹²")]
    [InlineData(1.4e12, "1.4×10¹²")]
    [InlineData(9.999e9, "10¹⁰")]
    [InlineData(2.5, "2.50")]
    public void Scientific_WritesMantissaTimesPowerOfTen(double value, string expected) =>
        Assert.Equal(expected, Ticks.Scientific(value));

    [Fact]
    public void Linear_NegativeValues_UseMinusSign()
    {
        var majors = Majors(Ticks.Linear(-0.2, 0.3), -0.2, 0.3);
        Assert.Contains("−0.1", majors.Select(m => m.Label));
        Assert.Contains("0.0", majors.Select(m => m.Label));
    }
}

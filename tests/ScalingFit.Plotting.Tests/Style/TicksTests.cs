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

    [Fact]
    public void Decades_SeveralDecades_LabelsEachPowerOfTenWithSuperscripts()
    {
        var majors = Majors(Ticks.Decades(7.6, 12.1), 7.6, 12.1);
        Assert.Equal([8.0, 9, 10, 11, 12], majors.Select(m => m.Position));
        Assert.Equal(["10⁸", "10⁹", "10¹⁰", "10¹¹", "10¹²"], majors.Select(m => m.Label));
    }

    [Fact]
    public void Decades_MinorTicks_AtTwoToNineTimesPowersOfTen()
    {
        var minor = Generate(Ticks.Decades(8.9, 10.1), 8.9, 10.1).Where(t => !t.IsMajor).Select(t => Math.Round(Math.Pow(10, t.Position - Math.Floor(t.Position)), 6)).ToHashSet();
        Assert.Equal(new HashSet<double> { 2, 3, 4, 5, 6, 7, 8, 9 }, minor);
    }

    [Fact]
    public void Decades_ManyDecades_LabelsAtMostTen()
    {
        var majors = Majors(Ticks.Decades(0, 30), 0, 30);
        Assert.InRange(majors.Length, 5, 10);
        Assert.All(majors, m => Assert.Equal(Math.Round(m.Position), m.Position));
    }

    [Fact]
    public void Decades_LessThanOneDecade_AlsoLabelsTwoAndFiveTimes()
    {
        var labels = Majors(Ticks.Decades(9.1, 9.9), 9.1, 9.9).Select(m => m.Label).ToArray();
        Assert.Contains("2×10⁹", labels);
        Assert.Contains("5×10⁹", labels);
    }

    [Fact]
    public void Plain_NarrowLossRange_RoundValuesAtTheirLogarithm()
    {
        double lower = Math.Log10(1.8), upper = Math.Log10(4.0);
        var majors = Majors(Ticks.Plain(lower, upper), lower, upper);
        Assert.Equal(["2.0", "2.5", "3.0", "3.5", "4.0"], majors.Select(m => m.Label));
        Assert.Equal(Math.Log10(2.5), majors[1].Position, 12);
    }

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

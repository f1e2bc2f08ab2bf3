using System.Numerics;
using ScalingFit.Fitting;

namespace ScalingFit.Tests.Fitting;

/// <summary>The kernels' own exp and ln against the C library's scalar functions.</summary>
public class VectorFunctionsTests
{
    [Fact]
    public void Exp_Double_WithinTwoUlpOverItsRange()
    {
        var random = new Random(1);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double x = i % 2 == 0 ? -700 + random.NextDouble() * 1409 : -2 + random.NextDouble() * 4;
            double exact = Math.Exp(x);
            worst = Math.Max(worst, Math.Abs(VectorFunctions.Exp(new Vector<double>(x))[0] - exact) / exact);
        }
        Assert.True(worst <= 4.5e-16, $"worst relative error {worst}");
    }

    [Fact]
    public void Log_Double_WithinTwoUlpForNormalInputs()
    {
        var random = new Random(2);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double y = i % 2 == 0 ? Math.Exp(-700 + random.NextDouble() * 1400) : 0.5 + random.NextDouble() * 4;
            double exact = Math.Log(y);
            worst = Math.Max(worst, Math.Abs(VectorFunctions.Log(new Vector<double>(y))[0] - exact) / Math.Max(Math.Abs(exact), 1e-2));
        }
        Assert.True(worst <= 7e-16, $"worst relative error {worst}");
    }

    [Fact]
    public void ExpAndLog_Single_WithinSinglePrecision()
    {
        var random = new Random(3);
        double worstExp = 0, worstLog = 0;
        for (int i = 0; i < 100_000; i++)
        {
            float x = (float)(-80 + random.NextDouble() * 160);
            worstExp = Math.Max(worstExp, Math.Abs(VectorFunctions.Exp(new Vector<float>(x))[0] - Math.Exp(x)) / Math.Exp(x));
            float y = (float)Math.Exp(-80 + random.NextDouble() * 160);
            worstLog = Math.Max(worstLog, Math.Abs(VectorFunctions.Log(new Vector<float>(y))[0] - Math.Log(y)) / Math.Max(Math.Abs(Math.Log(y)), 1e-2));
        }
        Assert.True(worstExp < 3e-7 && worstLog < 3e-7, $"exp {worstExp}, log {worstLog}");
    }

    [Theory]
    [InlineData(-1000.0, 0.0), InlineData(1000.0, double.PositiveInfinity), InlineData(0.0, 1.0), InlineData(double.NaN, double.NaN),
     InlineData(double.NegativeInfinity, 0.0), InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    public void Exp_SpecialValues_AsTheCLibrary(double x, double expected) =>
        Assert.Equal(expected, VectorFunctions.Exp(new Vector<double>(x))[0]);

    [Theory]
    [InlineData(0.0, double.NegativeInfinity), InlineData(1.0, 0.0), InlineData(double.PositiveInfinity, double.PositiveInfinity),
     InlineData(-1.0, double.NaN), InlineData(double.NaN, double.NaN)]
    public void Log_SpecialValues_AsTheCLibrary(double x, double expected) =>
        Assert.Equal(expected, VectorFunctions.Log(new Vector<double>(x))[0]);
}

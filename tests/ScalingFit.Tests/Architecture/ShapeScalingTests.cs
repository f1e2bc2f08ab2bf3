using ScalingFit.Architecture;

namespace ScalingFit.Tests.Architecture;

public class ShapeScalingTests
{
    [Fact]
    public void Scale_Width512To768Depth6To12_Is18874368To84934656()
    {
        var s = ShapeScaling.Scale(KaplanShape.Of(512, 6), 1.5, 2);
        Assert.Equal(12L * 6 * 512 * 512, s.From.NonEmbeddingParameters);
        Assert.Equal(18_874_368, s.From.NonEmbeddingParameters);
        Assert.Equal(84_934_656, s.To.NonEmbeddingParameters);
        Assert.Equal(768, s.To.Shape.ModelWidth);
        Assert.Equal(12, s.To.Shape.LayerCount);
        Assert.Equal(4.5, s.Ratio, 12);
        Assert.Equal(4.5, s.PredictedRatio, 12);
        Assert.Equal(12L * 6 * 768 * 768, s.WidthOnlyParameters);
        Assert.Equal(12L * 12 * 512 * 512, s.DepthOnlyParameters);
        Assert.Equal(Math.Log(2.25) / Math.Log(4.5), s.WidthShare, 12);
        Assert.False(s.IsRounded);
    }

    [Theory]
    [InlineData(256, 4, 0.5, 3.0)]
    [InlineData(1000, 10, 3.0, 0.5)]
    [InlineData(640, 24, 1.25, 1.5)]
    public void Scale_WholeNumberResults_RatioIsDepthTimesWidthSquared(long d, long layers, double kd, double kn)
    {
        var shape = KaplanShape.Of(d, layers, d / 2, 3 * d);
        var s = ShapeScaling.Scale(shape, kd, kn);
        Assert.Equal(kn * kd * kd, s.Ratio, 12);
        Assert.Equal((long)(d * kd), s.To.Shape.ModelWidth);
        Assert.Equal((long)(d / 2 * kd), s.To.Shape.AttentionWidth);
        Assert.Equal((long)(3 * d * kd), s.To.Shape.FeedForwardWidth);
    }

    [Fact]
    public void Scale_WidthNotWhole_RoundsKeepsFourTimesWidthAndSaysSo()
    {
        var s = ShapeScaling.Scale(KaplanShape.Of(100, 10), 1.234, 1);
        Assert.Equal(123, s.To.Shape.ModelWidth);
        Assert.Equal(123, s.To.Shape.AttentionWidth);
        Assert.Equal(4 * 123, s.To.Shape.FeedForwardWidth);
        Assert.True(s.IsRounded);
        Assert.Equal(12.0 * 10 * 123 * 123 / (12.0 * 10 * 100 * 100), s.Ratio, 12);
    }

    [Fact]
    public void Ladder_DoublingSteps_WidthQuadraticDepthLinear()
    {
        var l = ShapeScaling.Ladder(KaplanShape.Of(512, 6));
        long n = 12L * 6 * 512 * 512;
        Assert.Equal([512L, 1024, 2048, 4096], l.Widths);
        Assert.Equal([6L, 12, 24, 48], l.Depths);
        for (int j = 0; j < 4; j++)
            for (int i = 0; i < 4; i++)
                Assert.Equal(n * (1L << (2 * i)) * (1L << j), l.Parameters[j][i]);
    }

    [Theory]
    [InlineData(0.0, 2.0)]
    [InlineData(2.0, -1.0)]
    [InlineData(double.NaN, 2.0)]
    public void Scale_FactorNotPositive_ThrowsOptionException(double kd, double kn) =>
        Assert.Throws<OptionException>(() => ShapeScaling.Scale(KaplanShape.Of(512, 6), kd, kn));

    [Fact]
    public void Scale_DepthRoundsToZero_ThrowsOptionException()
    {
        var e = Assert.Throws<OptionException>(() => ShapeScaling.Scale(KaplanShape.Of(512, 2), 1, 0.1));
        Assert.Contains("n_layer", e.Message);
    }
}

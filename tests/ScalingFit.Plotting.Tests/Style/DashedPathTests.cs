using ScalingFit.Plotting.Style;
using ScottPlot;
using SkiaSharp;

namespace ScalingFit.Plotting.Tests.Style;

public class DashedPathTests
{
    [Fact]
    public void GetPath_StraightLine_DrawsDashFractionOfItsLength()
    {
        // 150 px = ten periods of 9 px dash + 6 px gap: 90 px drawn in ten pieces.
        using var path = new DashedPath(9, 6).GetPath([new Pixel(0, 0), new Pixel(75, 0), new Pixel(150, 0)]);
        using var measure = new SKPathMeasure(path);
        float drawn = 0;
        int pieces = 0;
        do { drawn += measure.Length; pieces++; } while (measure.NextContour());
        Assert.Equal(90, drawn, 2);
        Assert.Equal(10, pieces);
    }

    [Fact]
    public void GetPath_NaN_BreaksTheLine()
    {
        using var path = new DashedPath(1000, 1).GetPath([new Pixel(0, 0), new Pixel(10, 0), new Pixel(float.NaN, 0), new Pixel(20, 0), new Pixel(30, 0)]);
        using var measure = new SKPathMeasure(path);
        float drawn = 0;
        do drawn += measure.Length; while (measure.NextContour());
        Assert.Equal(20, drawn, 2);
    }
}

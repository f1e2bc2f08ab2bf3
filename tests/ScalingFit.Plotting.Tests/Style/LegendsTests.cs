using ScalingFit.Plotting.Style;
using ScottPlot;

namespace ScalingFit.Plotting.Tests.Style;

public class LegendsTests
{
    private static Alignment CornerFor(params Coordinates[] points)
    {
        using var plot = FigureStyle.NewPlot();
        plot.Axes.SetLimits(0, 1, 0, 1);
        Legends.ShowInEmptiestCorner(plot, [Legends.Marker("runs", Colors.Black)], points, new PixelSize(1000, 600));
        return plot.Legend.Alignment;
    }

    [Fact]
    public void ShowInEmptiestCorner_NothingDrawn_UpperRight() => Assert.Equal(Alignment.UpperRight, CornerFor());

    [Fact]
    public void ShowInEmptiestCorner_PointsInUpperCorners_LowerRight() =>
        Assert.Equal(Alignment.LowerRight, CornerFor(new(0.95, 0.95), new(0.05, 0.95), new(0.5, 0.5)));

    [Fact]
    public void ShowInEmptiestCorner_Always_DashedEntriesLast()
    {
        using var plot = FigureStyle.NewPlot();
        Legends.Show(plot, [Legends.Line("extrapolation", Colors.Black, 2, dashed: true), Legends.Marker("runs", Colors.Black)], Alignment.UpperRight);
        Assert.Equal(["runs", "extrapolation"], plot.Legend.ManualItems.Select(i => i.LabelText));
    }
}

using ScalingFit.Plotting.Style;
using ScottPlot;

namespace ScalingFit.Plotting.Tests.Style;

/// <summary>Legends placed from the plot's own layout: in a corner that hides no point, above the data, or beside it.</summary>
public class LegendsTests
{
    /// <summary>A one-panel figure with points at the given coordinates (axes 0 to 1), rendered; returns the laid-out plot.</summary>
    private static Plot Placed(params Coordinates[] points)
    {
        var plot = FigureStyle.NewPlot();
        if (points.Length > 0)
        {
            var scatter = plot.Add.ScatterPoints(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), Colors.Black);
            scatter.MarkerSize = 6;
        }
        plot.Axes.SetLimits(0, 1, 0, 1);
        Legends.ShowInside(plot, [Legends.Marker("runs", Colors.Black), Legends.Line("a fitted law with a long name", Colors.Black, 2)]);
        var figure = new Figure(FigureKind.Fit, "title", null, [plot], 800, 500);
        figure.ToPng();
        return plot;
    }

    [Fact]
    public void ShowInside_NothingDrawn_UpperRight() => Assert.Equal(Alignment.UpperRight, Placed().Legend.Alignment);

    [Fact]
    public void ShowInside_PointsInUpperCorners_LowerRight() =>
        Assert.Equal(Alignment.LowerRight, Placed(new(0.97, 0.97), new(0.03, 0.97), new(0.5, 0.5)).Legend.Alignment);

    [Fact]
    public void ShowInside_PointsInEveryCorner_RaisesTheTopAndCoversNone()
    {
        var grid = from x in Enumerable.Range(0, 11) from y in Enumerable.Range(0, 11) select new Coordinates(x / 10.0, y / 10.0);
        var plot = Placed([.. grid]);
        Assert.True(plot.Axes.GetLimits().Top > 1, "the y axis was raised to make room");
        Assert.True(plot.Legend.IsVisible);
        var layout = plot.RenderManager.LastRender;
        var rect = LegendPlacement.Rect(plot, layout.DataRect, plot.Legend.LastRenderSize, plot.Legend.Alignment);
        Assert.DoesNotContain(grid, c => rect.Expand(5).Contains(plot.GetPixel(c)));
    }

    [Fact]
    public void Show_Always_DashedEntriesLast()
    {
        using var plot = FigureStyle.NewPlot();
        Legends.Show(plot, [Legends.Line("extrapolation", Colors.Black, 2, dashed: true), Legends.Marker("runs", Colors.Black)], Alignment.UpperRight);
        Assert.Equal(["runs", "extrapolation"], plot.Legend.ManualItems.Select(i => i.LabelText));
    }
}

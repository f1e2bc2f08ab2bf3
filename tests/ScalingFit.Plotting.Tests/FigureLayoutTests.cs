using System.Globalization;
using ScalingFit.Plotting.Tests.Support;
using ScottPlot;
using ScottPlot.Plottables;

namespace ScalingFit.Plotting.Tests;

/// <summary>
/// Every kind of figure, in PNG and in SVG, read back from the layout its plots used to draw: tick
/// labels are short and lie within the axes, the log axes label values over the data, and no legend
/// inside a data area covers a data point.
/// </summary>
public class FigureLayoutTests
{
    public static TheoryData<string, FigureFormat> KindsAndFormats() => FigureRenderingTests.KindsAndFormats();

    [Theory]
    [MemberData(nameof(KindsAndFormats))]
    public void Layout_EveryKindAndFormat_ShortTickLabelsInsideTheAxesAndOverTheData(string kind, FigureFormat format)
    {
        using var figure = Drawn(kind, format);
        foreach (var plot in figure.Panels.Where(HasAxes))
        {
            var limits = plot.Axes.GetLimits();
            var points = DataPoints(plot);
            foreach (var (axis, low, high, values) in new[]
                     {
                         ((IAxis)plot.Axes.Bottom, limits.Left, limits.Right, points.Select(p => p.X).ToList()),
                         (plot.Axes.Left, limits.Bottom, limits.Top, points.Select(p => p.Y).ToList()),
                     })
            {
                var labelled = axis.TickGenerator.Ticks.Where(t => t.IsMajor && t.Label.Length > 0).ToList();
                if (!axis.TickLabelStyle.IsVisible) continue;
                Assert.True(labelled.Count >= 2, $"{kind}: {labelled.Count} labels on an axis");
                Assert.All(labelled, t => Assert.InRange(new StringInfo(t.Label).LengthInTextElements, 1, 8));
                Assert.All(labelled, t => Assert.InRange(t.Position, low - 1e-9, high + 1e-9));
                // Over the data: no data value lies further from a label than labels lie from each other (the median step),
                // so the labels spread over the data, not bunched beside it.
                if (values.Count < 2 || axis.TickGenerator is not ScalingFit.Plotting.Style.LogTicks) continue;
                var positions = labelled.Select(t => t.Position).Order().ToList();
                var steps = positions.Zip(positions.Skip(1), (x, y) => y - x).Order().ToList();
                double step = steps[steps.Count / 2];
                var far = values.Where(v => positions.Min(p => Math.Abs(p - v)) > step * (1 + 1e-9)).ToList();
                Assert.True(far.Count == 0, $"{kind}: data at {far.FirstOrDefault():F3} lies more than a label step ({step:F3}) from every label: " +
                                            string.Join(" ", labelled.Select(t => t.Label)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndFormats))]
    public void Layout_EveryKindAndFormat_LegendsInsideTheDataHideNoPoint(string kind, FigureFormat format)
    {
        using var figure = Drawn(kind, format);
        int inside = 0;
        foreach (var plot in figure.Panels.Where(HasAxes))
        {
            if (!plot.Legend.IsVisible || plot.Legend.ManualItems.Count == 0) continue;
            inside++;
            var layout = plot.RenderManager.LastRender;
            var size = plot.Legend.LastRenderSize;
            // Where ScottPlot draws a legend inside the data area: its size aligned in the data area less the margin.
            var box = new PixelRect(0, size.Width, size.Height, 0).AlignedInside(layout.DataRect.Contract(plot.Legend.Margin), plot.Legend.Alignment);
            foreach (var (point, radius) in DataPixels(plot))
                Assert.False(box.Expand(radius).Contains(point),
                    $"{kind} ({format}): the legend at {plot.Legend.Alignment} ({box}) covers the point at ({point.X:F0}, {point.Y:F0})");
        }
        // The fit, residual and IsoFLOP figures keep their legends inside the data area: those were checked.
        if (kind.StartsWith("fit", StringComparison.Ordinal) || kind is "residuals" or "isoflop") Assert.True(inside > 0, $"{kind}: no legend inside");
    }

    private static Figure Drawn(string kind, FigureFormat format)
    {
        var figure = FigureRenderingTests.Render(kind);
        using var stream = new MemoryStream();
        figure.Write(stream, format);
        return figure;
    }

    private static bool HasAxes(Plot plot) => plot.Axes.Bottom.IsVisible && plot.Axes.Left.IsVisible && plot.Axes.Bottom.FrameLineStyle.Width > 0;

    /// <summary>The markers drawn (points of runs, minima), in axis coordinates.</summary>
    private static List<Coordinates> DataPoints(Plot plot) =>
        plot.GetPlottables<Scatter>().Where(s => s.MarkerSize > 0 && s.MarkerShape != MarkerShape.None).SelectMany(s => s.Data.GetScatterPoints())
            .Concat(plot.GetPlottables<Markers>().SelectMany(m => m.Data.GetScatterPoints()))
            .ToList();

    /// <summary>The markers' pixels, from the plot's last layout, with their radius.</summary>
    private static IEnumerable<(Pixel, float)> DataPixels(Plot plot) =>
        plot.GetPlottables<Scatter>().Where(s => s.MarkerSize > 0 && s.MarkerShape != MarkerShape.None)
            .SelectMany(s => s.Data.GetScatterPoints().Select(c => (plot.GetPixel(c), s.MarkerSize / 2)))
            .Concat(plot.GetPlottables<Markers>().SelectMany(m => m.Data.GetScatterPoints().Select(c => (plot.GetPixel(c), m.MarkerStyle.Size / 2))))
            .Where(p => plot.RenderManager.LastRender.DataRect.Contains(p.Item1));
}

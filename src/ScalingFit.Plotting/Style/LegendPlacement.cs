using System.Runtime.CompilerServices;
using ScottPlot;

namespace ScalingFit.Plotting.Style;

/// <summary>
/// Puts a legend where it hides no data, decided from the plot's own layout once it has been laid
/// out (the data area in pixels, the legend's measured size, every point's pixel): the corner of
/// the data area that covers no point (and the fewest line vertices); failing that, room made above
/// the data by raising the top of the y axis; failing that, beside the data area.
/// </summary>
internal static class LegendPlacement
{
    private sealed class State
    {
        public bool Arranged { get; set; }
        public int Passes { get; set; }
    }

    private static readonly ConditionalWeakTable<Plot, State> Requests = new();

    /// <summary>Pixels kept clear around a point beyond its marker's radius.</summary>
    public const float Clearance = 2;

    /// <summary>The corners tried, in order of preference.</summary>
    public static readonly Alignment[] Corners = [Alignment.UpperRight, Alignment.UpperLeft, Alignment.LowerRight, Alignment.LowerLeft];

    /// <summary>Asks for the legend (already shown inside the data area) to be placed after layout.</summary>
    public static void Request(Plot plot) => Requests.AddOrUpdate(plot, new State());

    /// <summary>Whether the plot still waits for its legend to be placed.</summary>
    public static bool Pending(Plot plot) => Requests.TryGetValue(plot, out var r) && !r.Arranged;

    /// <summary>
    /// Places the legend from the last layout; returns true when the plot must be laid out again
    /// (its limits or panels changed) before the next call.
    /// </summary>
    public static bool Arrange(Plot plot)
    {
        if (!Requests.TryGetValue(plot, out var request) || request.Arranged) return false;
        request.Passes++;
        var layout = plot.RenderManager.LastRender;
        var size = plot.Legend.LastRenderSize;
        if (!plot.Legend.IsVisible || size.Width <= 0 || float.IsNaN(size.Width)) { request.Arranged = true; return false; }
        var (points, vertices) = DataPixels(plot);
        var best = Corners.Select(c => (Corner: c, Rect: Rect(plot, layout.DataRect, size, c)))
            .Select(c => (c.Corner, Points: points.Count(p => Covers(c.Rect, p)), Vertices: vertices.Count(p => Covers(c.Rect, p))))
            .OrderBy(c => c.Points).ThenBy(c => c.Vertices).First();
        if (best.Points == 0)
        {
            plot.Legend.Alignment = best.Corner;
            request.Arranged = true;
            return false;
        }
        if (request.Passes == 1 && RaiseTop(plot, layout, size, points)) return true;
        // Beside the data area, where it cannot hide anything.
        var items = plot.Legend.ManualItems.ToList();
        plot.Legend.IsVisible = false;
        plot.ShowLegend(Edge.Right);
        plot.Legend.ManualItems.Clear();
        plot.Legend.ManualItems.AddRange(items);
        request.Arranged = true;
        return true;
    }

    /// <summary>The legend's rectangle in a corner of the data area, as ScottPlot draws it there.</summary>
    public static PixelRect Rect(Plot plot, PixelRect dataRect, PixelSize size, Alignment corner) =>
        new PixelRect(0, size.Width, size.Height, 0).AlignedInside(dataRect.Contract(plot.Legend.Margin), corner);

    /// <summary>
    /// Raises the top of the y axis so that a band as high as the legend lies above every point, when
    /// that costs less than 40% of the data area; true when it did.
    /// </summary>
    private static bool RaiseTop(Plot plot, RenderDetails layout, PixelSize size, List<(Pixel Pixel, float Radius)> points)
    {
        var limits = plot.Axes.GetLimits();
        double height = layout.DataRect.Height;
        double band = size.Height + plot.Legend.Margin.Vertical + 2 * Clearance + 6;
        double share = band / height;
        if (share > 0.4 || points.Count == 0) return false;
        double highest = points.Max(p => plot.GetCoordinates(p.Pixel.X, p.Pixel.Y - p.Radius - Clearance).Y);
        // (top − highest) / (top − bottom) = share  ⇒  top = (highest − share·bottom) / (1 − share).
        double top = (highest - share * limits.Bottom) / (1 - share);
        if (!(top > limits.Top)) return false;
        plot.Axes.SetLimitsY(limits.Bottom, top);
        return true;
    }

    /// <summary>Whether a point's marker (with clearance) touches the rectangle.</summary>
    public static bool Covers(PixelRect rect, (Pixel Pixel, float Radius) point) =>
        rect.Expand(point.Radius + Clearance).Contains(point.Pixel);

    /// <summary>Every marker's pixel and radius, and every vertex of lines, inside the data area.</summary>
    public static (List<(Pixel, float)> Points, List<(Pixel, float)> Vertices) DataPixels(Plot plot)
    {
        var points = new List<(Pixel, float)>();
        var vertices = new List<(Pixel, float)>();
        var data = plot.RenderManager.LastRender.DataRect;
        foreach (var plottable in plot.GetPlottables())
        {
            switch (plottable)
            {
                case ScottPlot.Plottables.Scatter s:
                    bool markers = s.MarkerSize > 0 && s.MarkerShape != MarkerShape.None;
                    foreach (var c in s.Data.GetScatterPoints())
                    {
                        var pixel = plot.GetPixel(c);
                        if (!data.Contains(pixel)) continue;
                        if (markers) points.Add((pixel, s.MarkerSize / 2));
                        if (s.LineWidth > 0) vertices.Add((pixel, s.LineWidth / 2));
                    }
                    break;
                case ScottPlot.Plottables.Markers m:
                    foreach (var c in m.Data.GetScatterPoints())
                        if (plot.GetPixel(c) is var pixel && data.Contains(pixel)) points.Add((pixel, m.MarkerStyle.Size / 2));
                    break;
            }
        }
        return (points, vertices);
    }
}

using ScottPlot;

namespace ScalingFit.Plotting.Style;

/// <summary>
/// Legend entries built explicitly, in the order a reader needs them. Dashed entries go last: a
/// legend's dashed line sets a path effect on ScottPlot's shared paint, and the text drawn next
/// clears it, but a marker or fill drawn next would carry it into Skia's SVG canvas.
/// </summary>
internal static class Legends
{
    public static LegendItem Marker(string label, Color color) => new()
    {
        LabelText = label,
        MarkerShape = MarkerShape.FilledCircle,
        MarkerSize = FigureStyle.MarkerSize + 1,
        MarkerFillColor = color,
        MarkerLineColor = color,
        LineWidth = 0,
    };

    public static LegendItem Line(string label, Color color, float width, bool dashed = false) =>
        Line(label, color, width, dashed ? Dash.Dashed : Dash.Solid);

    public static LegendItem Line(string label, Color color, float width, Dash dash) => new()
    {
        LabelText = label,
        LineColor = color,
        LineWidth = width,
        LinePattern = dash switch { Dash.Dashed => LinePattern.DenselyDashed, Dash.Dotted => LinePattern.Dotted, _ => LinePattern.Solid },
    };

    /// <summary>A marker of any shape, filled or outlined (open shapes take the outline colour).</summary>
    public static LegendItem Marker(string label, MarkerShape shape, Color fill, Color outline, float size, float outlineWidth = 1) => new()
    {
        LabelText = label,
        MarkerShape = shape,
        MarkerSize = size,
        MarkerFillColor = fill,
        MarkerLineColor = outline,
        MarkerLineWidth = outlineWidth,
        LineWidth = 0,
    };

    public static LegendItem Fill(string label, Color color) => new()
    {
        LabelText = label,
        FillColor = color,
        LineWidth = 0,
    };

    /// <summary>Shows the entries in a corner of the data area, solid entries first and dashed ones last.</summary>
    public static void Show(Plot plot, IEnumerable<LegendItem> items, Alignment corner)
    {
        plot.Legend.FontName = EmbeddedFonts.Family;
        plot.ShowLegend(Ordered(items), corner);
    }

    /// <summary>
    /// Shows the entries in the corner of the data area that covers the fewest of the given points,
    /// preferring upper right, then upper left, lower right, lower left on ties.
    /// </summary>
    /// <param name="plot">The plot, its axis limits set.</param>
    /// <param name="items">The entries.</param>
    /// <param name="points">What the legend should not hide, in axis coordinates.</param>
    /// <param name="panelSize">The panel's size in pixels, to estimate the legend's share of the data area.</param>
    public static void ShowInEmptiestCorner(Plot plot, IReadOnlyList<LegendItem> items, IEnumerable<Coordinates> points, PixelSize panelSize)
    {
        var limits = plot.Axes.GetLimits();
        // A legend row is about 20 px high; a label as wide as the embedded font draws it, plus about 50 px of symbol and
        // padding; the data area about 80% of the panel.
        double height = Math.Min(0.9, (items.Count * 20 + 14) / (0.8 * panelSize.Height));
        double width = Math.Min(0.9, (items.Max(i => LabelWidth(i.LabelText)) + 50) / (0.85 * panelSize.Width));
        var corners = new[] { Alignment.UpperRight, Alignment.UpperLeft, Alignment.LowerRight, Alignment.LowerLeft };
        var normalized = points.Select(p => (X: (p.X - limits.Left) / limits.HorizontalSpan, Y: (p.Y - limits.Bottom) / limits.VerticalSpan)).ToList();
        int Covered(Alignment corner)
        {
            bool right = corner is Alignment.UpperRight or Alignment.LowerRight, upper = corner is Alignment.UpperRight or Alignment.UpperLeft;
            return normalized.Count(p => (right ? p.X >= 1 - width : p.X <= width) && (upper ? p.Y >= 1 - height : p.Y <= height));
        }
        Show(plot, items, corners.MinBy(Covered));
    }

    /// <summary>The width of a legend label in pixels, measured in the embedded font at the legend's size.</summary>
    internal static float LabelWidth(string text)
    {
        using var font = new SkiaSharp.SKFont(EmbeddedFonts.Typeface(bold: false), FigureStyle.LegendSize);
        return font.MeasureText(text);
    }

    /// <summary>Shows the entries beside the data area, where they cannot cover a line.</summary>
    public static void ShowBeside(Plot plot, IEnumerable<LegendItem> items, Edge edge)
    {
        plot.Legend.FontName = EmbeddedFonts.Family;
        plot.Legend.ManualItems.Clear();
        plot.Legend.ManualItems.AddRange(Ordered(items));
        plot.ShowLegend(edge);
    }

    private static IEnumerable<LegendItem> Ordered(IEnumerable<LegendItem> items) =>
        items.OrderBy(i => i.LinePattern.Name == LinePattern.Solid.Name ? 0 : 1);
}

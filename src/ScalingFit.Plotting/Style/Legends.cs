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

    public static LegendItem Line(string label, Color color, float width, bool dashed = false) => new()
    {
        LabelText = label,
        LineColor = color,
        LineWidth = width,
        LinePattern = dashed ? LinePattern.DenselyDashed : LinePattern.Solid,
    };

    public static LegendItem Fill(string label, Color color) => new()
    {
        LabelText = label,
        FillColor = color,
        LineWidth = 0,
    };

    /// <summary>Shows the entries in the given corner, solid entries first and dashed ones last.</summary>
    public static void Show(Plot plot, IEnumerable<LegendItem> items, Alignment corner)
    {
        plot.Legend.FontName = EmbeddedFonts.Family;
        plot.ShowLegend(items.OrderBy(i => i.LinePattern.Name == LinePattern.Solid.Name ? 0 : 1), corner);
    }
}

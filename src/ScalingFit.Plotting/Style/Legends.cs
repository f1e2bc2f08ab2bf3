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
        LinePattern = dash switch
        {
            Dash.Dashed => LinePattern.DenselyDashed, Dash.Dotted => LinePattern.Dotted, Dash.Short => LinePattern.Dashed, _ => LinePattern.Solid,
        },
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
    /// Shows the entries inside the data area where they hide no point: the figure places the legend
    /// from the plot's own layout once it is laid out (<see cref="LegendPlacement"/>).
    /// </summary>
    public static void ShowInside(Plot plot, IEnumerable<LegendItem> items)
    {
        Show(plot, items, Alignment.UpperRight);
        LegendPlacement.Request(plot);
    }

    /// <summary>Shows the entries beside the data area, where they cannot cover a line.</summary>
    public static void ShowBeside(Plot plot, IEnumerable<LegendItem> items, Edge edge)
    {
        plot.Legend.FontName = EmbeddedFonts.Family;
        plot.Legend.ManualItems.Clear();
        plot.Legend.ManualItems.AddRange(Ordered(items));
        plot.ShowLegend(edge);
    }

    /// <summary>
    /// A panel that is only a legend, its entries side by side and wrapped into rows, for a legend that
    /// several panels share and none of them should hide data under.
    /// </summary>
    public static Plot Panel(IEnumerable<LegendItem> items)
    {
        var plot = FigureStyle.NewPlot();
        plot.Layout.Frameless();
        plot.HideGrid();
        plot.Axes.Frameless();
        Show(plot, items, Alignment.MiddleCenter);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.Legend.BackgroundColor = Colors.Transparent;
        return plot;
    }

    private static IEnumerable<LegendItem> Ordered(IEnumerable<LegendItem> items) =>
        items.OrderBy(i => i.LinePattern.Name == LinePattern.Solid.Name ? 0 : 1);
}

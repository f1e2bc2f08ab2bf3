using ScottPlot;

namespace ScalingFit.Plotting.Style;

/// <summary>
/// The one look of every figure: the embedded font, a white background with light grids, ordered
/// series in viridis, the fitted model in vermillion, reference lines in grey.
/// </summary>
internal static class FigureStyle
{
    /// <summary>Text, axes and frames.</summary>
    public static readonly Color Ink = Color.FromHex("#222222");

    /// <summary>The fitted model: curves, bands, trend lines (Okabe–Ito vermillion).</summary>
    public static readonly Color Model = Color.FromHex("#D55E00");

    /// <summary>Points when they are not coloured by a level (Okabe–Ito blue).</summary>
    public static readonly Color Points = Color.FromHex("#0072B2");

    /// <summary>Reference lines: irreducible loss, zero residual, ±2s.</summary>
    public static readonly Color Reference = Color.FromHex("#555555");

    /// <summary>Opacity of a prediction band.</summary>
    public const double BandAlpha = 0.18;

    /// <summary>Marker diameter of a run, in pixels.</summary>
    public const float MarkerSize = 6;

    /// <summary>Width of fitted curves, in pixels.</summary>
    public const float CurveWidth = 2.5f;

    public const float TitleSize = 17;
    public const float SubtitleSize = 12.5f;
    public const float PanelTitleSize = 14;
    public const float AxisLabelSize = 14;
    public const float TickLabelSize = 12;
    public const float LegendSize = 12;

    private static readonly ScottPlot.Colormaps.Viridis Viridis = new();

    /// <summary>
    /// The colour of level <paramref name="index"/> of <paramref name="count"/> ordered levels:
    /// viridis from dark purple to green, stopping before its pale yellow end so points stay visible on white.
    /// </summary>
    public static Color Level(int index, int count) =>
        Viridis.GetColor(count <= 1 ? 0.35 : 0.82 * index / (count - 1));

    /// <summary>The colour at a position from 0 to 1 along the same viridis range as <see cref="Level"/> (for colour bars).</summary>
    public static Color Ramp(double position) => Viridis.GetColor(0.82 * Math.Clamp(double.IsFinite(position) ? position : 0.5, 0, 1));

    /// <summary>The viridis range of <see cref="Ramp"/> as a colour map, for a colour bar.</summary>
    public static IColormap RampColormap { get; } = new RampMap();

    /// <summary>
    /// Unordered categories (laws compared side by side), Okabe–Ito's colour-blind-safe set in its
    /// order: blue, vermillion, bluish green, reddish purple, orange, sky blue, then grey.
    /// </summary>
    public static Color Category(int index) => Categories[Math.Clamp(index, 0, Categories.Length - 1)];

    private static readonly Color[] Categories =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#777777"),
    ];

    /// <summary>Context drawn behind the data that matters: runs a figure shows but does not analyse.</summary>
    public static readonly Color Context = Color.FromHex("#B8B8B8");

    private sealed class RampMap : IColormap
    {
        public string Name => "viridis (0–0.82)";

        public Color GetColor(double position) => Ramp(position);
    }

    /// <summary>A new plot in the house style (font registered, white, light grid, styled axes and legend).</summary>
    public static Plot NewPlot()
    {
        EmbeddedFonts.Register();
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Title.Label.FontSize = PanelTitleSize;
        plot.Axes.Title.Label.ForeColor = Ink;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = AxisLabelSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Ink;
            axis.TickLabelStyle.FontSize = TickLabelSize;
            axis.TickLabelStyle.ForeColor = Ink;
            axis.FrameLineStyle.Color = Ink;
            axis.MajorTickStyle.Color = Ink;
            axis.MinorTickStyle.Color = Ink;
        }
        foreach (var grid in new[] { plot.Grid.XAxisStyle, plot.Grid.YAxisStyle })
        {
            grid.MajorLineStyle.Color = Colors.Black.WithAlpha(0.12);
            grid.MajorLineStyle.Width = 1;
            grid.MinorLineStyle.Color = Colors.Black.WithAlpha(0.05);
            grid.MinorLineStyle.Width = 1;
        }
        plot.Legend.FontSize = LegendSize;
        plot.Legend.FontColor = Ink;
        plot.Legend.OutlineColor = Colors.Black.WithAlpha(0.25);
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.9);
        plot.Legend.ShadowColor = Colors.Transparent;
        return plot;
    }

    /// <summary>A line through points (no markers), solid or dashed; dashes are cut by <see cref="DashedPath"/>, never by a path effect.</summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, Color color, float width, bool dashed = false) =>
        Line(plot, xs, ys, color, width, dashed ? Dash.Dashed : Dash.Solid);

    /// <summary>A line through points (no markers) in one of the house dash patterns.</summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, Color color, float width, Dash dash)
    {
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LineWidth = width;
        line.PathStrategy = dash switch
        {
            Dash.Dashed => new DashedPath(),
            Dash.Dotted => new DashedPath(2, 4),
            Dash.Short => new DashedPath(4, 4),
            _ => line.PathStrategy,
        };
        return line;
    }

    /// <summary>Vertical error bars from <paramref name="lower"/> to <paramref name="upper"/> at each point (axis coordinates).</summary>
    public static ScottPlot.Plottables.ErrorBar VerticalErrorBars(Plot plot, double[] xs, double[] ys, double[] lower, double[] upper)
    {
        var bars = new ScottPlot.Plottables.ErrorBar(xs, ys, null, null,
            upper.Select((u, i) => u - ys[i]).ToArray(), lower.Select((l, i) => ys[i] - l).ToArray());
        plot.PlottableList.Add(bars);
        return bars;
    }

    /// <summary>A horizontal line across [left, right] at <paramref name="y"/>.</summary>
    public static ScottPlot.Plottables.Scatter Horizontal(Plot plot, double y, double left, double right, Color color, float width, bool dashed) =>
        Line(plot, [left, right], [y, y], color, width, dashed);
}

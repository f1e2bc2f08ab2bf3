using ScottPlot;

namespace ScalingFit.Plotting.Style;

/// <summary>
/// Colours values of a quantity by their log₁₀ along the house viridis range, and the colour bar
/// beside the data area that reads them back: for runs coloured by compute budget, size or tokens,
/// however many distinct values there are.
/// </summary>
internal sealed class ColorScale : IHasColorAxis
{
    private readonly double _low;
    private readonly double _high;
    private readonly string _label;

    private ColorScale(double low, double high, string label)
    {
        (_low, _high, _label) = (low, high, label);
    }

    /// <summary>A scale over the positive finite values given, with the colour bar's label.</summary>
    public static ColorScale Of(IEnumerable<double> values, string label)
    {
        var logs = values.Where(v => v > 0 && double.IsFinite(v)).Select(Math.Log10).ToList();
        return logs.Count == 0 ? new ColorScale(0, 1, label) : new ColorScale(logs.Min(), logs.Max(), label);
    }

    /// <inheritdoc />
    public IColormap Colormap => FigureStyle.RampColormap;

    /// <summary>The colour of a value (not its logarithm), one of 64 shades along the scale.</summary>
    public Color Of(double value) =>
        FigureStyle.Ramp(_high > _low ? Math.Round(63 * Math.Clamp((Math.Log10(value) - _low) / (_high - _low), 0, 1)) / 63 : 0.5);

    /// <inheritdoc />
    public ScottPlot.Range GetRange() => _high > _low ? new(_low, _high) : new(_low - 0.5, _high + 0.5);

    /// <summary>The colour bar on the right of the data area, with log ticks and the label.</summary>
    public ScottPlot.Panels.ColorBar Bar()
    {
        var bar = new ScottPlot.Panels.ColorBar(this, Edge.Right) { Label = _label, Width = 22 };
        bar.Axis.TickGenerator = new LogTicks();
        bar.Axis.TickLabelStyle.FontSize = FigureStyle.TickLabelSize;
        bar.Axis.TickLabelStyle.ForeColor = FigureStyle.Ink;
        bar.LabelStyle.FontSize = FigureStyle.AxisLabelSize;
        bar.LabelStyle.ForeColor = FigureStyle.Ink;
        bar.LabelStyle.Bold = false;
        return bar;
    }
}

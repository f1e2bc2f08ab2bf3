using System.Globalization;
using ScalingFit.Plotting.Style;
using ScottPlot;

namespace ScalingFit.Plotting;

/// <summary>
/// What-if parameter counts, N ≈ 12·L·d²: N against width d for each depth (slope 2 on log-log
/// axes: doubling the width quadruples N) beside N against depth L for each width (slope 1:
/// doubling the depth doubles N). Both x axes span the same number of decades and share the y
/// range, so the two slopes compare at a glance.
/// </summary>
public sealed class WhatIfFigure(WhatIfFigureOptions? options = null) : IFigureRenderer<ParameterCountGrid>
{
    /// <summary>The options in force.</summary>
    public WhatIfFigureOptions Options { get; } = options ?? new WhatIfFigureOptions();

    /// <inheritdoc />
    public FigureKind Kind => FigureKind.WhatIf;

    /// <inheritdoc />
    public Figure Render(ParameterCountGrid source)
    {
        source = source.Validated();
        var widths = source.Widths.Order().ToArray();
        var depths = source.Depths.Order().ToArray();
        double span = Math.Max(Decades(widths), Decades(depths)) * 1.08;
        var y = new Extent();
        foreach (int w in widths) foreach (int l in depths) y.Add(Math.Log10(ParameterCountGrid.Estimate(w, l)));
        var (bottom, top) = y.Padded(0.05);

        var byWidth = Panel("N against width d, depth L fixed", "model width d (d_model), log scale", widths, depths, "L",
            (d, l) => ParameterCountGrid.Estimate(d, l), span, bottom, top, "×2 width → ×4 N");
        var byDepth = Panel("N against depth L, width d fixed", "layers L, log scale", depths, widths, "d",
            (l, d) => ParameterCountGrid.Estimate(d, l), span, bottom, top, "×2 depth → ×2 N");
        return new Figure(Kind, "What-if parameter counts: N ≈ 12·L·d² (Kaplan et al. 2020)",
            "non-embedding parameters, d_attn = d, d_ff = 4d · on log axes N rises with slope 2 in width (N ∝ d²) and slope 1 in depth (N ∝ L)",
            [byWidth, byDepth], Options.Width, Options.Height);
    }

    private static Plot Panel(
        string title, string xLabel, int[] along, int[] series, string seriesSymbol, Func<double, double, double> count,
        double span, double bottom, double top, string note)
    {
        var plot = FigureStyle.NewPlot();
        plot.Title(title);
        for (int i = 0; i < series.Length; i++)
        {
            var color = FigureStyle.Level(i, series.Length);
            var xs = Enumerable.Range(0, 60).Select(k => Math.Log10(along[0]) + Decades(along) * k / 59).ToArray();
            FigureStyle.Line(plot, xs, xs.Select(x => Math.Log10(count(Math.Pow(10, x), series[i]))).ToArray(), color, FigureStyle.CurveWidth);
            var marks = plot.Add.ScatterPoints(
                along.Select(a => Math.Log10(a)).ToArray(), along.Select(a => Math.Log10(count(a, series[i]))).ToArray(), color);
            marks.MarkerSize = FigureStyle.MarkerSize + 1;
        }
        double center = (Math.Log10(along[0]) + Math.Log10(along[^1])) / 2;
        double left = center - span / 2, right = center + span / 2;
        plot.Axes.SetLimits(left, right, bottom, top);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (int a in along) ticks.AddMajor(Math.Log10(a), a.ToString(CultureInfo.InvariantCulture));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Left.TickGenerator = new LogTicks();
        plot.XLabel(xLabel);
        plot.YLabel("parameters N, log scale");
        var text = plot.Add.Annotation(note, Alignment.LowerRight);
        text.LabelFontSize = FigureStyle.LegendSize + 1;
        text.LabelFontName = EmbeddedFonts.Family;
        text.LabelBackgroundColor = Colors.White.WithAlpha(0.9);
        text.LabelBorderColor = Colors.Black.WithAlpha(0.25);
        text.LabelShadowColor = Colors.Transparent;
        // Beside the data, where no line runs; labels padded to one width keep both data areas equally wide.
        Legends.ShowBeside(plot,
            series.Select((v, i) => Legends.Line($"{seriesSymbol} = {v.ToString(CultureInfo.InvariantCulture),-6}", FigureStyle.Level(i, series.Length), FigureStyle.CurveWidth))
                .Reverse(), // top line first
            Edge.Right);
        return plot;
    }

    private static double Decades(int[] sorted) => Math.Log10((double)sorted[^1] / sorted[0]);
}

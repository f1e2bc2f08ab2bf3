using ScalingFit.Data;
using ScalingFit.Plotting.Style;
using ScottPlot;

namespace ScalingFit.Plotting.Series;

/// <summary>
/// The ratio panel under a frontier panel: every estimate divided by the law's frontier (the IsoFLOP
/// fit's when there is no law), on a log axis, so lines that lie on top of each other above are
/// told apart here: the law's band about 1, the IsoFLOP minima and fit, and the reference slopes.
/// </summary>
internal sealed class FrontierRatioPanel(FrontierPlan plan, FrontierAxis axis)
{
    private readonly Plot _plot = FigureStyle.NewPlot();
    private readonly Extent _y = new();

    public Plot Draw()
    {
        var xs = FrontierSeries.Spaced(plan.From, plan.To, 120);
        var base0 = xs.Select(x => plan.Baseline.At(x, axis)).ToArray();
        double[] Relative(FrontierLine line) => xs.Select((x, i) => line.At(x, axis) - base0[i]).ToArray();
        _y.Add(0);
        if (plan.Law is { } law)
        {
            if (plan.Samples.Count > 1)
            {
                var (lower, upper) = FrontierSeries.Band(plan.Samples, xs, axis);
                var band = _plot.Add.FillY(xs, lower.Select((v, i) => v - base0[i]).ToArray(), upper.Select((v, i) => v - base0[i]).ToArray());
                band.FillColor = FigureStyle.Model.WithAlpha(FigureStyle.BandAlpha);
                band.LineWidth = 0;
                // The band within the budgets fitted sets the scale; beyond, it may leave the panel.
                _y.Add(Within(xs, lower.Select((v, i) => v - base0[i]), plan.Fitted).Concat(Within(xs, upper.Select((v, i) => v - base0[i]), plan.Fitted)));
            }
            Pieces.Draw(_plot, xs, Relative(law), plan.Fitted, FigureStyle.Model, FigureStyle.CurveWidth, Dash.Dashed);
        }
        if (plan.IsoFlop is { } iso)
        {
            var ys = Relative(iso);
            Pieces.Draw(_plot, xs, ys, plan.IsoFlopSpan, FigureStyle.Points, 1.8f, Dash.Short);
            _y.Add(Within(xs, ys, plan.IsoFlopSpan));
            DrawMinima();
        }
        foreach (var (line, dash) in plan.References)
            FigureStyle.Line(_plot, xs, Relative(line), FigureStyle.Reference, 1.3f, dash);
        var (bottom, top) = _y.Padded(0.12);
        // At least ×/÷ 1.25 around 1, so a close agreement reads as close.
        bottom = Math.Min(bottom, -0.1);
        top = Math.Max(top, 0.1);
        FigureStyle.Horizontal(_plot, 0, plan.From - plan.Pad, plan.To + plan.Pad, FigureStyle.Ink, 1f, dashed: false);
        _plot.Axes.SetLimits(plan.From - plan.Pad, plan.To + plan.Pad, bottom, top);
        _plot.Axes.Bottom.TickGenerator = new LogTicks();
        _plot.Axes.Left.TickGenerator = new LogTicks();
        _plot.XLabel($"{Quantity.Compute.Description()}, log scale");
        string symbol = axis == FrontierAxis.Parameters ? "N_opt" : "D_opt";
        _plot.YLabel($"÷ {(plan.Law is null ? "IsoFLOP fit" : $"{plan.LawName} law")}'s {symbol}");
        return _plot;
    }

    private void DrawMinima()
    {
        foreach (bool outside in new[] { false, true })
        {
            var minima = plan.Minima.Where(m => m.MinimumOutsideSizes == outside).ToList();
            if (minima.Count == 0) continue;
            var xs = minima.Select(m => Math.Log10(m.Compute)).ToArray();
            var ys = minima.Select(m => FrontierSeries.Value(m, axis) - plan.Baseline.At(Math.Log10(m.Compute), axis)).ToArray();
            var bars = minima.Select((m, i) => (i, Ok: double.IsFinite(m.OptimalParameterCountCi95.Lower) && m.OptimalParameterCountCi95.Lower > 0)).Where(b => b.Ok).Select(b => b.i).ToArray();
            if (bars.Length > 0)
            {
                double Base(int i) => plan.Baseline.At(xs[i], axis);
                var error = FigureStyle.VerticalErrorBars(_plot, bars.Select(i => xs[i]).ToArray(), bars.Select(i => ys[i]).ToArray(),
                    bars.Select(i => FrontierSeries.Bound(minima[i], axis, lower: true) - Base(i)).ToArray(),
                    bars.Select(i => FrontierSeries.Bound(minima[i], axis, lower: false) - Base(i)).ToArray());
                error.LineColor = FigureStyle.Points.WithAlpha(0.6);
                error.LineWidth = 1.1f;
                error.CapSize = 3;
            }
            var markers = _plot.Add.Markers(xs, ys, outside ? MarkerShape.OpenCircle : MarkerShape.FilledCircle, FrontierPanel.MinimumSize - 1,
                outside ? Colors.White : FigureStyle.Points);
            markers.MarkerStyle.LineColor = outside ? FigureStyle.Model : FigureStyle.Points;
            markers.MarkerStyle.LineWidth = outside ? 2 : 1;
            _y.Add(ys);
        }
    }

    /// <summary>The values at the x within the span (all of them without one).</summary>
    private static IEnumerable<double> Within(double[] xs, IEnumerable<double> ys, (double Lower, double Upper)? span) =>
        xs.Zip(ys).Where(p => span is not { } s || (p.First >= s.Lower && p.First <= s.Upper)).Select(p => p.Second);
}

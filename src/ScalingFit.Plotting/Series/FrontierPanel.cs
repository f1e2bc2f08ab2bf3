using ScalingFit.Data;
using ScalingFit.Plotting.Style;
using ScottPlot;

namespace ScalingFit.Plotting.Series;

/// <summary>
/// One main panel of the frontier figure: N_opt(C) or D_opt(C) on log-log axes. The law's optimum
/// (vermillion) and the IsoFLOP fit (blue) are each solid over the budgets their data cover and
/// dashed beyond (long dashes for the law, short for the IsoFLOP fit); the reference slopes are grey.
/// Its x axis is read off the ratio panel below it; the shared legend is beside the panels.
/// </summary>
internal sealed class FrontierPanel(FrontierPlan plan, FrontierAxis axis)
{
    public const float MinimumSize = 8;
    private readonly Plot _plot = FigureStyle.NewPlot();
    private readonly Extent _y = new();

    public Plot Draw()
    {
        var xs = FrontierSeries.Spaced(plan.From, plan.To, 120);
        if (plan.Law is { } law) DrawLaw(law, xs);
        if (plan.IsoFlop is { } iso) DrawIsoFlop(iso, xs);
        DrawReferences(xs);
        var (bottom, top) = _y.Padded(0.05);
        _plot.Axes.SetLimits(plan.From - plan.Pad, plan.To + plan.Pad, bottom, top);
        _plot.Axes.Bottom.TickGenerator = new LogTicks();
        _plot.Axes.Bottom.TickLabelStyle.IsVisible = false;
        _plot.Axes.Left.TickGenerator = new LogTicks();
        _plot.Title(axis == FrontierAxis.Parameters ? "model size N_opt(C)" : "training tokens D_opt(C) = C/(6·N_opt)");
        _plot.YLabel(axis == FrontierAxis.Parameters ? "parameters N_opt, log scale" : "training tokens D_opt, log scale");
        return _plot;
    }

    private void DrawLaw(FrontierLine law, double[] xs)
    {
        var ys = xs.Select(x => law.At(x, axis)).ToArray();
        if (plan.Samples.Count > 1)
        {
            var (lower, upper) = FrontierSeries.Band(plan.Samples, xs, axis);
            var band = _plot.Add.FillY(xs, lower, upper);
            band.FillColor = FigureStyle.Model.WithAlpha(FigureStyle.BandAlpha);
            band.LineWidth = 0;
            _y.AddWithin(lower.Concat(upper), 0.5);
        }
        Pieces.Draw(_plot, xs, ys, plan.Fitted, FigureStyle.Model, FigureStyle.CurveWidth, Dash.Dashed);
        _y.Add(ys);
    }

    private void DrawIsoFlop(FrontierLine iso, double[] xs)
    {
        var ys = xs.Select(x => iso.At(x, axis)).ToArray();
        Pieces.Draw(_plot, xs, ys, plan.IsoFlopSpan, FigureStyle.Points, 1.8f, Dash.Short);
        _y.AddWithin(ys, 0.3);
        var withBars = plan.Minima.Where(m => double.IsFinite(m.OptimalParameterCountCi95.Lower) && m.OptimalParameterCountCi95.Lower > 0).ToList();
        if (withBars.Count > 0)
        {
            var lows = withBars.Select(m => FrontierSeries.Bound(m, axis, lower: true)).ToArray();
            var highs = withBars.Select(m => FrontierSeries.Bound(m, axis, lower: false)).ToArray();
            var bars = FigureStyle.VerticalErrorBars(_plot, withBars.Select(m => Math.Log10(m.Compute)).ToArray(),
                withBars.Select(m => FrontierSeries.Value(m, axis)).ToArray(), lows, highs);
            bars.LineColor = FigureStyle.Points.WithAlpha(0.7);
            bars.LineWidth = 1.2f;
            bars.CapSize = 4;
            _y.AddWithin(lows.Concat(highs), 0.25);
        }
        Markers(plan.Minima.Where(m => !m.MinimumOutsideSizes).ToList(), MarkerShape.FilledCircle, FigureStyle.Points, FigureStyle.Points, 1);
        Markers(plan.Minima.Where(m => m.MinimumOutsideSizes).ToList(), MarkerShape.OpenCircle, Colors.White, FigureStyle.Model, 2);
    }

    private void Markers(List<Analysis.IsoFlopBudget> budgets, MarkerShape shape, Color fill, Color line, float width)
    {
        if (budgets.Count == 0) return;
        var xs = budgets.Select(m => Math.Log10(m.Compute)).ToArray();
        var ys = budgets.Select(m => FrontierSeries.Value(m, axis)).ToArray();
        var markers = _plot.Add.Markers(xs, ys, shape, MinimumSize, fill);
        markers.MarkerStyle.FillColor = fill;
        markers.MarkerStyle.LineColor = line;
        markers.MarkerStyle.LineWidth = width;
        _y.Add(ys);
    }

    private void DrawReferences(double[] xs)
    {
        foreach (var (line, dash) in plan.References)
        {
            var ys = xs.Select(x => line.At(x, axis)).ToArray();
            FigureStyle.Line(_plot, xs, ys, FigureStyle.Reference, 1.3f, dash);
            _y.AddWithin(ys, 0.4);
        }
    }
}

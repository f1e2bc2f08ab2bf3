using ScalingFit.Data;
using ScalingFit.Plotting.Style;
using ScottPlot;

namespace ScalingFit.Plotting.Series;

/// <summary>Draws one panel of the frontier figure: N_opt(C) or D_opt(C) on log-log axes.</summary>
internal sealed class FrontierPanel(FrontierPlan plan, FrontierAxis axis)
{
    private const float MinimumSize = 8;
    private readonly Plot _plot = FigureStyle.NewPlot();
    private readonly Extent _y = new();
    private readonly List<Coordinates> _drawn = [];
    private readonly List<LegendItem> _legend = [];
    private readonly string _symbol = axis == FrontierAxis.Parameters ? "N_opt" : "D_opt";

    public Plot Draw(PixelSize size)
    {
        var xs = FrontierSeries.Spaced(plan.From, plan.To, 120);
        if (plan.Law is { } law) DrawLaw(law, xs);
        if (plan.IsoFlop is { } iso) DrawIsoFlop(iso, xs);
        DrawReferences(xs);
        var (bottom, top) = _y.Padded(0.05);
        double pad = (plan.To - plan.From) * 0.02;
        _plot.Axes.SetLimits(plan.From - pad, plan.To + pad, bottom, top);
        _plot.Axes.Bottom.TickGenerator = Ticks.Decades(plan.From - pad, plan.To + pad);
        _plot.Axes.Left.TickGenerator = Ticks.Decades(bottom, top);
        _plot.Title(axis == FrontierAxis.Parameters ? "model size N_opt(C)" : "training tokens D_opt(C) = C/(6·N_opt)");
        _plot.XLabel($"{Quantity.Compute.Description()}, log scale");
        _plot.YLabel(axis == FrontierAxis.Parameters ? "parameters N_opt, log scale" : "training tokens D_opt, log scale");
        Legends.ShowInEmptiestCorner(_plot, _legend, _drawn, size);
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
            _legend.Add(Legends.Fill($"95% bootstrap percentile interval ({plan.Samples.Count} resamples)", FigureStyle.Model.WithAlpha(FigureStyle.BandAlpha)));
        }
        var (a, b) = plan.Fitted ?? (double.NaN, double.NaN);
        bool dashedAny = DrawPieces(xs, ys, a, b, FigureStyle.Model, FigureStyle.CurveWidth);
        _y.Add(ys);
        double exponent = axis == FrontierAxis.Parameters ? law.A : 1 - law.A;
        _legend.Insert(0, Legends.Line($"{plan.LawName} law's optimum: {_symbol} ∝ C^{Format(exponent)}", FigureStyle.Model, FigureStyle.CurveWidth));
        if (dashedAny)
            _legend.Add(Legends.Line("beyond the sizes and tokens fitted", FigureStyle.Model, FigureStyle.CurveWidth, dashed: true));
    }

    private void DrawIsoFlop(FrontierLine iso, double[] xs)
    {
        var ys = xs.Select(x => iso.At(x, axis)).ToArray();
        var (a, b) = plan.IsoFlopSpan!.Value;
        DrawPieces(xs, ys, a, b, FigureStyle.Points, 1.6f);
        _y.AddWithin(ys, 0.3);
        double exponent = axis == FrontierAxis.Parameters ? iso.A : 1 - iso.A;
        _legend.Add(Legends.Line($"IsoFLOP fit: {_symbol} ∝ C^{Format(exponent)}", FigureStyle.Points, 1.6f));

        var inside = plan.Minima.Where(m => !m.MinimumOutsideSizes).ToList();
        var outside = plan.Minima.Where(m => m.MinimumOutsideSizes).ToList();
        var withBars = plan.Minima.Where(m => double.IsFinite(m.OptimalParameterCountCi95.Lower) && m.OptimalParameterCountCi95.Lower > 0).ToList();
        if (withBars.Count > 0)
        {
            var centers = withBars.Select(Value).ToArray();
            var (lows, highs) = (withBars.Select(m => Bound(m, lower: true)).ToArray(), withBars.Select(m => Bound(m, lower: false)).ToArray());
            var bars = FigureStyle.VerticalErrorBars(_plot, withBars.Select(m => Math.Log10(m.Compute)).ToArray(), centers, lows, highs);
            bars.LineColor = FigureStyle.Points.WithAlpha(0.7);
            bars.LineWidth = 1.2f;
            bars.CapSize = 4;
            _y.AddWithin(lows.Concat(highs), 0.25);
        }
        Markers(inside, MarkerShape.FilledCircle, FigureStyle.Points, FigureStyle.Points, 1);
        Markers(outside, MarkerShape.OpenCircle, Colors.White, FigureStyle.Model, 2);
        _legend.Add(Legends.Marker($"IsoFLOP minima with 95% t intervals ({plan.Minima.Count} budgets)", MarkerShape.FilledCircle,
            FigureStyle.Points, FigureStyle.Points, MinimumSize));
        if (outside.Count > 0)
            _legend.Add(Legends.Marker($"minimum outside the sizes sampled ({outside.Count})", MarkerShape.OpenCircle, Colors.White, FigureStyle.Model, MinimumSize, 2));
    }

    private void Markers(List<Analysis.IsoFlopBudget> budgets, MarkerShape shape, Color fill, Color line, float width)
    {
        if (budgets.Count == 0) return;
        var xs = budgets.Select(m => Math.Log10(m.Compute)).ToArray();
        var ys = budgets.Select(Value).ToArray();
        var markers = _plot.Add.Markers(xs, ys, shape, MinimumSize, fill);
        markers.MarkerStyle.FillColor = fill;
        markers.MarkerStyle.LineColor = line;
        markers.MarkerStyle.LineWidth = width;
        _y.Add(ys);
        _drawn.AddRange(xs.Zip(ys, (x, y) => new Coordinates(x, y)));
    }

    /// <summary>log₁₀ of a budget's minimum on this panel's axis.</summary>
    private double Value(Analysis.IsoFlopBudget m) => axis == FrontierAxis.Parameters
        ? Math.Log10(m.OptimalParameterCount)
        : Math.Log10(m.OptimalTokens);

    /// <summary>log₁₀ of an end of the minimum's interval on this axis (D = C/(6N) turns N's upper end into D's lower).</summary>
    private double Bound(Analysis.IsoFlopBudget m, bool lower)
    {
        var ci = m.OptimalParameterCountCi95;
        if (axis == FrontierAxis.Parameters) return Math.Log10(lower ? ci.Lower : ci.Upper);
        return Math.Log10(m.Compute / (Derivation.FlopPerParameterToken * (lower ? ci.Upper : ci.Lower)));
    }

    private void DrawReferences(double[] xs)
    {
        var through = plan.Law ?? plan.IsoFlop!.Value;
        double y0 = through.At(plan.Anchor, axis);
        foreach (var (exponent, who, dash) in new[]
                 {
                     (FrontierFigure.KaplanExponent, "Kaplan et al. 2020", Dash.Dotted),
                     (FrontierFigure.ChinchillaExponent, "Hoffmann et al. 2022", Dash.Dashed),
                 })
        {
            double slope = axis == FrontierAxis.Parameters ? exponent : 1 - exponent;
            var ys = xs.Select(x => y0 + slope * (x - plan.Anchor)).ToArray();
            FigureStyle.Line(_plot, xs, ys, FigureStyle.Reference, 1.4f, dash);
            _y.AddWithin(ys, 0.4);
            _legend.Add(Legends.Line($"{who}: {_symbol} ∝ C^{Format(slope)}", FigureStyle.Reference, 1.4f, dash));
        }
    }

    /// <summary>Draws a curve solid over [a, b] and dashed outside it (all dashed when the span is NaN); true when a dashed piece was drawn.</summary>
    private bool DrawPieces(double[] xs, double[] ys, double a, double b, Color color, float width)
    {
        bool dashed = false;
        foreach (var (from, to, solid) in new[] { (double.NegativeInfinity, a, false), (a, b, true), (b, double.PositiveInfinity, false) })
        {
            bool all = double.IsNaN(a);
            if (all && !solid) continue;
            var idx = Enumerable.Range(0, xs.Length).Where(i => all || (xs[i] >= from - 1e-12 && xs[i] <= to + 1e-12)).ToList();
            // Let neighbouring pieces meet: include the point just beyond each end.
            if (!all && idx.Count > 0)
            {
                if (idx[0] > 0) idx.Insert(0, idx[0] - 1);
                if (idx[^1] < xs.Length - 1) idx.Add(idx[^1] + 1);
            }
            if (idx.Count < 2) continue;
            bool isDashed = all || !solid;
            FigureStyle.Line(_plot, idx.Select(i => xs[i]).ToArray(), idx.Select(i => ys[i]).ToArray(), color, width, isDashed);
            _drawn.AddRange(idx.Select(i => new Coordinates(xs[i], ys[i])));
            dashed |= isDashed;
        }
        return dashed;
    }

    private static string Format(double exponent) => exponent.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}

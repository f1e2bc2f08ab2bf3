using System.Globalization;
using ScalingFit.Data;
using ScalingFit.Plotting.Series;
using ScalingFit.Plotting.Style;
using ScottPlot;

namespace ScalingFit.Plotting;

/// <summary>
/// Loss against N, D or C on log-log axes: the runs as points coloured by levels of a third
/// quantity, the fitted law over the data's range, its dashed extrapolation, the shaded 95%
/// prediction band, and the irreducible loss E as a horizontal line when the law has a parameter E.
/// </summary>
/// <remarks>
/// A law of one input gets one curve. A law of several inputs gets one curve per level, holding the
/// level's quantity at the level's geometric mean (other inputs derived by C = 6ND), drawn over the
/// range of that level's runs.
/// </remarks>
public sealed class FitFigure(FitFigureOptions? options = null) : IFigureRenderer<FittedRuns>
{
    /// <summary>The options in force.</summary>
    public FitFigureOptions Options { get; } = options ?? new FitFigureOptions();

    /// <inheritdoc />
    public FigureKind Kind => FigureKind.Fit;

    /// <inheritdoc />
    public Figure Render(FittedRuns source)
    {
        var plan = FitFigurePlan.Create(source, Options);
        var curves = FitCurves.Sample(source, plan);
        var plot = FigureStyle.NewPlot();
        var x = new Extent();
        x.Add(curves.SelectMany(c => c.Whole.X));
        var (left, right) = x.Padded(0.03);

        // Bands beneath the runs, curves above them.
        foreach (var curve in curves.Where(c => c.Whole.HasInterval))
        {
            var band = plot.Add.FillY(curve.Whole.X, curve.Whole.Lower, curve.Whole.Upper);
            band.FillColor = curve.Color.WithAlpha(curve.BandAlpha);
            band.LineWidth = 0;
        }
        var y = new Extent();
        DrawRuns(plot, source, plan, y);
        foreach (var curve in curves)
        {
            FigureStyle.Line(plot, curve.Fitted.X, curve.Fitted.Y, curve.Color, FigureStyle.CurveWidth);
            y.Add(curve.Fitted.Y);
            foreach (var piece in curve.Beyond)
            {
                FigureStyle.Line(plot, piece.X, piece.Y, curve.Color, FigureStyle.CurveWidth, dashed: true);
                y.Add(piece.Y);
            }
        }
        var irreducible = Irreducible(source);
        if (irreducible is { } e)
        {
            FigureStyle.Horizontal(plot, Math.Log10(e), left, right, FigureStyle.Reference, 1.5f, dashed: true);
            y.Add(Math.Log10(e));
        }
        // A band may widen far out; let it stretch the y axis by at most a quarter of what the rest spans.
        double slack = Math.Max(0.02, (y.Upper - y.Lower) * 0.25);
        foreach (var curve in curves.Where(c => c.Whole.HasInterval)) y.AddWithin(curve.Whole.Lower.Concat(curve.Whole.Upper), slack);
        var (bottom, top) = y.Padded(0.06);

        plot.Axes.SetLimits(left, right, bottom, top);
        var drawn = plot.GetPlottables<ScottPlot.Plottables.Scatter>().SelectMany(s => s.Data.GetScatterPoints());
        var items = LegendItems(source, plan, irreducible, curves.Any(c => c.Whole.HasInterval)).ToList();
        Legends.ShowInEmptiestCorner(plot, items, drawn, new PixelSize(Options.Width, Options.Height - 60));
        plot.Axes.Bottom.TickGenerator = Ticks.Decades(left, right);
        plot.Axes.Left.TickGenerator = Ticks.Plain(bottom, top);
        plot.XLabel($"{plan.Versus.Description}, log scale");
        plot.YLabel($"{source.Fit.Target.Description}, log scale");
        return new Figure(Kind, Title(source, plan), Subtitle(source, plan), [plot], Options.Width, Options.Height);
    }

    private static void DrawRuns(Plot plot, FittedRuns source, FitFigurePlan plan, Extent y)
    {
        var xs = source.Column(plan.Versus);
        var loss = source.Observed;
        foreach (var level in plan.Levels)
        {
            var ys = level.Rows.Select(r => Math.Log10(loss[r])).ToArray();
            var points = plot.Add.ScatterPoints(level.Rows.Select(r => Math.Log10(xs[r])).ToArray(), ys, RunColor(plan, level));
            points.MarkerSize = FigureStyle.MarkerSize;
            points.MarkerShape = MarkerShape.FilledCircle;
            y.Add(ys);
        }
    }

    private static Color RunColor(FitFigurePlan plan, RunLevel level) =>
        plan.By is null ? FigureStyle.Points : FigureStyle.Level(level.Index, plan.Levels.Count);

    private static IEnumerable<LegendItem> LegendItems(FittedRuns source, FitFigurePlan plan, double? irreducible, bool band)
    {
        foreach (var level in plan.Levels)
            yield return Legends.Marker(plan.By is null ? "runs" : $"runs, {level.Label}", RunColor(plan, level));
        var ink = plan.PerLevelCurves ? FigureStyle.Ink : FigureStyle.Model;
        yield return Legends.Line(
            plan.PerLevelCurves ? $"fit at each level's mean {plan.By!.Name}" : $"fit: {source.Fit.Formula}", ink, FigureStyle.CurveWidth);
        if (band)
            yield return Legends.Fill(BandLabel(source.Fit.Model), (plan.PerLevelCurves ? FigureStyle.Reference : FigureStyle.Model).WithAlpha(FigureStyle.BandAlpha));
        if (plan.Extrapolation is not null) yield return Legends.Line("extrapolation", ink, FigureStyle.CurveWidth, dashed: true);
        if (irreducible is { } e)
            yield return Legends.Line($"irreducible loss E = {NumberFormat.Significant(e, 3)}", FigureStyle.Reference, 1.5f, dashed: true);
    }

    /// <summary>
    /// What the band is, from the model's own words without the details in brackets: "95% prediction
    /// interval for a new run" for a log-log OLS law, "95% confidence interval of the law's prediction"
    /// or "95% bootstrap percentile interval of the law's prediction" for a nonlinear one.
    /// </summary>
    internal static string BandLabel(Fitting.ILossModel model)
    {
        string method = model.IntervalMethod;
        int bracket = method.IndexOf(" (", StringComparison.Ordinal);
        string label = (bracket > 0 ? method[..bracket] : method).Trim();
        return label.Length > 0 ? label : "95% interval";
    }

    private static double? Irreducible(FittedRuns source) =>
        source.Fit.Parameters.FirstOrDefault(p => p.Name == "E") is { } e && e.Value > 0 ? e.Value : null;

    private static string Title(FittedRuns source, FitFigurePlan plan) =>
        $"Loss against {plan.Versus.Description}: {source.Fit.Law} law {source.Fit.Formula}";

    private static string Subtitle(FittedRuns source, FitFigurePlan plan)
    {
        // slope and intercept restate α and the scale of the log-log laws; the figure names the law's own parameters.
        var parameters = source.Fit.Parameters.Where(p => p.Name is not ("slope" or "intercept")).Take(5)
            .Select(p => $"{p.Symbol} = {Ticks.Scientific(p.Value)}");
        string extrapolated = plan.Extrapolation is { } e ? $" · extrapolated to {plan.Versus.Name} = {Ticks.Scientific(e)}" : "";
        string r2 = source.Fit.Statistics.RSquared.ToString("0.000", CultureInfo.InvariantCulture);
        return $"{source.Runs.Source}, {source.Runs.Count} runs · {string.Join(", ", parameters)} · R² = {r2}{extrapolated}";
    }
}

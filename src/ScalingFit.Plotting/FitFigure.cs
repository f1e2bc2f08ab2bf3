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
        var scale = plan.By is { } by ? ColorScale.Of(source.Column(by), $"{by.Description}, log scale") : null;
        var curves = FitCurves.Sample(source, plan, value => scale?.Of(value) ?? FigureStyle.Points);
        var frontier = FrontierLoss.Sample(source, plan);
        // With a frontier, its band alone: the band of every budget's curve would bury the runs.
        var banded = frontier is not null ? [frontier] : curves.Where(c => c.Whole.HasInterval).ToList();
        var plot = FigureStyle.NewPlot();
        var x = new Extent();
        x.Add(curves.SelectMany(c => c.Whole.X));
        if (frontier is not null) x.Add(frontier.Whole.X);
        var (left, right) = x.Padded(0.03);

        // Bands beneath the runs, curves above them, the frontier on top.
        foreach (var curve in banded.Where(c => c.Whole.HasInterval))
        {
            var band = plot.Add.FillY(curve.Whole.X, curve.Whole.Lower, curve.Whole.Upper);
            band.FillColor = curve.Color.WithAlpha(curve.BandAlpha);
            band.LineWidth = 0;
        }
        var y = new Extent();
        DrawRuns(plot, source, plan, scale, y);
        float width = frontier is null ? FigureStyle.CurveWidth : 1.8f;
        foreach (var curve in curves.Append(frontier).OfType<FitCurve>())
        {
            float w = curve == frontier ? FigureStyle.CurveWidth + 0.5f : width;
            FigureStyle.Line(plot, curve.Fitted.X, curve.Fitted.Y, curve.Color, w);
            y.Add(curve.Fitted.Y);
            foreach (var piece in curve.Beyond)
            {
                FigureStyle.Line(plot, piece.X, piece.Y, curve.Color, w, dashed: true);
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
        foreach (var curve in banded.Where(c => c.Whole.HasInterval)) y.AddWithin(curve.Whole.Lower.Concat(curve.Whole.Upper), slack);
        var (bottom, top) = y.Padded(0.06);

        plot.Axes.SetLimits(left, right, bottom, top);
        Legends.ShowInside(plot, LegendItems(source, plan, irreducible, banded.Any(c => c.Whole.HasInterval), frontier).ToList());
        plot.Axes.Bottom.TickGenerator = new LogTicks();
        plot.Axes.Left.TickGenerator = new LogTicks();
        if (scale is not null) plot.Axes.AddPanel(scale.Bar());
        plot.XLabel($"{plan.Versus.Description}, log scale");
        plot.YLabel($"{source.Fit.Target.Description}, log scale");
        return new Figure(Kind, Title(source, plan), Subtitle(source, plan), [plot], Options.Width, Options.Height);
    }

    /// <summary>The runs as points, each in the colour of its value of the colouring quantity (one colour without one).</summary>
    private static void DrawRuns(Plot plot, FittedRuns source, FitFigurePlan plan, ColorScale? scale, Extent y)
    {
        var xs = source.Column(plan.Versus);
        var loss = source.Observed;
        var by = plan.By is { } q ? source.Column(q) : null;
        // Runs of (nearly) one colour share a plottable: 64 shades along the scale.
        var groups = Enumerable.Range(0, xs.Length)
            .GroupBy(r => scale is null || by is null ? Colors.Black.ARGB : scale.Of(by[r]).ARGB)
            .OrderBy(g => g.Key);
        foreach (var group in groups)
        {
            var rows = group.ToList();
            var ys = rows.Select(r => Math.Log10(loss[r])).ToArray();
            var color = scale is null || by is null ? FigureStyle.Points : scale.Of(by[rows[0]]);
            var points = plot.Add.ScatterPoints(rows.Select(r => Math.Log10(xs[r])).ToArray(), ys, color);
            points.MarkerSize = FigureStyle.MarkerSize;
            points.MarkerShape = MarkerShape.FilledCircle;
            y.Add(ys);
        }
    }

    private static IEnumerable<LegendItem> LegendItems(FittedRuns source, FitFigurePlan plan, double? irreducible, bool band, FitCurve? frontier)
    {
        yield return Legends.Marker(plan.By is { } q ? $"runs, coloured by {q.Name} (colour bar)" : "runs",
            plan.By is null ? FigureStyle.Points : FigureStyle.Ramp(0.5));
        var ink = plan.PerLevelCurves ? FigureStyle.Ink : FigureStyle.Model;
        string held = plan.By is { } by ? by.Name : "";
        if (plan.PerLevelCurves)
            yield return Legends.Line(plan.AlongBudgets && plan.By == Quantity.Compute
                ? "law at each budget's mean C (D = C/6N)"
                : $"law at each level's mean {held}", ink, frontier is null ? FigureStyle.CurveWidth : 1.8f);
        else yield return Legends.Line($"fit: {source.Fit.Formula}", ink, FigureStyle.CurveWidth);
        if (frontier is not null)
            yield return Legends.Line("compute-optimal frontier L*(C)", FigureStyle.Model, FigureStyle.CurveWidth + 0.5f);
        if (band)
            yield return Legends.Fill(BandLabel(source.Fit.Model),
                (plan.PerLevelCurves && frontier is null ? FigureStyle.Reference : FigureStyle.Model).WithAlpha(FigureStyle.BandAlpha));
        if (frontier is { Beyond.Count: > 0 })
            yield return Legends.Line("frontier beyond the sizes and tokens fitted", FigureStyle.Model, FigureStyle.CurveWidth + 0.5f, dashed: true);
        else if (plan.Extrapolation is not null) yield return Legends.Line("extrapolation", ink, FigureStyle.CurveWidth, dashed: true);
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

    private static string Title(FittedRuns source, FitFigurePlan plan)
    {
        string view = plan.By == Quantity.Compute && plan.PerLevelCurves ? " along compute budgets"
            : plan.Versus == Quantity.Compute && plan.Frontier is not null ? " and the compute-optimal frontier"
            : "";
        string what = source.Fit.Target.IsLoss ? "Loss" : source.Fit.Target.Name;
        return $"{what} against {plan.Versus.Description}{view}: {source.Fit.Law} law {source.Fit.Formula}";
    }

    private static string Subtitle(FittedRuns source, FitFigurePlan plan)
    {
        // slope and intercept restate α and the scale of the log-log laws; the figure names the law's own parameters.
        var parameters = source.Fit.Parameters.Where(p => p.Name is not ("slope" or "intercept")).Take(5)
            .Select(p => $"{p.Symbol} = {Ticks.Scientific(p.Value)}");
        string extrapolated = plan.Extrapolation is { } e ? $" · extrapolated to {plan.Versus.Name} = {Ticks.Scientific(e)}"
            : plan.Frontier is { } f && plan.FrontierTarget is { } c
                ? $" · frontier to C = {Ticks.Scientific(c)} (N_opt = {Ticks.Scientific(f.OptimalParameters(c))})"
                : "";
        string r2 = source.Fit.Statistics.RSquared.ToString("0.000", CultureInfo.InvariantCulture);
        return $"{source.Runs.Source}, {source.Runs.Count} runs · {string.Join(", ", parameters)} · R² = {r2}{extrapolated}";
    }
}

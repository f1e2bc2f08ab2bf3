using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Plotting.Series;
using ScalingFit.Plotting.Style;
using ScottPlot;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Plotting;

/// <summary>
/// The compute-optimal frontier on log-log axes, N_opt(C) beside D_opt(C): a fitted law's frontier
/// (solid where N_opt and D_opt stay within the sizes and tokens fitted, dashed beyond) with its
/// 95% bootstrap band, the IsoFLOP minima with their intervals and the IsoFLOP fit through them
/// (solid over its budgets, short dashes beyond), and the reference slopes of Kaplan et al. 2020
/// (N_opt ∝ C^0.73) and Hoffmann et al. 2022 (N_opt ∝ C^0.50) through the frontier in the middle of
/// the data. Under each panel, every estimate divided by the law's, where lines that coincide above
/// come apart; one legend below the panels.
/// </summary>
public sealed class FrontierFigure(FrontierFigureOptions? options = null) : IFigureRenderer<FrontierEstimates>
{
    /// <summary>Kaplan et al. 2020's exponent of N_opt ∝ C^a (their Eq. 6.1, with early stopping).</summary>
    public const double KaplanExponent = 0.73;

    /// <summary>Hoffmann et al. 2022's exponent of N_opt ∝ C^a (about 0.5 by all three approaches).</summary>
    public const double ChinchillaExponent = 0.50;

    /// <summary>The options in force.</summary>
    public FrontierFigureOptions Options { get; } = options ?? new FrontierFigureOptions();

    /// <inheritdoc />
    public FigureKind Kind => FigureKind.Frontier;

    /// <inheritdoc />
    public Figure Render(FrontierEstimates source)
    {
        source = source.Validated();
        var plan = FrontierPlan.Create(source, Options);
        Plot[] panels =
        [
            new FrontierPanel(plan, FrontierAxis.Parameters).Draw(), new FrontierPanel(plan, FrontierAxis.Tokens).Draw(),
            new FrontierRatioPanel(plan, FrontierAxis.Parameters).Draw(), new FrontierRatioPanel(plan, FrontierAxis.Tokens).Draw(),
            Legends.Panel(LegendItems(plan)),
        ];
        // N_opt beside D_opt, each over its ratio panel (the x axes line up), the legend below, off the data.
        Figure.Cell[] cells =
        [
            new(0, 0, 0.5f, 0.57f), new(0.5f, 0, 0.5f, 0.57f),
            new(0, 0.57f, 0.5f, 0.29f), new(0.5f, 0.57f, 0.5f, 0.29f),
            new(0, 0.86f, 1, 0.14f),
        ];
        return new Figure(Kind, Title(source), Subtitle(source, plan), panels, Options.Width, Options.Height, cells);
    }

    /// <summary>One legend for the four panels, with each line's exponent a of N_opt ∝ C^a.</summary>
    private static IEnumerable<LegendItem> LegendItems(FrontierPlan plan)
    {
        if (plan.Law is { } law)
        {
            // A frontier found numerically bends: its a is the local exponent at the reference budget.
            string at = law.Curve is { IsClosedForm: false } curve ? $" at C = {Ticks.Scientific(curve.ReferenceCompute)}" : "";
            yield return Legends.Line($"{plan.LawName} law's optimum (a = {Exponent(law.A)}{at})", FigureStyle.Model, FigureStyle.CurveWidth);
            if (plan.Samples.Count > 1)
                yield return Legends.Fill($"its 95% bootstrap band ({plan.Samples.Count} resamples)", FigureStyle.Model.WithAlpha(FigureStyle.BandAlpha));
        }
        if (plan.IsoFlop is { } iso)
        {
            yield return Legends.Marker($"IsoFLOP minima, 95% t intervals ({plan.Minima.Count})", MarkerShape.FilledCircle, FigureStyle.Points, FigureStyle.Points, FrontierPanel.MinimumSize);
            int outside = plan.Minima.Count(m => m.MinimumOutsideSizes);
            if (outside > 0)
                yield return Legends.Marker($"minimum outside the sizes sampled ({outside})", MarkerShape.OpenCircle, Colors.White, FigureStyle.Model, FrontierPanel.MinimumSize, 2);
            yield return Legends.Line($"IsoFLOP fit (a = {Exponent(iso.A)})", FigureStyle.Points, 1.8f);
        }
        if (plan.Law is not null) yield return Legends.Line("law beyond the sizes and tokens fitted", FigureStyle.Model, FigureStyle.CurveWidth, Dash.Dashed);
        if (plan.IsoFlop is not null) yield return Legends.Line("IsoFLOP fit beyond its budgets", FigureStyle.Points, 1.8f, Dash.Short);
        yield return Legends.Line($"Kaplan et al. 2020 (a = {Exponent(KaplanExponent)})", FigureStyle.Reference, 1.3f, Dash.Dotted);
        yield return Legends.Line($"Hoffmann et al. 2022 (a = {Exponent(ChinchillaExponent)})", FigureStyle.Reference, 1.3f, Dash.Dashed);
    }

    private static string Exponent(double a) => a.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static string Title(FrontierEstimates source) => source.Law is { } law
        ? $"Compute-optimal frontier: the N and D that minimize the {law.Fit.Law} law {law.Fit.Formula} at C = 6ND"
        : "Compute-optimal frontier: the IsoFLOP minima N_opt(C) and D_opt(C)";

    private static string Subtitle(FrontierEstimates source, FrontierPlan plan)
    {
        var data = source.Law?.Fit.Data ?? source.IsoFlop!.Data;
        var parts = new List<string> { $"{data.Source}, {data.Runs} runs" };
        if (source.Law is { } law)
        {
            var a = law.ParameterExponent;
            string ci = double.IsFinite(a.Ci95.Lower) ? " " + Range(a.Ci95.Lower, a.Ci95.Upper, 3) : "";
            parts.Add($"{law.Fit.Law}: a = {Significant(a.Value, 3)}{ci}");
        }
        if (source.IsoFlop is { } iso)
        {
            var a = iso.ParameterExponent;
            parts.Add($"IsoFLOP: a = {Significant(a.Value, 3)} {Range(a.Ci95.Lower, a.Ci95.Upper, 3)}");
        }
        parts.Add($"reference slopes through the {(source.Law is null ? "IsoFLOP fit" : "frontier")} at C = {Ticks.Scientific(Math.Pow(10, plan.Anchor))}");
        return string.Join(" · ", parts);
    }
}

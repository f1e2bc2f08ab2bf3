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
/// 95% bootstrap band, the IsoFLOP minima with their intervals and the IsoFLOP fit through them,
/// and the reference slopes of Kaplan et al. 2020 (N_opt ∝ C^0.73) and Hoffmann et al. 2022
/// (N_opt ∝ C^0.50) drawn through the frontier in the middle of the data.
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
        var size = new PixelSize(Options.Width / 2f, Options.Height - 60);
        var left = new FrontierPanel(plan, FrontierAxis.Parameters).Draw(size);
        var right = new FrontierPanel(plan, FrontierAxis.Tokens).Draw(size);
        return new Figure(Kind, Title(source), Subtitle(source, plan), [left, right], Options.Width, Options.Height);
    }

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

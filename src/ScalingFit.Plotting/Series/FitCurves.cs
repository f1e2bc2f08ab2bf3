using ScalingFit.Data;
using ScalingFit.Plotting.Style;
using ScottPlot;

namespace ScalingFit.Plotting.Series;

/// <summary>One fitted curve of a fit figure: solid over its runs' range, dashed beyond, with its band.</summary>
/// <param name="Color">Line colour; the band is the same colour, translucent.</param>
/// <param name="BandAlpha">Opacity of the band.</param>
/// <param name="Whole">The model over the whole drawn range (the band).</param>
/// <param name="Fitted">The model over the range of the runs it stands for.</param>
/// <param name="Beyond">The model beyond that range, toward the extrapolation target (zero, one or two pieces).</param>
internal sealed record FitCurve(Color Color, double BandAlpha, CurvePoints Whole, CurvePoints Fitted, IReadOnlyList<CurvePoints> Beyond);

/// <summary>Samples the curves a fit figure draws: one for a law of one input, one per level otherwise.</summary>
internal static class FitCurves
{
    /// <summary>The curves; a level's curve takes <paramref name="color"/> of the value it holds.</summary>
    public static IReadOnlyList<FitCurve> Sample(FittedRuns source, FitFigurePlan plan, Func<double, Color> color) => plan.PerLevelCurves
        ? plan.Levels.Select(level => Sample(source, plan, level, color(level.Center), 0.10)).ToList()
        : [Sample(source, plan, null, FigureStyle.Model, FigureStyle.BandAlpha)];

    private static FitCurve Sample(FittedRuns source, FitFigurePlan plan, RunLevel? level, Color color, double bandAlpha)
    {
        var (lower, upper) = plan.Range(source.Runs, level?.Rows ?? Enumerable.Range(0, source.Runs.Count).ToList());
        if (upper / lower < 1.05) { lower /= 1.25; upper *= 1.25; }
        double from = Math.Min(lower, plan.Extrapolation ?? lower), to = Math.Max(upper, plan.Extrapolation ?? upper);
        var held = source.HeldColumns(level?.Rows ?? Enumerable.Range(0, source.Runs.Count).ToList());
        if (level is not null && plan.By is not null) held[plan.By] = level.Center;
        var model = source.Fit.Model;
        var beyond = new List<CurvePoints>();
        // Only the whole range carries the band, and none does beside a frontier (which carries its own).
        foreach (var (a, b) in new[] { (from, lower), (upper, to) })
            if (b / a > 1.0001) beyond.Add(ModelCurve.Sample(model, plan.Versus, a, b, held, 60, intervals: false));
        return new FitCurve(
            color, bandAlpha,
            ModelCurve.Sample(model, plan.Versus, from, to, held, 160, intervals: plan.Frontier is null),
            ModelCurve.Sample(model, plan.Versus, lower, upper, held, 100, intervals: false),
            beyond);
    }
}

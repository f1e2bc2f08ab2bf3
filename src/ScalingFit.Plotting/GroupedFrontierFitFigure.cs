using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Plotting.Style;
using ScottPlot;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Plotting;

/// <summary>
/// A law of N and D fitted per group, drawn against compute: each group's runs at their C = 6ND (one Okabe–Ito colour
/// per group) and the group's compute-optimal loss L_opt(C), the lowest loss its fitted law gives at each budget
/// (Hoffmann et al. 2022, approach 3), over the group's budgets. The runs lie on or above their group's curve; the
/// legend gives each group's a of N_opt ∝ C^a. The figure <see cref="GroupedFitFigure"/> draws for such a law.
/// </summary>
internal static class GroupedFrontierFitFigure
{
    /// <summary>Whether every group's fitted law has a compute-optimal frontier (a law of N and D with an interior optimum).</summary>
    public static bool Applies(GroupedFits source) =>
        source.Groups.All(g => ComputeFrontier.Supports(g.Value.Fit.ScalingLaw) && ComputeFrontier.TryOf(g.Value.Fit, out _));

    /// <exception cref="FitException">A group's fitted law has no compute-optimal allocation (an exponent ≤ 0).</exception>
    public static Figure Render(GroupedFits source, FitFigureOptions options)
    {
        var plot = FigureStyle.NewPlot();
        var x = new Extent();
        var y = new Extent();
        var legend = new List<LegendItem>();
        var first = source.Groups[0].Value.Fit;
        for (int g = 0; g < source.Groups.Count; g++)
        {
            var (label, fitted) = (source.Groups[g].Key, source.Groups[g].Value);
            var color = FigureStyle.Category(g);
            if (!ComputeFrontier.TryOf(fitted.Fit, out var frontier))
                throw new FitException($"the {fitted.Fit.Law} law fitted to the group {label} has no compute-optimal allocation, so it has no loss along C to draw.");
            var c = fitted.Runs.Values(Quantity.Compute).ToArray();
            var xs = c.Select(Math.Log10).ToArray();
            var ys = fitted.Observed.Select(Math.Log10).ToArray();
            var points = plot.Add.ScatterPoints(xs, ys, color.WithAlpha(0.8));
            points.MarkerSize = FigureStyle.MarkerSize;
            double lo = c.Min(), hi = c.Max();
            if (hi / lo < 1.05) { lo /= 1.25; hi *= 1.25; }
            var cx = Enumerable.Range(0, 100).Select(i => Math.Log10(lo) + (Math.Log10(hi) - Math.Log10(lo)) * i / 99).ToArray();
            var cy = cx.Select(v => Math.Log10(frontier!.OptimalLoss(Math.Pow(10, v)))).ToArray();
            FigureStyle.Line(plot, cx, cy, color, FigureStyle.CurveWidth);
            x.Add(xs);
            x.Add(cx);
            y.Add(ys);
            y.Add(cy.Where(double.IsFinite));
            legend.Add(Legends.Marker($"{label} ({fitted.Runs.Count} runs): a = {Significant(frontier!.ParameterExponent, 3)}", color));
        }
        legend.Add(Legends.Line("L_opt(C): the group's law at its compute-optimal N and D", FigureStyle.Ink, FigureStyle.CurveWidth));
        var (left, right) = x.Padded(0.03);
        var (bottom, top) = y.Padded(0.06);
        plot.Axes.SetLimits(left, right, bottom, top);
        Legends.ShowInside(plot, legend);
        plot.Axes.Bottom.TickGenerator = new LogTicks();
        plot.Axes.Left.TickGenerator = new LogTicks();
        plot.XLabel($"{Quantity.Compute.Description()}, log scale");
        plot.YLabel($"{first.Target.Description}, log scale");
        int runs = source.Groups.Sum(g => g.Value.Runs.Count);
        return new Figure(FigureKind.Fit, $"Loss against compute per {source.By}: {first.Law} law {first.Formula} and each group's compute-optimal loss",
            $"{source.Groups[0].Value.Runs.Source}, {runs} runs in {source.Groups.Count} groups of {source.By}, each fitted on its own",
            [plot], options.Width, options.Height);
    }
}

using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Plotting.Style;
using ScottPlot;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Plotting;

/// <summary>An IsoFLOP analysis per group of runs: each group's label and its analysis with the runs it analysed.</summary>
/// <param name="By">The grouping column(s), for the title ("experiment").</param>
/// <param name="Groups">Each group's label and analysis, in group order.</param>
public sealed record GroupedIsoFlops(string By, IReadOnlyList<KeyValuePair<string, IsoFlopRuns>> Groups);

/// <summary>
/// IsoFLOP curves per group (Hoffmann et al. 2022, approach 2): loss against N on a log axis, one colour per
/// group (Okabe–Ito, colour-blind safe) instead of one per budget: each group's runs, its parabolas (or
/// Akima splines) per budget, its minima N_opt(C) as diamonds joined in order of budget, and its exponent a
/// of N_opt ∝ C^a with the 95% interval in the legend, so a reader sees whether the groups' minima move alike.
/// </summary>
/// <remarks>Budgets with too few sizes, and parabolas without a minimum, are left out as in the analysis.</remarks>
public sealed class GroupedIsoFlopFigure(IsoFlopFigureOptions? options = null) : IFigureRenderer<GroupedIsoFlops>
{
    private const float MinimumSize = 11;

    /// <summary>The options in force.</summary>
    public IsoFlopFigureOptions Options { get; } = options ?? new IsoFlopFigureOptions();

    /// <inheritdoc />
    public FigureKind Kind => FigureKind.IsoFlop;

    /// <inheritdoc />
    /// <exception cref="OptionException">No group, or more groups than colours.</exception>
    public Figure Render(GroupedIsoFlops source)
    {
        GroupedFitFigure.RequireGroups(source.Groups.Count, "GroupedIsoFlopFigure.Groups");
        var plot = FigureStyle.NewPlot();
        var x = new Extent();
        var y = new Extent();
        var curves = new List<double[]>();
        var legend = new List<LegendItem>();
        int runs = 0;
        for (int g = 0; g < source.Groups.Count; g++)
        {
            var (label, iso) = (source.Groups[g].Key, source.Groups[g].Value.Validated());
            var result = iso.Result;
            var color = FigureStyle.Category(g);
            var n = iso.Runs.Values(Quantity.ParameterCount).ToArray();
            var loss = iso.Runs.Values(Quantity.Loss).ToArray();
            runs += iso.Runs.IndependentRuns;
            var drawn = result.Budgets.Where(b => result.Vertex == IsoFlopVertex.Akima ? b.Akima is not null : b.Parabola is not null).ToList();
            foreach (var budget in drawn)
            {
                var (cx, cy) = IsoFlopFigure.Curve(budget);
                FigureStyle.Line(plot, cx, cy, color.WithAlpha(0.8), 1.6f, budget.Akima is not null || budget.Parabola!.HasMinimum ? Dash.Solid : Dash.Dashed);
                x.Add(cx);
                curves.Add(cy);
                var xs = budget.Rows.Select(r => Math.Log10(n[r])).ToArray();
                var ys = budget.Rows.Select(r => loss[r]).ToArray();
                var scatter = plot.Add.ScatterPoints(xs, ys, color.WithAlpha(0.75));
                scatter.MarkerSize = FigureStyle.MarkerSize - 1;
                x.Add(xs);
                y.Add(ys);
            }
            var minima = drawn.Where(b => b.Akima is not null || b.Parabola!.HasMinimum).OrderBy(b => b.Compute).ToList();
            if (minima.Count >= 2)
                FigureStyle.Line(plot, minima.Select(b => Math.Log10(b.OptimalParameterCount)).ToArray(), minima.Select(b => b.LossAtOptimum).ToArray(),
                    color, 1.2f, Dash.Dotted);
            foreach (var budget in minima)
            {
                double mx = Math.Log10(budget.OptimalParameterCount), my = budget.LossAtOptimum;
                var marker = plot.Add.Marker(mx, my, budget.MinimumOutsideSizes ? MarkerShape.OpenDiamond : MarkerShape.FilledDiamond, MinimumSize);
                marker.MarkerStyle.FillColor = color;
                marker.MarkerStyle.LineColor = budget.MinimumOutsideSizes ? color : FigureStyle.Ink;
                marker.MarkerStyle.LineWidth = budget.MinimumOutsideSizes ? 2.5f : 1.2f;
                x.Add(mx);
                y.Add(my);
            }
            var a = result.ParameterExponent;
            legend.Add(Legends.Marker($"{label} ({iso.Runs.IndependentRuns} runs, {result.Budgets.Count(b => b.Used)} budgets): a = {Significant(a.Value, 3)} " +
                                      Range(a.Ci95.Lower, a.Ci95.Upper, 3), MarkerShape.FilledDiamond, color, FigureStyle.Ink, MinimumSize, 1.2f));
        }
        IsoFlopFigure.Axes(plot, x, y, curves);
        legend.Add(Legends.Line("parabola per budget; dotted: the minima in order of C", FigureStyle.Ink, 1.6f));
        Legends.ShowInside(plot, legend);
        var first = source.Groups[0].Value;
        return new Figure(Kind, $"IsoFLOP curves per {source.By}: loss against N at each compute budget (Hoffmann et al. 2022, approach 2)",
            $"{first.Result.Data.Source}, {runs} runs in {source.Groups.Count} groups of {source.By}, each analysed on its own",
            [plot], Options.Width, Options.Height);
    }
}

using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Plotting.Style;
using ScottPlot;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Plotting;

/// <summary>
/// IsoFLOP curves (Hoffmann et al. 2022, approach 2): loss against N on a log axis at each compute
/// budget, the runs coloured by budget (a colour bar reads C), each budget's parabola in ln N and
/// its minimum N_opt(C) marked. A minimum outside the sizes sampled gets an open vermillion diamond;
/// a parabola that opens downward is dashed and has no minimum; both are counted in the legend.
/// </summary>
/// <remarks>The loss axis is linear: the parabolas are fitted to the loss itself, so they show as parabolas.</remarks>
public sealed class IsoFlopFigure(IsoFlopFigureOptions? options = null) : IFigureRenderer<IsoFlopRuns>
{
    private const float MinimumSize = 12;

    /// <summary>The options in force.</summary>
    public IsoFlopFigureOptions Options { get; } = options ?? new IsoFlopFigureOptions();

    /// <inheritdoc />
    public FigureKind Kind => FigureKind.IsoFlop;

    /// <inheritdoc />
    public Figure Render(IsoFlopRuns source)
    {
        var result = source.Validated().Result;
        var n = source.Runs.Values(Quantity.ParameterCount).ToArray();
        var loss = source.Runs.Values(Quantity.Loss).ToArray();
        bool Drawn(IsoFlopBudget b) => result.Vertex == IsoFlopVertex.Akima ? b.Akima is not null : b.Parabola is not null;
        var drawn = result.Budgets.Where(Drawn).ToList();
        var sparse = Options.ShowSparseBudgets ? result.Budgets.Where(b => !Drawn(b)).ToList() : [];
        var colors = ColorScale.Of((drawn.Count > 0 ? drawn : result.Budgets).Select(b => b.Compute), "compute budget C (FLOP), log scale");
        var plot = FigureStyle.NewPlot();
        var x = new Extent();
        var y = new Extent();
        var points = new List<Coordinates>();

        void Runs(IsoFlopBudget budget, Color color, float size)
        {
            var xs = budget.Rows.Select(r => Math.Log10(n[r])).ToArray();
            var ys = budget.Rows.Select(r => loss[r]).ToArray();
            var scatter = plot.Add.ScatterPoints(xs, ys, color);
            scatter.MarkerSize = size;
            x.Add(xs);
            y.Add(ys);
            points.AddRange(xs.Zip(ys, (a, b) => new Coordinates(a, b)));
        }

        foreach (var budget in sparse) Runs(budget, FigureStyle.Context, FigureStyle.MarkerSize - 1);
        var curves = new List<double[]>();
        foreach (var budget in drawn)
        {
            var (xs, ys) = Curve(budget);
            FigureStyle.Line(plot, xs, ys, colors.Of(budget.Compute), 2f, budget.Akima is not null || budget.Parabola!.HasMinimum ? Dash.Solid : Dash.Dashed);
            x.Add(xs);
            curves.Add(ys);
        }
        foreach (var budget in drawn) Runs(budget, colors.Of(budget.Compute), FigureStyle.MarkerSize);
        var minima = drawn.Where(b => b.Akima is not null || b.Parabola!.HasMinimum).ToList();
        foreach (var budget in minima)
        {
            double mx = Math.Log10(budget.OptimalParameterCount), my = budget.LossAtOptimum;
            var marker = plot.Add.Marker(mx, my, budget.MinimumOutsideSizes ? MarkerShape.OpenDiamond : MarkerShape.FilledDiamond, MinimumSize);
            marker.MarkerStyle.FillColor = colors.Of(budget.Compute);
            marker.MarkerStyle.LineColor = budget.MinimumOutsideSizes ? FigureStyle.Model : FigureStyle.Ink;
            marker.MarkerStyle.LineWidth = budget.MinimumOutsideSizes ? 2.5f : 1.2f;
            x.Add(mx);
            y.Add(my);
            points.Add(new Coordinates(mx, my));
        }
        Axes(plot, x, y, curves);
        plot.Axes.AddPanel(colors.Bar());

        Legends.ShowInside(plot, LegendItems(result, drawn, sparse, colors).ToList());
        return new Figure(Kind, "IsoFLOP curves: loss against N at each compute budget (Hoffmann et al. 2022, approach 2)",
            Subtitle(result), [plot], Options.Width, Options.Height);
    }

    /// <summary>The parabola over its runs' sizes, widened by a fifth each way and, when the minimum lies outside, out to it (at most a decade).</summary>
    internal static (double[] X, double[] Y) Curve(IsoFlopBudget budget)
    {
        if (budget.Akima is { } spline)
        {
            // A spline is drawn only over the sizes it passes through.
            double first = Math.Log10(budget.SizeRange.Lower), last = Math.Log10(budget.SizeRange.Upper);
            var knots = Enumerable.Range(0, 80).Select(i => first + (last - first) * i / 79).ToArray();
            return (knots, knots.Select(v => spline.Loss(v * Math.Log(10))).ToArray());
        }
        var p = budget.Parabola!;
        double lo = Math.Log10(budget.SizeRange.Lower) - 0.08, hi = Math.Log10(budget.SizeRange.Upper) + 0.08;
        if (p.HasMinimum && budget.MinimumOutsideSizes)
        {
            double vertex = p.LogVertex / Math.Log(10);
            lo = Math.Min(lo, Math.Max(vertex - 0.05, lo - 1));
            hi = Math.Max(hi, Math.Min(vertex + 0.05, hi + 1));
        }
        var xs = Enumerable.Range(0, 80).Select(i => lo + (hi - lo) * i / 79).ToArray();
        return (xs, xs.Select(v => p.Loss(Math.Pow(10, v))).ToArray());
    }

    /// <summary>
    /// The axes of an IsoFLOP figure: log N across, the loss up. Parabolas run a little beyond their runs, so they
    /// stretch the loss axis only slightly past the runs and minima in <paramref name="y"/>.
    /// </summary>
    internal static void Axes(Plot plot, Extent x, Extent y, IEnumerable<double[]> curves)
    {
        double slack = Math.Max(0.01, (y.Upper - y.Lower) * 0.06);
        foreach (var ys in curves) y.AddWithin(ys, slack);
        var (left, right) = x.Padded(0.03);
        var (bottom, top) = y.Padded(0.05);
        plot.Axes.SetLimits(left, right, bottom, top);
        plot.Axes.Bottom.TickGenerator = new LogTicks();
        plot.Axes.Left.TickGenerator = Ticks.Linear(bottom, top);
        plot.XLabel($"{Quantity.ParameterCount.Description()}, log scale");
        plot.YLabel(Quantity.Loss.Description());
    }

    private static IEnumerable<LegendItem> LegendItems(IsoFlopResult result, List<IsoFlopBudget> drawn, List<IsoFlopBudget> sparse, ColorScale colors)
    {
        var middle = FigureStyle.Ramp(0.5);
        yield return Legends.Marker("runs, coloured by budget C (colour bar)", middle);
        yield return Legends.Line(result.Vertex == IsoFlopVertex.Akima ? "Akima spline of loss in ln N, per budget" : "parabola of loss in ln N, per budget", middle, 2f);
        int used = drawn.Count(b => b.Used && !b.MinimumOutsideSizes);
        yield return Legends.Marker($"minimum N_opt(C) ({used} budget{(used == 1 ? "" : "s")})", MarkerShape.FilledDiamond, middle, FigureStyle.Ink, MinimumSize, 1.2f);
        int outside = drawn.Count(b => b.MinimumOutsideSizes);
        if (outside > 0)
            yield return Legends.Marker($"minimum outside the sizes sampled ({outside})", MarkerShape.OpenDiamond, Colors.White, FigureStyle.Model, MinimumSize, 2.5f);
        if (sparse.Count > 0)
            yield return Legends.Marker($"runs at budgets with too few sizes ({sparse.Count} budgets, left out)", FigureStyle.Context);
        int downward = drawn.Count(b => b.Akima is null && !b.Parabola!.HasMinimum);
        if (downward > 0)
            yield return Legends.Line($"parabola opens downward: no minimum, left out ({downward})", middle, 2f, Dash.Dashed);
    }

    private static string Subtitle(IsoFlopResult result)
    {
        var a = result.ParameterExponent;
        int used = result.Budgets.Count(b => b.Used);
        var parts = new List<string>
        {
            $"{result.Data.Source}, {result.Data.Runs} runs",
            $"{used} of {result.Budgets.Count} budgets used",
            $"N_opt ∝ C^a, a = {Significant(a.Value, 3)} {Range(a.Ci95.Lower, a.Ci95.Upper, 3)}",
        };
        int outside = result.Budgets.Count(b => b.MinimumOutsideSizes);
        if (outside > 0) parts.Add($"{outside} minim{(outside == 1 ? "um" : "a")} outside the sizes sampled");
        int downward = result.Budgets.Count(b => b.Akima is null && b.Parabola is { HasMinimum: false });
        if (downward > 0) parts.Add($"{downward} parabola{(downward == 1 ? "" : "s")} open{(downward == 1 ? "s" : "")} downward");
        return string.Join(" · ", parts);
    }
}

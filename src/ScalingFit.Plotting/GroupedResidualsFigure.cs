using ScalingFit.Laws;
using ScalingFit.Plotting.Style;
using ScottPlot;

namespace ScalingFit.Plotting;

/// <summary>
/// Residuals of a law fitted per group (observed minus fitted, in each fit's residual space: ln L unless the fit
/// chose another), in two panels as <see cref="ResidualsFigure"/>: against the fitted value and against an input
/// of the law, one colour per group (Okabe–Ito, colour-blind safe), each group's mean in bins of x as a line of its
/// colour, and each group's residual standard deviation s in the legend. A group whose binned means bend where the
/// others stay flat is one the shared form of the law misses.
/// </summary>
/// <remarks>Laws of any inputs: the residuals need no curve, so laws of N and D are drawn as readily as laws of one input.</remarks>
public sealed class GroupedResidualsFigure(ResidualsFigureOptions? options = null) : IFigureRenderer<GroupedFits>
{
    /// <summary>The options in force.</summary>
    public ResidualsFigureOptions Options { get; } = options ?? new ResidualsFigureOptions();

    /// <inheritdoc />
    public FigureKind Kind => FigureKind.Residuals;

    /// <inheritdoc />
    /// <exception cref="OptionException">No group, more groups than colours, or an input the law does not take.</exception>
    public Figure Render(GroupedFits source)
    {
        GroupedFitFigure.RequireGroups(source.Groups.Count, "GroupedResidualsFigure.Groups");
        var first = source.Groups[0].Value.Fit;
        var versus = Options.Versus is { } v ? LawInput.Of(v) : first.Model.Inputs[0];
        if (!first.Model.Inputs.Contains(versus))
            throw new OptionException("ResidualsFigureOptions.Versus",
                $"the {first.Law} law takes {first.Model.Inputs.Names()}; residuals are plotted against one of them, not {versus.Name}.");
        var groups = source.Groups.Select(g =>
        {
            var (fitted, residuals) = ResidualsFigure.Residuals(g.Value);
            return (Label: g.Key, Source: g.Value, Fitted: fitted.Select(Math.Log10).ToArray(), X: g.Value.Column(versus).Select(Math.Log10).ToArray(), Residuals: residuals);
        }).ToList();
        var y = new Extent();
        foreach (var g in groups) y.Add(g.Residuals);
        y.Add(0);
        var (bottom, top) = y.Padded(0.08);
        string symbol = first.ResidualSymbol;
        var left = Panel($"against the fitted {first.Target.Name}", groups.Select(g => (g.Fitted, g.Residuals)).ToList(), bottom, top, symbol);
        left.XLabel($"fitted {first.Target.Description}, log scale");
        var right = Panel($"against {versus.Description}", groups.Select(g => (g.X, g.Residuals)).ToList(), bottom, top, symbol);
        right.XLabel($"{versus.Description}, log scale");
        Legends.ShowInside(right, groups.Select((g, i) => Legends.Marker(
            $"{g.Label} ({g.Source.Runs.Count} runs): s = {NumberFormat.Significant(g.Source.Fit.Statistics.ResidualStandardDeviation, 3)}", FigureStyle.Category(i)))
            .Append(Legends.Line("mean in bins of x, per group", FigureStyle.Ink, FigureStyle.CurveWidth)).ToList());
        int runs = source.Groups.Sum(g => g.Value.Runs.Count);
        return new Figure(Kind, $"Residuals of {symbol} per {source.By}: {first.Law} law {first.Formula}",
            $"{source.Groups[0].Value.Runs.Source}, {runs} runs in {source.Groups.Count} groups of {source.By}, each fitted on its own",
            [left, right], Options.Width, Options.Height);
    }

    private static Plot Panel(string title, IReadOnlyList<(double[] X, double[] Residuals)> groups, double bottom, double top, string symbol)
    {
        var plot = FigureStyle.NewPlot();
        plot.Title(title);
        double lo = groups.Min(g => g.X.Min()), hi = groups.Max(g => g.X.Max()), pad = Math.Max(hi - lo, 0.02) * 0.04;
        FigureStyle.Horizontal(plot, 0, lo - pad, hi + pad, FigureStyle.Ink, 1.5f, dashed: false);
        for (int i = 0; i < groups.Count; i++)
        {
            var color = FigureStyle.Category(i);
            var points = plot.Add.ScatterPoints(groups[i].X, groups[i].Residuals, color.WithAlpha(0.7));
            points.MarkerSize = FigureStyle.MarkerSize;
            var (binX, binY) = ResidualsFigure.BinnedMeans(groups[i].X, groups[i].Residuals);
            if (binX.Length >= 2) FigureStyle.Line(plot, binX, binY, color, FigureStyle.CurveWidth);
        }
        plot.Axes.SetLimits(lo - pad, hi + pad, bottom, top);
        plot.Axes.Bottom.TickGenerator = new LogTicks();
        plot.Axes.Left.TickGenerator = Ticks.Linear(bottom, top, target: 8);
        plot.YLabel($"residual of {symbol} (observed − fitted)");
        return plot;
    }
}

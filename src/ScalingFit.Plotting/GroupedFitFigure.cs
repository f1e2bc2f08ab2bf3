using ScalingFit.Data;
using ScalingFit.Laws;
using ScalingFit.Plotting.Series;
using ScalingFit.Plotting.Style;
using ScottPlot;

namespace ScalingFit.Plotting;

/// <summary>A law fitted per group of runs (one configuration, data set, learning rate): each group's fit and runs.</summary>
/// <param name="By">The grouping column(s), for the title and legend ("experiment").</param>
/// <param name="Groups">Each group's label and fit, in group order.</param>
public sealed record GroupedFits(string By, IReadOnlyList<KeyValuePair<string, FittedRuns>> Groups);

/// <summary>
/// Loss against the law's input on log-log axes, one colour per group (Okabe–Ito, colour-blind safe): each group's
/// runs, its fitted law over its runs' range with the 95% band, and the law's exponent with its interval in the legend,
/// so a reader sees at once whether the groups follow one law.
/// </summary>
/// <remarks>
/// Laws of one quantity (N, D or C; other inputs that are columns are held at each group's mean). A law of N and D
/// with a compute-optimal frontier (chinchilla, kaplan-nd, a formula in N and D) is drawn against C instead: each
/// group's runs and its compute-optimal loss L_opt(C).
/// </remarks>
public sealed class GroupedFitFigure(FitFigureOptions? options = null) : IFigureRenderer<GroupedFits>
{
    /// <summary>Colours before they repeat.</summary>
    public const int MaxGroups = 7;

    /// <summary>The options in force (size and the extrapolation target).</summary>
    public FitFigureOptions Options { get; } = options ?? new FitFigureOptions();

    /// <inheritdoc />
    public FigureKind Kind => FigureKind.Fit;

    /// <inheritdoc />
    /// <exception cref="OptionException">More groups than colours, or a law of more than one of N, D and C.</exception>
    public Figure Render(GroupedFits source)
    {
        RequireGroups(source.Groups.Count, "GroupedFitFigure.Groups");
        var first = source.Groups[0].Value.Fit;
        var quantities = first.Model.Inputs.Where(i => i.Quantity is not null).ToList();
        if (quantities.Count != 1 && Options.ExtrapolateTo is null && GroupedFrontierFitFigure.Applies(source))
            return GroupedFrontierFitFigure.Render(source, Options);
        if (quantities.Count != 1)
            throw new OptionException("GroupedFitFigure.Law",
                $"the {first.Law} law takes {first.Model.Inputs.Names()}; the figure per group draws one curve per group along one quantity: use a law of N, D or C alone " +
                "(power, saturating), or a law of N and D with a compute-optimal frontier (chinchilla, kaplan-nd), drawn against C, without --extrapolate-to.");
        var versus = quantities[0];
        var plot = FigureStyle.NewPlot();
        var x = new Extent();
        var y = new Extent();
        var legend = new List<LegendItem>();
        double? target = Options.ExtrapolateTo is not { } t ? null
            : t.Quantity == versus.Quantity ? t.Value
            : throw new OptionException("FitFigureOptions.ExtrapolateTo", $"{t.Quantity.Symbol()}=… extrapolates along {t.Quantity.Symbol()}, but the law's input is {versus.Name}.");
        for (int g = 0; g < source.Groups.Count; g++)
        {
            var (label, fitted) = (source.Groups[g].Key, source.Groups[g].Value);
            var color = FigureStyle.Category(g);
            var xs = fitted.Column(versus);
            var ys = fitted.Observed;
            double lower = xs.Min(), upper = xs.Max();
            if (upper / lower < 1.05) { lower /= 1.25; upper *= 1.25; }
            var held = fitted.HeldColumns(Enumerable.Range(0, fitted.Runs.Count).ToList());
            double from = Math.Min(lower, target ?? lower), to = Math.Max(upper, target ?? upper);
            var whole = ModelCurve.Sample(fitted.Fit.Model, versus, from, to, held, 160);
            if (whole.HasInterval)
            {
                var band = plot.Add.FillY(whole.X, whole.Lower, whole.Upper);
                band.FillColor = color.WithAlpha(0.14);
                band.LineWidth = 0;
            }
            var logY = ys.Select(Math.Log10).ToArray();
            var points = plot.Add.ScatterPoints(xs.Select(Math.Log10).ToArray(), logY, color);
            points.MarkerSize = FigureStyle.MarkerSize;
            points.MarkerShape = MarkerShape.FilledCircle;
            var curve = ModelCurve.Sample(fitted.Fit.Model, versus, lower, upper, held, 100, intervals: false);
            FigureStyle.Line(plot, curve.X, curve.Y, color, FigureStyle.CurveWidth);
            foreach (var (a, b) in new[] { (from, lower), (upper, to) })
                if (b / a > 1.0001)
                {
                    var beyond = ModelCurve.Sample(fitted.Fit.Model, versus, a, b, held, 60, intervals: false);
                    FigureStyle.Line(plot, beyond.X, beyond.Y, color, FigureStyle.CurveWidth, dashed: true);
                    y.Add(beyond.Y);
                }
            x.Add(whole.X);
            y.Add(logY);
            y.Add(curve.Y);
            y.AddWithin(whole.Lower.Concat(whole.Upper).Where(double.IsFinite), 0.05);
            legend.Add(Legends.Marker($"{label} ({fitted.Runs.IndependentRuns} runs): {Exponent(fitted)}", color));
        }
        var (left, right) = x.Padded(0.03);
        var (bottom, top) = y.Padded(0.06);
        plot.Axes.SetLimits(left, right, bottom, top);
        legend.Add(Legends.Fill(FitFigure.BandLabel(first.Model), FigureStyle.Reference.WithAlpha(0.2)));
        if (target is not null) legend.Add(Legends.Line("extrapolation", FigureStyle.Ink, FigureStyle.CurveWidth, dashed: true));
        Legends.ShowInside(plot, legend);
        plot.Axes.Bottom.TickGenerator = new LogTicks();
        plot.Axes.Left.TickGenerator = new LogTicks();
        plot.XLabel($"{versus.Description}, log scale");
        plot.YLabel($"{first.Target.Description}, log scale");
        int runs = source.Groups.Sum(g => g.Value.Runs.Count);
        return new Figure(Kind, $"{(first.Target.IsLoss ? "Loss" : first.Target.Name)} against {versus.Description} per {source.By}: {first.Law} law {first.Formula}",
            $"{source.Groups[0].Value.Runs.Source}, {runs} runs in {source.Groups.Count} groups of {source.By}, each fitted on its own", [plot], Options.Width, Options.Height);
    }

    /// <summary>Requires 1 to <see cref="MaxGroups"/> groups, one distinct colour each.</summary>
    /// <exception cref="OptionException">No group, or more than there are colours.</exception>
    internal static void RequireGroups(int count, string parameter)
    {
        if (count is 0 or > MaxGroups)
            throw new OptionException(parameter, $"a figure shows 1 to {MaxGroups} groups in distinct colours, not {count}; select some with a filter.");
    }

    /// <summary>The law's exponent (or first parameter) with its 95% interval: "α = 0.0761 [0.0741, 0.0771]".</summary>
    private static string Exponent(FittedRuns fitted)
    {
        var parameters = fitted.Fit.Parameters.Where(p => p.Name is not ("slope" or "intercept")).ToList();
        var p = parameters.FirstOrDefault(q => q.Name is "alpha" or "beta" or "a") ?? parameters.FirstOrDefault();
        return p is null ? "" : $"{p.Symbol} = {NumberFormat.Significant(p.Value, 3)} {NumberFormat.Range(p.Ci95.Lower, p.Ci95.Upper, 3)}";
    }

    /// <summary>
    /// The figure of each group's one-input law from a comparison (the power law when there is one), for a report:
    /// null when no group has such a law.
    /// </summary>
    public static GroupedFits? FromComparisons(string by, IEnumerable<(string Name, Analysis.ComparisonResult Comparison, RunSet Runs)> groups)
    {
        var fits = new List<KeyValuePair<string, FittedRuns>>();
        string? law = null;
        foreach (var (name, comparison, runs) in groups)
        {
            var oneInput = comparison.Scores.Where(s => s.Fit is { } f && f.Model.Inputs.Count(i => i.Quantity is not null) == 1 && f.Model.Inputs.Count == 1).ToList();
            var score = oneInput.FirstOrDefault(s => law is null ? s.Spec.Name.StartsWith("power", StringComparison.Ordinal) : s.Spec.Name == law)
                        ?? (law is null ? oneInput.FirstOrDefault() : null);
            if (score is null) continue;
            law ??= score.Spec.Name;
            fits.Add(new(name, new FittedRuns(score.Fit!, runs)));
        }
        return fits.Count == 0 ? null : new GroupedFits(by, fits);
    }
}

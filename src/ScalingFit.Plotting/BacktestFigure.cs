using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Plotting.Style;
using ScottPlot;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Plotting;

/// <summary>
/// Backtests in two panels. Left: the predicted against the actual loss of every held-out run, with
/// the law's 95% interval as an error bar and the line y = x where a perfect law would put them.
/// Right: the relative error (L̂ − L)/L against compute (or size), the runs the first law was fitted
/// to in grey and the held-out runs beyond them, which shows whether the error grows with scale.
/// One colour per law.
/// </summary>
public sealed class BacktestFigure(BacktestFigureOptions? options = null) : IFigureRenderer<BacktestRuns>
{
    /// <summary>The options in force.</summary>
    public BacktestFigureOptions Options { get; } = options ?? new BacktestFigureOptions();

    /// <inheritdoc />
    public FigureKind Kind => FigureKind.Backtest;

    /// <inheritdoc />
    public Figure Render(BacktestRuns source)
    {
        source = source.Validated();
        var size = new PixelSize(Options.Width / 2f, Options.Height - 60);
        var left = PredictedAgainstActual(source.Backtests, size);
        var right = ErrorAgainstScale(source, size);
        var first = source.Backtests[0];
        string laws = source.Backtests.Count == 1 ? $"the {BacktestRuns.Name(first)} law {first.Fit.Formula}" : $"{source.Backtests.Count} laws";
        int heldOut = first.Predictions.Count;
        string subtitle = $"{first.Fit.Data.Source}, {first.TrainingRuns + heldOut} runs · held out {heldOut}: {first.Holdout} · " +
                          $"each law fitted to the other {first.TrainingRuns}";
        return new Figure(Kind, $"Backtest of {laws}: predictions of runs the fit never saw", subtitle, [left, right], Options.Width, Options.Height);
    }

    private static Plot PredictedAgainstActual(IReadOnlyList<BacktestResult> backtests, PixelSize size)
    {
        var plot = FigureStyle.NewPlot();
        plot.Title("predicted against actual loss, held-out runs");
        var extent = new Extent();
        var drawn = new List<Coordinates>();
        var legend = new List<LegendItem>();
        foreach (var b in backtests)
        {
            extent.Add(b.Predictions.Select(p => Math.Log10(p.Actual)));
            extent.Add(b.Predictions.Select(p => Math.Log10(p.Predicted)));
        }
        // The best law last, on top.
        for (int i = backtests.Count - 1; i >= 0; i--)
        {
            var b = backtests[i];
            var color = FigureStyle.Category(i);
            var xs = b.Predictions.Select(p => Math.Log10(p.Actual)).ToArray();
            var ys = b.Predictions.Select(p => Math.Log10(p.Predicted)).ToArray();
            var withInterval = Enumerable.Range(0, xs.Length).Where(j => b.Predictions[j].Interval.Lower > 0 && double.IsFinite(b.Predictions[j].Interval.Upper)).ToArray();
            if (withInterval.Length > 0)
            {
                var lower = withInterval.Select(j => Math.Log10(b.Predictions[j].Interval.Lower)).ToArray();
                var upper = withInterval.Select(j => Math.Log10(b.Predictions[j].Interval.Upper)).ToArray();
                var bars = FigureStyle.VerticalErrorBars(plot, withInterval.Select(j => xs[j]).ToArray(), withInterval.Select(j => ys[j]).ToArray(), lower, upper);
                bars.LineColor = color.WithAlpha(0.55);
                bars.LineWidth = 1.2f;
                bars.CapSize = 3;
                extent.AddWithin(lower.Concat(upper), 0.01);
            }
            var points = plot.Add.ScatterPoints(xs, ys, color.WithAlpha(0.85));
            points.MarkerSize = FigureStyle.MarkerSize;
            drawn.AddRange(xs.Zip(ys, (x, y) => new Coordinates(x, y)));
        }
        var (lo, hi) = extent.Padded(0.05);
        FigureStyle.Line(plot, [lo, hi], [lo, hi], FigureStyle.Ink, 1.3f);
        plot.Axes.SetLimits(lo, hi, lo, hi);
        plot.Axes.Bottom.TickGenerator = Ticks.Plain(lo, hi);
        plot.Axes.Left.TickGenerator = Ticks.Plain(lo, hi);
        plot.XLabel($"actual {Quantity.Loss.Description()}, log scale");
        plot.YLabel($"predicted {Quantity.Loss.Description()}, log scale");
        // The laws' colours are explained beside the other panel, which has room for them.
        legend.Add(Legends.Line("y = x: a perfect prediction", FigureStyle.Ink, 1.3f));
        legend.Add(Legends.Line("bars: the law's 95% interval", FigureStyle.Reference.WithAlpha(0.7), 1.2f));
        Legends.ShowInEmptiestCorner(plot, legend, drawn, size);
        return plot;
    }

    private Plot ErrorAgainstScale(BacktestRuns source, PixelSize size)
    {
        var backtests = source.Backtests;
        // Compute orders runs by scale best; then size, then tokens; every law's held-out runs have the inputs it took.
        var quantity = new[] { Quantity.Compute, Quantity.ParameterCount, Quantity.TrainingTokens }
            .FirstOrDefault(q => backtests.All(b => b.Predictions.All(p => p.At.ContainsKey(q))), backtests[0].Fit.Inputs[0].Quantity ?? Quantity.Compute);
        var plot = FigureStyle.NewPlot();
        plot.Title($"relative error against {(quantity == Quantity.Compute ? "compute" : quantity == Quantity.ParameterCount ? "model size" : "training tokens")}");
        var x = new Extent();
        var y = new Extent();
        var drawn = new List<Coordinates>();
        var legend = new List<LegendItem>();
        double trainingMax = double.NaN;
        if (Options.ShowFittedRuns && source.Split is { } split && split.Training.Has(quantity))
        {
            var fit = backtests[0].Fit;
            var runs = split.Training;
            var inputs = new double[fit.Inputs.Count];
            var xs = new double[runs.Count];
            var ys = new double[runs.Count];
            var columns = fit.Inputs.Select(input => Laws.LawInputs.Values(runs, input)).ToArray();
            var observed = fit.Target.Values(runs);
            for (int i = 0; i < runs.Count; i++)
            {
                for (int j = 0; j < inputs.Length; j++) inputs[j] = columns[j][i];
                double actual = observed[i];
                xs[i] = Math.Log10(runs.Value(quantity, i));
                ys[i] = 100 * (fit.Model.Predict(inputs) - actual) / actual;
            }
            var points = plot.Add.ScatterPoints(xs, ys, FigureStyle.Context);
            points.MarkerSize = FigureStyle.MarkerSize - 1;
            x.Add(xs);
            y.Add(ys);
            drawn.AddRange(xs.Zip(ys, (a, b) => new Coordinates(a, b)));
            trainingMax = xs.Max();
            legend.Add(Legends.Marker($"runs {BacktestRuns.Name(backtests[0])} was fitted to", FigureStyle.Context));
        }
        for (int i = backtests.Count - 1; i >= 0; i--)
        {
            var b = backtests[i];
            var xs = b.Predictions.Select(p => Math.Log10(p.At[quantity])).ToArray();
            var ys = b.Predictions.Select(p => 100 * p.RelativeError).ToArray();
            var points = plot.Add.ScatterPoints(xs, ys, FigureStyle.Category(i).WithAlpha(0.85));
            points.MarkerSize = FigureStyle.MarkerSize;
            x.Add(xs);
            y.Add(ys);
            drawn.AddRange(xs.Zip(ys, (a, c) => new Coordinates(a, c)));
        }
        foreach (var (b, i) in backtests.Select((b, i) => (b, i)))
        {
            string inside = double.IsNaN(b.Coverage) ? "no intervals" : $"{b.Inside}/{b.Predictions.Count} inside 95%";
            legend.Insert(i, Legends.Marker($"{BacktestRuns.Name(b)}: mean |error| {Percent(b.MeanAbsoluteRelativeError)}, {inside}", FigureStyle.Category(i)));
        }
        y.Add(0);
        var (left, right) = x.Padded(0.03);
        var (bottom, top) = y.Padded(0.06);
        // Room above the data for the legend, which lists every law: it then covers no run whatever the errors.
        double share = Math.Min(0.6, ((legend.Count + 1) * 20.0 + 14) / (0.8 * size.Height));
        top = bottom + (top - bottom) / (1 - share);
        FigureStyle.Horizontal(plot, 0, left, right, FigureStyle.Ink, 1.3f, dashed: false);
        double heldOutMin = backtests.Min(b => b.Predictions.Min(p => Math.Log10(p.At[quantity])));
        if (trainingMax < heldOutMin)
        {
            double boundary = (trainingMax + heldOutMin) / 2;
            FigureStyle.Line(plot, [boundary, boundary], [bottom, top], FigureStyle.Reference, 1.3f, dashed: true);
            legend.Add(Legends.Line("where the held-out runs begin", FigureStyle.Reference, 1.3f, dashed: true));
        }
        plot.Axes.SetLimits(left, right, bottom, top);
        plot.Axes.Bottom.TickGenerator = Ticks.Decades(left, right);
        plot.Axes.Left.TickGenerator = Ticks.Linear(bottom, top);
        plot.XLabel($"{quantity.Description()}, log scale");
        plot.YLabel("relative error (L̂ − L)/L, %");
        Legends.Show(plot, legend, Alignment.UpperLeft);
        return plot;
    }
}

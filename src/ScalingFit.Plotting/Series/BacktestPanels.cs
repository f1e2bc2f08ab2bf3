using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Plotting.Style;
using ScottPlot;

namespace ScalingFit.Plotting.Series;

/// <summary>The panels of the backtest figure: one law's predictions against the actual losses, and every law's errors against scale.</summary>
internal static class BacktestPanels
{
    /// <summary>Marker shapes of the laws, in their order, so they are told apart without colour too.</summary>
    private static readonly MarkerShape[] Shapes =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleDown,
         MarkerShape.OpenCircle, MarkerShape.OpenSquare];

    public static MarkerShape Shape(int law) => Shapes[law % Shapes.Length];

    /// <summary>Predicted against actual loss of one law's held-out runs, bars for its 95% interval, on the given log₁₀ limits.</summary>
    public static Plot PredictedAgainstActual(BacktestResult b, int index, (double Lower, double Upper) limits, bool first)
    {
        var plot = FigureStyle.NewPlot();
        var color = FigureStyle.Category(index);
        var (lo, hi) = limits;
        FigureStyle.Line(plot, [lo, hi], [lo, hi], FigureStyle.Ink, 1.2f);
        var xs = b.Predictions.Select(p => Math.Log10(p.Actual)).ToArray();
        var ys = b.Predictions.Select(p => Math.Log10(p.Predicted)).ToArray();
        var withInterval = Enumerable.Range(0, xs.Length)
            .Where(j => b.Predictions[j].Interval.Lower > 0 && double.IsFinite(b.Predictions[j].Interval.Upper)).ToArray();
        if (withInterval.Length > 0)
        {
            var bars = FigureStyle.VerticalErrorBars(plot, withInterval.Select(j => xs[j]).ToArray(), withInterval.Select(j => ys[j]).ToArray(),
                withInterval.Select(j => Math.Log10(b.Predictions[j].Interval.Lower)).ToArray(),
                withInterval.Select(j => Math.Log10(b.Predictions[j].Interval.Upper)).ToArray());
            bars.LineColor = color.WithAlpha(0.5);
            bars.LineWidth = 1.1f;
            bars.CapSize = 3;
        }
        var points = plot.Add.ScatterPoints(xs, ys, color);
        points.MarkerSize = FigureStyle.MarkerSize - 1;
        points.MarkerShape = Shape(index);
        plot.Axes.SetLimits(lo, hi, lo, hi);
        plot.Axes.Bottom.TickGenerator = new LogTicks();
        plot.Axes.Left.TickGenerator = new LogTicks();
        plot.Axes.Title.Label.Text = $"{BacktestRuns.Name(b)}: {ScalingFit.NumberFormat.Percent(b.MeanAbsoluteRelativeError)}";
        plot.Axes.Title.Label.FontSize = FigureStyle.TickLabelSize + 1;
        plot.Axes.Title.Label.ForeColor = color;
        plot.XLabel($"actual {b.Fit.Target.Name}, log scale");
        plot.YLabel(first ? $"predicted {b.Fit.Target.Name} (95% bars), log scale" : "");
        return plot;
    }

    /// <summary>The relative error of every law against compute (or size), with the first law's fitted runs in grey; the legend beside.</summary>
    public static Plot ErrorAgainstScale(BacktestRuns source, bool showFitted, Edge legendEdge)
    {
        var backtests = source.Backtests;
        // Compute orders runs by scale best; then size, then tokens; every law's held-out runs have the inputs it took.
        var quantity = new[] { Quantity.Compute, Quantity.ParameterCount, Quantity.TrainingTokens }
            .FirstOrDefault(q => backtests.All(b => b.Predictions.All(p => p.At.ContainsKey(q))), backtests[0].Fit.Inputs[0].Quantity ?? Quantity.Compute);
        var plot = FigureStyle.NewPlot();
        plot.Title($"relative error against {Name(quantity)}");
        var x = new Extent();
        var y = new Extent();
        var legend = new List<LegendItem>();
        double trainingMax = double.NaN;
        if (showFitted && source.Split is { } split && split.Training.Has(quantity))
        {
            var (xs, ys) = FittedErrors(backtests[0], split.Training, quantity);
            var points = plot.Add.ScatterPoints(xs, ys, FigureStyle.Context);
            points.MarkerSize = FigureStyle.MarkerSize - 1;
            x.Add(xs);
            y.Add(ys);
            trainingMax = xs.Max();
        }
        // Several laws predict the same held-out runs: each law's markers are set a marker's width apart
        // (a fixed share of the axis, centred on the run), so none hides another; the title says so.
        var all = new Extent();
        all.Add(backtests.SelectMany(b => b.Predictions.Select(p => Math.Log10(p.At[quantity]))));
        if (!x.IsEmpty)
        {
            all.Add(x.Lower);
            all.Add(x.Upper);
        }
        double span = all.Upper - all.Lower;
        double dodge = backtests.Count > 1 ? DodgeShare * Math.Max(span, 0.1) : 0;
        if (dodge > 0) plot.Title($"relative error against {Name(quantity)} (the laws side by side at each run)");
        // The best law last, on top.
        for (int i = backtests.Count - 1; i >= 0; i--)
        {
            var b = backtests[i];
            double offset = (i - (backtests.Count - 1) / 2.0) * dodge;
            var xs = b.Predictions.Select(p => Math.Log10(p.At[quantity]) + offset).ToArray();
            var ys = b.Predictions.Select(p => 100 * p.RelativeError).ToArray();
            var points = plot.Add.ScatterPoints(xs, ys, FigureStyle.Category(i).WithAlpha(0.9));
            points.MarkerSize = FigureStyle.MarkerSize;
            points.MarkerShape = Shape(i);
            x.Add(xs);
            y.Add(ys);
        }
        for (int i = 0; i < backtests.Count; i++)
            legend.Add(Legends.Marker(BacktestFigure.Summary(backtests[i]), Shape(i), FigureStyle.Category(i), FigureStyle.Category(i), FigureStyle.MarkerSize + 1));
        if (!double.IsNaN(trainingMax)) legend.Add(Legends.Marker($"runs {BacktestRuns.Name(backtests[0])} was fitted to", FigureStyle.Context));
        y.Add(0);
        var (left, right) = x.Padded(0.03);
        var (bottom, top) = y.Padded(0.06);
        FigureStyle.Horizontal(plot, 0, left, right, FigureStyle.Ink, 1.2f, dashed: false);
        double heldOutMin = backtests.Min(b => b.Predictions.Min(p => Math.Log10(p.At[quantity])));
        if (trainingMax < heldOutMin)
        {
            double boundary = (trainingMax + heldOutMin) / 2;
            FigureStyle.Line(plot, [boundary, boundary], [bottom, top], FigureStyle.Reference, 1.2f, dashed: true);
            legend.Add(Legends.Line("where the held-out runs begin", FigureStyle.Reference, 1.2f, dashed: true));
        }
        plot.Axes.SetLimits(left, right, bottom, top);
        plot.Axes.Bottom.TickGenerator = new LogTicks();
        plot.Axes.Left.TickGenerator = Ticks.Linear(bottom, top);
        plot.XLabel($"{quantity.Description()}, log scale");
        plot.YLabel("relative error (L̂ − L)/L, %");
        Legends.ShowBeside(plot, legend, legendEdge);
        return plot;
    }

    /// <summary>How far apart the laws' markers of one run are set, as a share of the x axis (about a marker's width).</summary>
    internal const double DodgeShare = 0.007;

    private static string Name(Quantity quantity) =>
        quantity == Quantity.Compute ? "compute" : quantity == Quantity.ParameterCount ? "model size" : "training tokens";

    /// <summary>The first law's relative errors (%) on the runs it was fitted to, against log₁₀ of the quantity.</summary>
    private static (double[] X, double[] Y) FittedErrors(BacktestResult backtest, RunSet runs, Quantity quantity)
    {
        var fit = backtest.Fit;
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
        return (xs, ys);
    }
}

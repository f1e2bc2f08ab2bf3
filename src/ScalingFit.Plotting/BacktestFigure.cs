using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Plotting.Series;
using ScalingFit.Plotting.Style;
using ScottPlot;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Plotting;

/// <summary>
/// Backtests: the predicted against the actual loss of every held-out run, with the law's 95%
/// interval as an error bar and y = x where a perfect law would put them, one small panel per law
/// on shared axes that show every bar whole; and the relative error (L̂ − L)/L against compute (or
/// size) for every law together, each in its own colour and marker, the runs the first law was
/// fitted to in grey, which shows whether the error grows with scale. Legends lie beside the data.
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
        var backtests = source.Backtests;
        int n = backtests.Count;
        var limits = SharedLimits(backtests);
        var panels = backtests.Select((b, i) => BacktestPanels.PredictedAgainstActual(b, i, limits, first: i == 0)).ToList();
        panels.Add(BacktestPanels.ErrorAgainstScale(source, Options.ShowFittedRuns, n == 1 ? Edge.Bottom : Edge.Right));
        // One law: its panel beside the errors. Several: a row of small panels over the errors of all.
        var cells = n == 1
            ? new List<Figure.Cell> { new(0, 0, 0.5f, 1), new(0.5f, 0, 0.5f, 1) }
            : Enumerable.Range(0, n).Select(i => new Figure.Cell((float)i / n, 0, 1f / n, 0.5f)).Append(new Figure.Cell(0, 0.5f, 1, 0.5f)).ToList();
        var first = backtests[0];
        string laws = n == 1 ? $"the {BacktestRuns.Name(first)} law {first.Fit.Formula}" : $"{n} laws";
        int heldOut = first.Predictions.Count;
        string subtitle = $"{first.Fit.Data.Source}, {first.TrainingRuns + heldOut} runs · held out {heldOut}: {first.Holdout} · " +
                          $"each law fitted to the other {first.TrainingRuns}";
        int height = n == 1 ? Options.Height : Options.Height + 260;
        return new Figure(Kind, $"Backtest of {laws}: predictions of runs the fit never saw", subtitle, panels, Options.Width, height, cells);
    }

    /// <summary>
    /// One range for both axes of every small panel, in log₁₀ of the loss: every actual and predicted loss
    /// and both ends of every interval, so no bar is cut.
    /// </summary>
    private static (double Lower, double Upper) SharedLimits(IReadOnlyList<BacktestResult> backtests)
    {
        var extent = new Extent();
        foreach (var b in backtests)
            foreach (var p in b.Predictions)
            {
                extent.Add(Math.Log10(p.Actual));
                extent.Add(Math.Log10(p.Predicted));
                if (p.Interval.Lower > 0 && double.IsFinite(p.Interval.Upper))
                {
                    extent.Add(Math.Log10(p.Interval.Lower));
                    extent.Add(Math.Log10(p.Interval.Upper));
                }
            }
        return extent.Padded(0.04);
    }

    /// <summary>A law's name and how it did: "chinchilla: 1.1%, 39/48 inside 95%".</summary>
    internal static string Summary(BacktestResult b)
    {
        string inside = double.IsNaN(b.Coverage) ? "no intervals" : $"{b.Inside}/{b.Predictions.Count} inside 95%";
        return $"{BacktestRuns.Name(b)}: {Percent(b.MeanAbsoluteRelativeError)}, {inside}";
    }
}

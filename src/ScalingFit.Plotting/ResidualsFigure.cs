using System.Globalization;
using ScalingFit.Data;
using ScalingFit.Laws;
using ScalingFit.Plotting.Style;
using ScottPlot;

namespace ScalingFit.Plotting;

/// <summary>
/// Residuals (observed minus fitted, in the fit's residual space: ln L unless the fit chose another
/// target or space) in two panels: against the fitted value and against an
/// input of the law, with the zero line, ±2s (s the residual standard deviation) and the mean of
/// the residuals in bins of the x value, which shows curvature the law misses.
/// </summary>
public sealed class ResidualsFigure(ResidualsFigureOptions? options = null) : IFigureRenderer<FittedRuns>
{
    /// <summary>Bins for the running mean.</summary>
    private const int Bins = 8;

    /// <summary>The options in force.</summary>
    public ResidualsFigureOptions Options { get; } = options ?? new ResidualsFigureOptions();

    /// <inheritdoc />
    public FigureKind Kind => FigureKind.Residuals;

    /// <inheritdoc />
    public Figure Render(FittedRuns source)
    {
        var model = source.Fit.Model;
        var versus = Options.Versus is { } v ? LawInput.Of(v) : model.Inputs[0];
        if (!model.Inputs.Contains(versus))
            throw new OptionException("ResidualsFigureOptions.Versus",
                $"the {source.Fit.Law} law takes {model.Inputs.Names()}; residuals are plotted against one of them, not {versus.Name}.");
        var xs = source.Column(versus);
        var space = source.Fit.Residuals;
        var (fitted, residuals) = Residuals(source);
        double s = source.Fit.Statistics.ResidualStandardDeviation;
        var y = new Extent();
        y.Add(residuals);
        if (double.IsFinite(s)) { y.Add(2 * s); y.Add(-2 * s); }
        y.Add(0);
        var (bottom, top) = y.Padded(0.08);

        string symbol = source.Fit.ResidualSymbol, target = source.Fit.Target.Name;
        var left = Panel($"against the fitted {target}", fitted.Select(Math.Log10).ToArray(), residuals, s, bottom, top, symbol);
        left.Axes.Bottom.TickGenerator = new LogTicks();
        left.XLabel($"fitted {source.Fit.Target.Description}, log scale");
        var right = Panel($"against {versus.Description}", xs.Select(Math.Log10).ToArray(), residuals, s, bottom, top, symbol);
        right.Axes.Bottom.TickGenerator = new LogTicks();
        right.XLabel($"{versus.Description}, log scale");

        string title = $"Residuals of {source.Fit.ResidualSymbol}: {source.Fit.Law} law {source.Fit.Formula}";
        // A residual s.d. in logs reads as a relative error; in other spaces it stands as it is.
        string relative = space == ResidualSpace.Log ? $" (≈ {NumberFormat.Percent(Math.Exp(s) - 1)} in {source.Fit.Target.Symbol})" : "";
        string subtitle = $"{source.Runs.Source}, {source.Runs.Count} runs · residual s.d. s = {NumberFormat.Significant(s, 3)} in {symbol}" +
                          $"{relative} · R² = {source.Fit.Statistics.RSquared.ToString("0.000", CultureInfo.InvariantCulture)}";
        return new Figure(Kind, title, subtitle, [left, right], Options.Width, Options.Height);
    }

    /// <summary>Each run's fitted value and its residual (observed − fitted in the fit's residual space).</summary>
    internal static (double[] Fitted, double[] Residuals) Residuals(FittedRuns source)
    {
        var loss = source.Observed;
        var space = source.Fit.Residuals;
        var fitted = new double[loss.Length];
        var residuals = new double[loss.Length];
        for (int i = 0; i < loss.Length; i++)
        {
            fitted[i] = source.Fit.Model.Predict(source.InputsOf(i));
            residuals[i] = space.Transform(loss[i]) - space.Transform(fitted[i]);
        }
        return (fitted, residuals);
    }

    private static Plot Panel(string title, double[] x, double[] residuals, double s, double bottom, double top, string symbol)
    {
        var plot = FigureStyle.NewPlot();
        plot.Title(title);
        double lo = x.Min(), hi = x.Max(), pad = Math.Max(hi - lo, 0.02) * 0.04;
        FigureStyle.Horizontal(plot, 0, lo - pad, hi + pad, FigureStyle.Ink, 1.5f, dashed: false);
        if (double.IsFinite(s) && s > 0)
        {
            foreach (double level in new[] { 2 * s, -2 * s })
            {
                FigureStyle.Horizontal(plot, level, lo - pad, hi + pad, FigureStyle.Reference, 1.2f, dashed: true);
            }
        }
        var points = plot.Add.ScatterPoints(x, residuals, FigureStyle.Points.WithAlpha(0.65));
        points.MarkerSize = FigureStyle.MarkerSize;
        var (binX, binY) = BinnedMeans(x, residuals);
        if (binX.Length >= 2)
        {
            var trend = plot.Add.Scatter(binX, binY, FigureStyle.Model);
            trend.LineWidth = FigureStyle.CurveWidth;
            trend.MarkerSize = FigureStyle.MarkerSize + 2;
        }
        plot.Axes.SetLimits(lo - pad, hi + pad, bottom, top);
        plot.Axes.Left.TickGenerator = Ticks.Linear(bottom, top, target: 8);
        plot.YLabel($"residual of {symbol} (observed − fitted)");
        // Residuals can fall in any corner: the legend goes where it hides none (placed from the layout).
        Legends.ShowInside(plot,
        [
            Legends.Marker("runs", FigureStyle.Points),
            Legends.Line("mean in bins of x", FigureStyle.Model, FigureStyle.CurveWidth),
            Legends.Line("±2s", FigureStyle.Reference, 1.2f, dashed: true),
        ]);
        return plot;
    }

    /// <summary>The mean x and mean residual in up to <see cref="Bins"/> bins of equal count along x.</summary>
    internal static (double[] X, double[] Y) BinnedMeans(double[] x, double[] residuals)
    {
        int bins = Math.Min(Bins, x.Length / 5);
        if (bins < 2) return ([], []);
        var order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ToArray();
        var bx = new double[bins];
        var by = new double[bins];
        for (int b = 0; b < bins; b++)
        {
            var members = order[(b * order.Length / bins)..((b + 1) * order.Length / bins)];
            bx[b] = members.Average(i => x[i]);
            by[b] = members.Average(i => residuals[i]);
        }
        return (bx, by);
    }
}

using ScalingFit.Data;
using ScalingFit.Plotting.Style;
using ScalingFit.Plotting.Tests.Support;
using ScottPlot.Plottables;

namespace ScalingFit.Plotting.Tests;

public class BacktestFigureTests
{
    [Fact]
    public void Render_PredictedAgainstActual_OneSmallPanelPerLawWithAPointPerHeldOutRun()
    {
        var source = Analyses.PowerAndJoint;
        using var figure = new BacktestFigure().Render(source);
        Assert.Equal(source.Backtests.Count + 1, figure.Panels.Count);
        for (int i = 0; i < source.Backtests.Count; i++)
        {
            var b = source.Backtests[i];
            var points = figure.Panels[i].GetPlottables<Scatter>().Where(s => s.LineWidth == 0).SelectMany(s => s.Data.GetScatterPoints()).ToList();
            Assert.All(figure.Panels[i].GetPlottables<Scatter>().Where(s => s.LineWidth == 0), s => Assert.Equal(FigureStyle.Category(i), s.MarkerFillColor));
            Assert.Equal(b.Predictions.Count, points.Count);
            foreach (var p in b.Predictions)
                Assert.Contains(points, q => Math.Abs(q.X - Math.Log10(p.Actual)) < 1e-12 && Math.Abs(q.Y - Math.Log10(p.Predicted)) < 1e-12);
        }
    }

    [Fact]
    public void Render_SmallPanels_ShareLimitsThatHoldEveryBarWhole()
    {
        var source = Analyses.PowerAndJoint;
        using var figure = new BacktestFigure().Render(source);
        var limits = figure.Panels[0].Axes.GetLimits();
        for (int i = 0; i < source.Backtests.Count; i++)
        {
            Assert.Equal(limits, figure.Panels[i].Axes.GetLimits());
            foreach (var p in source.Backtests[i].Predictions)
            {
                Assert.InRange(Math.Log10(p.Interval.Lower), limits.Bottom, limits.Top);
                Assert.InRange(Math.Log10(p.Interval.Upper), limits.Bottom, limits.Top);
                Assert.InRange(Math.Log10(p.Actual), limits.Left, limits.Right);
            }
        }
    }

    [Fact]
    public void Render_DiagonalAndSquareAxes_YEqualsXAcrossTheDrawnRange()
    {
        using var figure = new BacktestFigure().Render(Analyses.PowerAndJoint);
        var left = figure.Panels[0];
        var diagonal = Assert.Single(left.GetPlottables<Scatter>(), s => s.LineWidth > 0).Data.GetScatterPoints();
        Assert.Equal(diagonal[0].X, diagonal[0].Y);
        Assert.Equal(diagonal[^1].X, diagonal[^1].Y);
        var limits = left.Axes.GetLimits();
        Assert.Equal(limits.Left, limits.Bottom, 12);
        Assert.Equal(limits.Right, limits.Top, 12);
    }

    [Fact]
    public void Render_ErrorBars_SpanEachPredictionsInterval()
    {
        var source = Analyses.PowerAndJoint;
        using var figure = new BacktestFigure().Render(source);
        var power = source.Backtests[0];
        var bar = Assert.Single(figure.Panels[0].GetPlottables<ErrorBar>());
        Assert.Equal(power.Predictions.Count, bar.Xs.Count);
        Assert.Equal(FigureStyle.Category(0), bar.LineColor.WithAlpha(1.0));
        for (int j = 0; j < power.Predictions.Count; j++)
        {
            var p = power.Predictions[j];
            Assert.Equal(Math.Log10(p.Interval.Upper), bar.Ys[j] + bar.YErrorPositive![j], 12);
            Assert.Equal(Math.Log10(p.Interval.Lower), bar.Ys[j] - bar.YErrorNegative![j], 12);
        }
    }

    [Fact]
    public void Render_ErrorAgainstCompute_FittedRunsGreyAndTheBoundaryBetween()
    {
        var source = Analyses.PowerAndJoint;
        using var figure = new BacktestFigure().Render(source);
        var right = figure.Panels[^1];
        var grey = right.GetPlottables<Scatter>().Single(s => s.MarkerFillColor == FigureStyle.Context).Data.GetScatterPoints();
        Assert.Equal(source.Split!.Training.Count, grey.Count);
        var fit = source.Backtests[0].Fit;
        // Run 0 of the training runs: (L̂ − L)/L of the power law in percent, against log₁₀ C.
        var runs = source.Split.Training;
        double n = runs.Value(Quantity.ParameterCount, 0), actual = runs.Value(Quantity.Loss, 0);
        double predicted = Math.Pow(fit["scale"].Value / n, fit["alpha"].Value);
        Assert.Contains(grey, p => Math.Abs(p.X - Math.Log10(runs.Value(Quantity.Compute, 0))) < 1e-12 && Math.Abs(p.Y - 100 * (predicted - actual) / actual) < 1e-9);
        var boundary = right.GetPlottables<Scatter>().Single(s => s.PathStrategy is DashedPath).Data.GetScatterPoints();
        double trainingMax = Enumerable.Range(0, runs.Count).Max(i => Math.Log10(runs.Value(Quantity.Compute, i)));
        double heldOutMin = source.Backtests[0].Predictions.Min(p => Math.Log10(p.At[Quantity.Compute]));
        Assert.Equal((trainingMax + heldOutMin) / 2, boundary[0].X, 12);
    }

    [Fact]
    public void Render_ErrorAgainstCompute_LawsOfOneRunSideBySideAroundIt()
    {
        // Two laws predict the same held-out runs: each law's marker of a run sits half a dodge to either side
        // of the run's log10 C (a share of the x span), at its own relative error, so neither hides the other.
        var source = Analyses.PowerAndJoint;
        using var figure = new BacktestFigure().Render(source);
        var right = figure.Panels[^1];
        var runs = source.Split!.Training;
        var logs = Enumerable.Range(0, runs.Count).Select(i => Math.Log10(runs.Value(Quantity.Compute, i)))
            .Concat(source.Backtests.SelectMany(b => b.Predictions.Select(p => Math.Log10(p.At[Quantity.Compute])))).ToList();
        double dodge = ScalingFit.Plotting.Series.BacktestPanels.DodgeShare * (logs.Max() - logs.Min());
        for (int i = 0; i < 2; i++)
        {
            var points = right.GetPlottables<Scatter>().Single(s => s.MarkerFillColor == FigureStyle.Category(i).WithAlpha(0.9)).Data.GetScatterPoints();
            var p = source.Backtests[i].Predictions[0];
            Assert.Contains(points, q => Math.Abs(q.X - (Math.Log10(p.At[Quantity.Compute]) + (i - 0.5) * dodge)) < 1e-12
                                         && Math.Abs(q.Y - 100 * p.RelativeError) < 1e-12);
        }
        Assert.Contains("side by side", right.Axes.Title.Label.Text);
    }

    [Fact]
    public void Render_Legend_NamesEachLawWithItsErrorAndCoverage()
    {
        var source = Analyses.PowerAndJoint;
        using var figure = new BacktestFigure().Render(source);
        var labels = figure.Panels[^1].Legend.ManualItems.Select(i => i.LabelText).ToList();
        var power = source.Backtests[0];
        Assert.Equal($"power (N): {NumberFormat.Percent(power.MeanAbsoluteRelativeError)}, {power.Inside}/{power.Predictions.Count} inside 95%", labels[0]);
        Assert.StartsWith("joint: ", labels[1]);
        Assert.Contains("runs power (N) was fitted to", labels);
        Assert.Equal("Backtest of 2 laws: predictions of runs the fit never saw", figure.Title);
        Assert.Contains("held out 48: the largest 20.0% of runs by compute", figure.Subtitle);
    }

    [Fact]
    public void Render_WithoutSplitOrFittedRuns_HeldOutOnly()
    {
        var source = Analyses.PowerAndJoint with { Split = null };
        using var figure = new BacktestFigure().Render(source);
        Assert.DoesNotContain(figure.Panels[^1].GetPlottables<Scatter>(), s => s.MarkerFillColor == FigureStyle.Context);
        Assert.StartsWith("Backtest of 2 laws", figure.Title);
    }

    [Fact]
    public void Render_NoBacktest_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new BacktestFigure().Render(new BacktestRuns([])));
}

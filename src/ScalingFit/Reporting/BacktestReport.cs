using System.Globalization;
using ScalingFit.Analysis;
using ScalingFit.Data;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Reporting;

/// <summary>Reports of backtests and law comparisons.</summary>
public static class BacktestReport
{
    /// <summary>A backtest: the split, the error summary, one row per held-out run, the fitted law.</summary>
    public static Document Build(BacktestResult result)
    {
        var fit = result.Fit;
        var blocks = new List<Block>
        {
            new Heading($"backtest of the {fit.Law} law {fit.Formula}"),
            FitReport.DataBlock(fit.Data),
            Summary(result),
            Predictions(result),
            FitReport.ParameterTable(fit.Parameters) with { Title = $"the law fitted to the {result.TrainingRuns} training runs" },
        };
        if (result.Warnings.Count > 0) blocks.Add(new Warnings(result.Warnings));
        return new Document(blocks);
    }

    /// <summary>A comparison: the laws ranked by backtest error, with AIC, BIC and residual spread.</summary>
    public static Document Build(ComparisonResult result)
    {
        var blocks = new List<Block>
        {
            new Heading("law comparison: ranked by extrapolation error"),
            FitReport.DataBlock(result.Data),
            new KeyValues(
            [
                new("held out", $"{result.HeldOutRuns} runs: {result.Holdout}"),
                new("fitted", $"{result.TrainingRuns} runs for the backtest; all {result.Data.Runs} for AIC, BIC and residuals"),
            ]),
            Ranking(result),
            new Paragraph(
                "backtest error: mean |L̂ − L|/L over the held-out runs, predicted by the law fitted to the rest; bias: mean (L̂ − L)/L; " +
                "coverage: held-out losses inside the law's 95% interval. power and joint are fitted by OLS on ln L, the other laws by " +
                "their nonlinear fit (Huber on ln L unless --loss-function lsq). " + InformationCriteria.Definition),
        };
        if (result.Warnings.Count > 0) blocks.Add(new Warnings(result.Warnings));
        return new Document(blocks);
    }

    private static KeyValues Summary(BacktestResult r) => new(
    [
        new("held out", $"{r.Predictions.Count} runs: {r.Holdout}"),
        new("fitted", $"{r.TrainingRuns} runs"),
        new("mean |rel error|", Percent(r.MeanAbsoluteRelativeError)),
        new("max |rel error|", Percent(r.MaxAbsoluteRelativeError)),
        new("bias", $"{Percent(r.MeanRelativeError)} " + (r.Fit.Target.IsLoss
            ? "(mean (L̂ − L)/L; positive: the law predicts too high a loss)"
            : $"(mean (predicted − actual)/actual; positive: the law predicts too high a {r.Fit.Target.Name})")),
        new("inside 95%", double.IsNaN(r.Coverage) ? "n/a (the law gives no intervals)" : $"{r.Inside} of {r.Predictions.Count} ({Percent(r.Coverage)})"),
        new("intervals", r.Fit.Model.IntervalMethod),
    ]);

    private static Table Predictions(BacktestResult r)
    {
        var quantities = r.Predictions.SelectMany(p => p.At.Keys).Distinct().Order().ToList();
        var columns = new List<TableColumn> { new("line") };
        columns.AddRange(quantities.Select(q => new TableColumn(q.Symbol())));
        columns.AddRange([new("actual"), new("predicted"), new("rel error"), new("95% interval"), new("inside", false)]);
        var inputs = quantities.ToDictionary(q => q, q => ColumnFormat.For(r.Predictions.Select(p => p.At.GetValueOrDefault(q, double.NaN)), 4));
        var actual = ColumnFormat.For(r.Predictions.Select(p => p.Actual), 4);
        var predicted = ColumnFormat.For(r.Predictions.Select(p => p.Predicted), 4);
        var interval = ColumnFormat.For(r.Predictions.SelectMany(p => new[] { p.Interval.Lower, p.Interval.Upper }), 4);
        var rows = r.Predictions.Select(p => (IReadOnlyList<string>)
            new[] { p.Line.ToString(CultureInfo.InvariantCulture) }
                .Concat(quantities.Select(q => p.At.TryGetValue(q, out var v) ? inputs[q].Format(v) : ""))
                .Concat([
                    actual.Format(p.Actual), predicted.Format(p.Predicted), SignedPercent(p.RelativeError),
                    double.IsNaN(p.Interval.Lower) ? "" : interval.Range(p.Interval.Lower, p.Interval.Upper),
                    double.IsNaN(p.Interval.Lower) ? "" : p.Inside ? "yes" : "no",
                ]).ToList()).ToList();
        return new Table(columns, rows, "held-out runs");
    }

    private static Table Ranking(ComparisonResult result)
    {
        double bestAic = result.BestAic, bestBic = result.BestBic;
        var criteria = result.Scores.Select(s => s.Criteria).OfType<InformationCriteria>().ToList();
        var aic = ColumnFormat.For(criteria.Select(c => c.Aic), 5);
        var bic = ColumnFormat.For(criteria.Select(c => c.Bic), 5);
        var spread = ColumnFormat.For(criteria.Select(c => c.ResidualStandardDeviation), 3);
        var rows = result.Scores.Select(s =>
        {
            var b = s.Backtest;
            var c = s.Criteria;
            return (IReadOnlyList<string>)
            [
                s.Rank.ToString(CultureInfo.InvariantCulture),
                LawComparison.Name(s.Spec),
                s.Formula,
                c?.Parameters.ToString(CultureInfo.InvariantCulture) ?? "",
                b is null ? (s.Fit is null ? "failed" : "none") : Percent(b.MeanAbsoluteRelativeError),
                b is null ? "" : SignedPercent(b.MeanRelativeError),
                b is null || double.IsNaN(b.Coverage) ? "" : $"{b.Inside}/{b.Predictions.Count}",
                c is null ? "" : aic.Format(c.Aic),
                c is null ? "" : Significant(c.Aic - bestAic, 3),
                c is null ? "" : bic.Format(c.Bic),
                c is null ? "" : Significant(c.Bic - bestBic, 3),
                c is null ? "" : spread.Format(c.ResidualStandardDeviation),
            ];
        }).ToList();
        return new Table(
            [new("rank"), new("law", false), new("formula", false), new("k"), new("backtest error"), new("bias"), new("inside 95%"),
             new("AIC"), new("ΔAIC"), new("BIC"), new("ΔBIC"), new("residual std")],
            rows, "laws ranked by backtest error (residual std in ln L)");
    }
}

using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Reporting;

/// <summary>The report of a fit, in the manner of lmfit's fit_report: data, parameters, statistics, warnings.</summary>
public static class FitReport
{
    /// <summary>The report of one fit.</summary>
    public static Document Build(FitResult fit)
    {
        var blocks = new List<Block>
        {
            new Heading($"{fit.Law} law: {fit.Formula}"),
            DataBlock(fit.Data),
        };
        if (Problem(fit) is { } problem) blocks.Add(problem);
        blocks.Add(ParameterTable(fit.Parameters));
        if (fit.Derived.Count > 0) blocks.Add(ParameterTable(fit.Derived, "derived quantities"));
        blocks.Add(StatisticsBlock(fit));
        if (fit.Warnings.Count > 0) blocks.Add(new Warnings(fit.Warnings));
        return new Document(blocks);
    }

    /// <summary>Where the data came from and what was done to it; derived quantities are marked.</summary>
    public static KeyValues DataBlock(DataDescription data)
    {
        var items = new List<KeyValuePair<string, string>>
        {
            new("data", $"{data.Source}, {data.Runs} runs"),
        };
        foreach (var (symbol, origin) in data.Columns) items.Add(new(symbol, origin));
        foreach (var note in data.Notes) items.Add(new("note", note));
        foreach (var warning in data.Warnings) items.Add(new("warning", warning.Message));
        return new KeyValues(items);
    }

    /// <summary>What was fitted when it is not the loss in log space without constraints: target, residuals, constraints.</summary>
    private static KeyValues? Problem(FitResult fit)
    {
        var items = new List<KeyValuePair<string, string>>();
        if (!fit.Target.IsLoss) items.Add(new("target", fit.Target.Name));
        if (fit.Residuals != Laws.ResidualSpace.Log || !fit.Target.IsLoss) items.Add(new("residuals", $"{fit.Residuals.ToString().ToLowerInvariant()} ({fit.ResidualSymbol})"));
        if (!fit.Constraints.IsEmpty) items.Add(new("constraints", fit.Constraints.Describe(fit.ScalingLaw)));
        return items.Count == 0 ? null : new KeyValues(items);
    }

    /// <summary>Parameters as value ± standard error (relative error) and 95% interval.</summary>
    public static Table ParameterTable(IReadOnlyList<FittedParameter> parameters, string? title = null) => new(
        [new(title is null ? "parameter" : "quantity", false), new("value"), new("std error"), new("rel"), new("95% CI")],
        parameters.Select(p => (IReadOnlyList<string>)
        [
            p.Symbol == p.Name ? p.Name : $"{p.Name} ({p.Symbol})",
            Significant(p.Value),
            Significant(p.StandardError, 3),
            Percent(p.RelativeError),
            (double.IsNaN(p.Ci95.Lower) && double.IsNaN(p.Ci95.Upper) ? "n/a" : Range(p.Ci95.Lower, p.Ci95.Upper)) +
                (p.AtBound ? " at bound" : "") + (p.Constraint is { } c ? $" ({c})" : ""),
        ]).ToList(), title);

    private static KeyValues StatisticsBlock(FitResult fit)
    {
        var s = fit.Statistics;
        var c = fit.Convergence;
        var items = new List<KeyValuePair<string, string>>
        {
            new("n", s.Runs is { } g
                ? $"{s.Points} rows from {g} runs (named by {string.Join(", ", s.RunColumns)}); the intervals count runs: {s.IntervalDegreesOfFreedom} degrees of freedom"
                : $"{s.Points} runs, {s.DegreesOfFreedom} degrees of freedom"),
            new("R²", Significant(s.RSquared, 4)),
            new("residual std", $"{Significant(s.ResidualStandardDeviation, 4)} (in {fit.ResidualSymbol})"),
            new("RMSE", $"{Significant(s.Rmse, 4)} (in {fit.ResidualSymbol})"),
        };
        if (s.ConditionNumber is { } k) items.Add(new("condition number", Significant(k, 4)));
        if (double.IsFinite(s.Objective) && fit.Statistics.ConditionNumber is null) items.Add(new("objective", Significant(s.Objective, 8)));
        items.Add(new("method", c.Method));
        items.Add(new("convergence", c.StartsTried > 1
            ? $"{c.ExitReason}; {c.StartsConverged} of {c.StartsTried} starts converged; best start took {c.Iterations} iterations"
            : c.ExitReason));
        items.Add(new("uncertainty", fit.UncertaintyMethod));
        return new KeyValues(items);
    }
}

/// <summary>The report of predictions from a fit.</summary>
public static class PredictionReport
{
    /// <summary>A table of two-step predictions: the loss at each point and the metric at that loss, each with its interval.</summary>
    public static Document Build(FitResult loss, FitResult metric, IReadOnlyList<ChainedPrediction> predictions)
    {
        var inputs = predictions.SelectMany(p => p.Loss.At.Keys).Distinct().Order().ToList();
        var columns = inputs.Select(q => new TableColumn(q.Name))
            .Concat([new TableColumn("loss"), new TableColumn("95% interval"), new TableColumn(metric.Target.Name), new TableColumn("95% interval ")]).ToList();
        // One number format per column (issue 12's tables), each interval in its value's format.
        var at = inputs.ToDictionary(q => q, q => ColumnFormat.For(predictions.Select(p => p.Loss.At.GetValueOrDefault(q, double.NaN)), 4));
        var lossFormat = ColumnFormat.For(predictions.SelectMany(p => new[] { p.Loss.Loss, p.Loss.Interval.Lower, p.Loss.Interval.Upper }), 5);
        var metricFormat = ColumnFormat.For(predictions.SelectMany(p => new[] { p.Metric, p.Interval.Lower, p.Interval.Upper }), 5);
        var rows = predictions.Select(p => (IReadOnlyList<string>)inputs
            .Select(q => p.Loss.At.TryGetValue(q, out var v) ? at[q].Format(v) : "")
            .Concat([lossFormat.Format(p.Loss.Loss), $"[{lossFormat.Format(p.Loss.Interval.Lower)}, {lossFormat.Format(p.Loss.Interval.Upper)}]",
                     metricFormat.Format(p.Metric), $"[{metricFormat.Format(p.Interval.Lower)}, {metricFormat.Format(p.Interval.Upper)}]"])
            .ToList()).ToList();
        var blocks = new List<Block>
        {
            new Heading($"predicted {metric.Target.Name} in two steps: the {loss.Law} law {loss.Formula}, then the {metric.Law} law {metric.Formula}"),
            new Table(columns, rows),
            new Paragraph($"The loss interval: {loss.Model.IntervalMethod}. The {metric.Target.Name} interval: 2.5% and 97.5% percentiles of " +
                          $"{MetricChain.Draws} Monte Carlo draws, each a loss from that interval (normal in ln L) and the {metric.Law} law's parameters " +
                          $"({metric.UncertaintyMethod}), so both laws' uncertainty is carried."),
            FitReport.ParameterTable(metric.Parameters, $"the {metric.Law} law of {metric.Target.Name} against the loss"),
        };
        var warnings = predictions.SelectMany(p => p.Loss.Warnings).Concat(loss.Warnings).Concat(metric.Warnings).Distinct().ToList();
        if (warnings.Count > 0) blocks.Add(new Warnings(warnings));
        return new Document(blocks);
    }

    /// <summary>A table of predicted losses with their intervals, then any warnings.</summary>
    /// <param name="fit">The law the predictions come from.</param>
    /// <param name="predictions">One per point.</param>
    /// <param name="backConversion">How N was given back in non-embedding parameters (<see cref="Data.NonEmbeddingBack.Assumption"/>), or null.</param>
    public static Document Build(FitResult fit, IReadOnlyList<Prediction> predictions, string? backConversion = null)
    {
        var inputs = predictions.SelectMany(p => p.At.Keys).Distinct().OrderBy(q => q).ToList();
        bool back = predictions.Any(p => p.NonEmbeddingParameterCount is not null);
        var nBack = ColumnFormat.For(predictions.Select(p => p.NonEmbeddingParameterCount ?? double.NaN), 4);
        var columns = inputs.Select(q => new TableColumn(q.Name))
            .Concat(back ? [new TableColumn("N non-emb")] : [])
            .Concat([new TableColumn(fit.Target.Name), new TableColumn("95% lower"), new TableColumn("95% upper")]).ToList();
        var at = inputs.ToDictionary(q => q, q => ColumnFormat.For(predictions.Select(p => p.At.GetValueOrDefault(q, double.NaN)), 4));
        var loss = ColumnFormat.For(predictions.SelectMany(p => new[] { p.Loss, p.Interval.Lower, p.Interval.Upper }), 5);
        var rows = predictions.Select(p => (IReadOnlyList<string>)inputs
            .Select(q => p.At.TryGetValue(q, out var v) ? at[q].Format(v) : "")
            .Concat(back ? [TradeoffReport.NonEmbedding(nBack, p.NonEmbeddingParameterCount)] : [])
            .Concat([loss.Format(p.Loss), loss.Format(p.Interval.Lower), loss.Format(p.Interval.Upper)]).ToList()).ToList();
        var blocks = new List<Block>
        {
            new Heading($"predicted {fit.Target.Name} from the {fit.Law} law {fit.Formula}"),
            new Table(columns, rows),
            new Paragraph(fit.Model.IntervalMethod + "."),
        };
        if (backConversion is not null)
            blocks.Add(new Paragraph($"N counts all parameters (converted from the data's non-embedding N); N non-emb is N back in non-embedding parameters, with {backConversion}."));
        var warnings = predictions.SelectMany(p => p.Warnings).Concat(fit.Warnings).Distinct().ToList();
        if (warnings.Count > 0) blocks.Add(new Warnings(warnings));
        return new Document(blocks);
    }
}

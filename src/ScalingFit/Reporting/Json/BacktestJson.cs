using ScalingFit.Analysis;
using ScalingFit.Data;

namespace ScalingFit.Reporting.Json;

/// <summary>A backtest in JSON (<c>backtest --json</c>): the law fitted to the smaller runs, and its predictions of the held-out ones.</summary>
/// <param name="Law">The law.</param>
/// <param name="Formula">Its formula.</param>
/// <param name="Holdout">Which runs were held out, in words.</param>
/// <param name="TrainingRuns">How many runs the law was fitted to.</param>
/// <param name="HeldOutRuns">How many runs it predicted.</param>
/// <param name="MeanAbsoluteRelativeError">Mean of |L̂ − L|/L.</param>
/// <param name="MaxAbsoluteRelativeError">The largest |L̂ − L|/L.</param>
/// <param name="MeanRelativeError">Mean of (L̂ − L)/L: the bias.</param>
/// <param name="Inside">How many actual losses fell inside their 95% intervals.</param>
/// <param name="Coverage">The fraction inside (null when the law gives no intervals).</param>
/// <param name="Intervals">How the intervals were made, in words.</param>
/// <param name="Predictions">One per held-out run, in input order.</param>
/// <param name="Warnings">Poor coverage, one-sided errors, and the fit's own warnings.</param>
/// <param name="Fit">The law's fit to the training runs.</param>
public sealed record BacktestJson(
    string Law, string Formula, string Holdout, int TrainingRuns, int HeldOutRuns, double MeanAbsoluteRelativeError,
    double MaxAbsoluteRelativeError, double MeanRelativeError, int Inside, double Coverage, string Intervals,
    IReadOnlyList<BacktestPredictionJson> Predictions, IReadOnlyList<string> Warnings, FitJson Fit)
{
    /// <summary>The backtest's JSON.</summary>
    public static BacktestJson Of(BacktestResult r) => new(
        r.Fit.Law, r.Fit.Formula, r.Holdout, r.TrainingRuns, r.Predictions.Count, r.MeanAbsoluteRelativeError, r.MaxAbsoluteRelativeError,
        r.MeanRelativeError, r.Inside, r.Coverage, r.Fit.Model.IntervalMethod,
        r.Predictions.Select(p => new BacktestPredictionJson(
            p.Line, JsonMaps.Of(p.At.OrderBy(kv => kv.Key), kv => kv.Key.Symbol(), kv => kv.Value), p.Actual, p.Predicted,
            p.RelativeError, p.Interval.Lower, p.Interval.Upper, p.Inside)).ToList(),
        r.Warnings,
        FitJson.Of(r.Fit));
}

/// <summary>The prediction of one held-out run.</summary>
/// <param name="Line">The input line of the run.</param>
/// <param name="At">Its N, D and C (those the data has).</param>
/// <param name="Actual">Its observed loss.</param>
/// <param name="Predicted">The law's prediction.</param>
/// <param name="RelativeError">(L̂ − L)/L.</param>
/// <param name="Lower">The lower end of the law's 95% interval there.</param>
/// <param name="Upper">Its upper end.</param>
/// <param name="Inside">Whether the actual loss lies inside it.</param>
public sealed record BacktestPredictionJson(
    long Line, IReadOnlyDictionary<string, double> At, double Actual, double Predicted, double RelativeError, double Lower, double Upper, bool Inside);

/// <summary>A backtest's summary, as each law of a comparison carries it.</summary>
/// <param name="Holdout">Which runs were held out, in words.</param>
/// <param name="TrainingRuns">How many runs the law was fitted to.</param>
/// <param name="HeldOutRuns">How many runs it predicted.</param>
/// <param name="MeanAbsoluteRelativeError">Mean of |L̂ − L|/L.</param>
/// <param name="MaxAbsoluteRelativeError">The largest |L̂ − L|/L.</param>
/// <param name="MeanRelativeError">Mean of (L̂ − L)/L: the bias.</param>
/// <param name="Inside">How many actual losses fell inside their 95% intervals.</param>
/// <param name="Coverage">The fraction inside (null when the law gives no intervals).</param>
public sealed record BacktestSummaryJson(
    string Holdout, int TrainingRuns, int HeldOutRuns, double MeanAbsoluteRelativeError, double MaxAbsoluteRelativeError,
    double MeanRelativeError, int Inside, double Coverage)
{
    /// <summary>A backtest's summary.</summary>
    public static BacktestSummaryJson Of(BacktestResult r) => new(
        r.Holdout, r.TrainingRuns, r.Predictions.Count, r.MeanAbsoluteRelativeError, r.MaxAbsoluteRelativeError, r.MeanRelativeError,
        r.Inside, r.Coverage);
}

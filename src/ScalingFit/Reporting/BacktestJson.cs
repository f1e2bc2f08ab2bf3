using System.Text.Json;
using ScalingFit.Analysis;
using ScalingFit.Data;
using static ScalingFit.Reporting.JsonOutput;

namespace ScalingFit.Reporting;

/// <summary>Backtests and law comparisons as JSON with stable camelCase names.</summary>
public static class BacktestJson
{
    /// <summary>
    /// {"law", "formula", "holdout", "trainingRuns", "heldOutRuns", "meanAbsoluteRelativeError", "maxAbsoluteRelativeError",
    /// "meanRelativeError", "inside", "coverage", "intervals", "predictions": [{"line", "at", "actual", "predicted",
    /// "relativeError", "lower", "upper", "inside"}], "warnings", "fit"}.
    /// </summary>
    public static string Backtest(BacktestResult result) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("law", result.Fit.Law);
        w.WriteString("formula", result.Fit.Formula);
        Summary(w, result);
        w.WriteString("intervals", result.Fit.Model.IntervalMethod);
        w.WriteStartArray("predictions");
        foreach (var p in result.Predictions)
        {
            w.WriteStartObject();
            w.WriteNumber("line", p.Line);
            w.WriteStartObject("at");
            foreach (var (q, v) in p.At.OrderBy(kv => kv.Key)) Number(w, q.Symbol(), v);
            w.WriteEndObject();
            Number(w, "actual", p.Actual);
            Number(w, "predicted", p.Predicted);
            Number(w, "relativeError", p.RelativeError);
            Number(w, "lower", p.Interval.Lower);
            Number(w, "upper", p.Interval.Upper);
            w.WriteBoolean("inside", p.Inside);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Strings(w, "warnings", result.Warnings);
        w.WritePropertyName("fit");
        WriteFit(w, result.Fit);
        w.WriteEndObject();
    });

    /// <summary>
    /// {"holdout", "trainingRuns", "heldOutRuns", "criteria", "laws": [{"rank", "law", "inputs", "formula", "parameters",
    /// "backtest": {..}, "aic", "bic", "deltaAic", "deltaBic", "logLikelihood", "residualStd", "estimates", "error"}],
    /// "warnings", "data"}.
    /// </summary>
    public static string Comparison(ComparisonResult result) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("holdout", result.Holdout);
        w.WriteNumber("trainingRuns", result.TrainingRuns);
        w.WriteNumber("heldOutRuns", result.HeldOutRuns);
        w.WriteString("criteria", InformationCriteria.Definition);
        w.WriteStartArray("laws");
        foreach (var s in result.Scores) Score(w, s, result);
        w.WriteEndArray();
        Strings(w, "warnings", result.Warnings);
        WriteData(w, result.Data);
        w.WriteEndObject();
    });

    private static void Score(Utf8JsonWriter w, LawScore s, ComparisonResult result)
    {
        w.WriteStartObject();
        w.WriteNumber("rank", s.Rank);
        w.WriteString("law", s.Spec.Law.Name);
        Strings(w, "inputs", s.Spec.Inputs.Select(q => q.Name));
        w.WriteString("formula", s.Formula);
        if (s.Backtest is { } b)
        {
            w.WriteStartObject("backtest");
            Summary(w, b);
            w.WriteEndObject();
        }
        else w.WriteNull("backtest");
        if (s.Criteria is { } c)
        {
            w.WriteNumber("parameters", c.Parameters);
            Number(w, "aic", c.Aic);
            Number(w, "bic", c.Bic);
            Number(w, "deltaAic", c.Aic - result.BestAic);
            Number(w, "deltaBic", c.Bic - result.BestBic);
            Number(w, "logLikelihood", c.LogLikelihood);
            Number(w, "sumOfSquares", c.SumOfSquares);
            Number(w, "residualStd", c.ResidualStandardDeviation);
        }
        if (s.Fit is { } fit)
        {
            w.WriteStartObject("estimates");
            foreach (var p in fit.Parameters) Number(w, p.Name, p.Value);
            w.WriteEndObject();
        }
        if (s.Error is null) w.WriteNull("error");
        else w.WriteString("error", s.Error);
        w.WriteEndObject();
    }

    private static void Summary(Utf8JsonWriter w, BacktestResult r)
    {
        w.WriteString("holdout", r.Holdout);
        w.WriteNumber("trainingRuns", r.TrainingRuns);
        w.WriteNumber("heldOutRuns", r.Predictions.Count);
        Number(w, "meanAbsoluteRelativeError", r.MeanAbsoluteRelativeError);
        Number(w, "maxAbsoluteRelativeError", r.MaxAbsoluteRelativeError);
        Number(w, "meanRelativeError", r.MeanRelativeError);
        w.WriteNumber("inside", r.Inside);
        Number(w, "coverage", r.Coverage);
    }
}

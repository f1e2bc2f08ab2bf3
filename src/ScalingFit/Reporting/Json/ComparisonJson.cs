using System.Text.Json.Serialization;
using ScalingFit.Analysis;

namespace ScalingFit.Reporting.Json;

/// <summary>A comparison of laws in JSON (<c>compare --json</c>): each law's backtest on the same split and its fit to all the runs, best first.</summary>
/// <param name="Holdout">Which runs the backtests held out, in words.</param>
/// <param name="TrainingRuns">Runs each backtest fitted.</param>
/// <param name="HeldOutRuns">Runs each backtest predicted.</param>
/// <param name="Criteria">How AIC and BIC are computed, in words.</param>
/// <param name="Laws">The laws, best first.</param>
/// <param name="Warnings">Disagreements between the criteria, laws that failed.</param>
/// <param name="Data">The runs.</param>
public sealed record ComparisonJson(
    string Holdout, int TrainingRuns, int HeldOutRuns, string Criteria, IReadOnlyList<LawScoreJson> Laws,
    IReadOnlyList<string> Warnings, DataJson Data)
{
    /// <summary>The comparison's JSON.</summary>
    public static ComparisonJson Of(ComparisonResult result) => new(
        result.Holdout, result.TrainingRuns, result.HeldOutRuns, InformationCriteria.Definition,
        result.Scores.Select(s => LawScoreJson.Of(s, result)).ToList(), result.Warnings, DataJson.Of(result.Data));
}

/// <summary>One law's showing in a comparison; the criteria and estimates are left out when it could not be fitted.</summary>
/// <param name="Rank">1 for the law with the smallest backtest error.</param>
/// <param name="Law">The law.</param>
/// <param name="Inputs">Its inputs.</param>
/// <param name="Formula">Its formula.</param>
/// <param name="Backtest">Its backtest's summary; null when it could not be fitted.</param>
/// <param name="Parameters">k: its number of fitted parameters.</param>
/// <param name="Aic">AIC of its fit to all the runs.</param>
/// <param name="Bic">BIC of that fit.</param>
/// <param name="DeltaAic">AIC minus the best AIC compared.</param>
/// <param name="DeltaBic">BIC minus the best BIC compared.</param>
/// <param name="LogLikelihood">The Gaussian log-likelihood of the residuals.</param>
/// <param name="SumOfSquares">The sum of squared residuals.</param>
/// <param name="ResidualStd">The residual standard deviation.</param>
/// <param name="Estimates">The parameters of its fit to all the runs, by name.</param>
/// <param name="Error">Why it could not be compared; null when it could.</param>
/// <param name="BacktestNote">Why a law fitted to all the runs has no backtest (too few runs, with the numbers); left out when it has one.</param>
public sealed record LawScoreJson(
    int Rank, string Law, IReadOnlyList<string> Inputs, string Formula, BacktestSummaryJson? Backtest,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Parameters,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Aic,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Bic,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? DeltaAic,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? DeltaBic,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? LogLikelihood,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? SumOfSquares,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ResidualStd,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, double>? Estimates,
    string? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BacktestNote = null)
{
    /// <summary>A law's row.</summary>
    public static LawScoreJson Of(LawScore s, ComparisonResult result)
    {
        var c = s.Criteria;
        return new(
            s.Rank, s.Spec.Law.Name, s.Spec.Inputs.Select(q => q.Name).ToList(), s.Formula,
            s.Backtest is { } b ? BacktestSummaryJson.Of(b) : null,
            c?.Parameters, c?.Aic, c?.Bic, c is null ? null : c.Aic - result.BestAic, c is null ? null : c.Bic - result.BestBic,
            c?.LogLikelihood, c?.SumOfSquares, c?.ResidualStandardDeviation,
            s.Fit is { } fit ? JsonMaps.Of(fit.Parameters, p => p.Name, p => p.Value) : null,
            s.Error, s.BacktestNote);
    }
}

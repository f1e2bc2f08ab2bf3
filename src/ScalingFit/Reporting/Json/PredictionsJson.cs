using System.Text.Json.Serialization;
using ScalingFit.Analysis;
using ScalingFit.Fitting;

namespace ScalingFit.Reporting.Json;

/// <summary>
/// Predictions in JSON (<c>predict --json</c>): the law, one row per point, and the fit; with a
/// metric law (a two-step prediction) also that law, each row's metric and the metric's fit.
/// </summary>
/// <param name="Law">The law of the loss (or of the fit's target).</param>
/// <param name="MetricLaw">The law of the metric against the loss; left out for a one-step prediction.</param>
/// <param name="Predictions">One per point asked about, in order.</param>
/// <param name="Fit">The law's fit.</param>
/// <param name="MetricFit">The metric law's fit; left out for a one-step prediction.</param>
public sealed record PredictionsJson(
    string Law,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MetricLaw,
    IReadOnlyList<PredictionJson> Predictions,
    FitJson Fit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FitJson? MetricFit)
{
    /// <summary>Predictions of one law.</summary>
    public static PredictionsJson Of(FitResult fit, IReadOnlyList<Prediction> predictions) => new(
        fit.Law, null, predictions.Select(p => PredictionJson.Of(p, null)).ToList(), FitJson.Of(fit), null);

    /// <summary>Two-step predictions: the loss from one law, a metric of that loss from another.</summary>
    public static PredictionsJson Of(FitResult loss, FitResult metric, IReadOnlyList<ChainedPrediction> predictions) => new(
        loss.Law,
        metric.Law,
        predictions.Select(c => PredictionJson.Of(c.Loss, new MetricJson(metric.Target.Name, c.Metric, c.Interval.Lower, c.Interval.Upper))).ToList(),
        FitJson.Of(loss),
        FitJson.Of(metric));
}

/// <summary>One prediction: {"at", "loss", "lower", "upper", "metric", "warnings"}.</summary>
/// <param name="At">The point: each input by name, N, D and C first, then columns by name, with any of N, D, C derived by C = 6ND.</param>
/// <param name="Loss">The predicted loss (or the fit's target).</param>
/// <param name="Lower">The lower end of the 95% interval of a run's value there.</param>
/// <param name="Upper">Its upper end.</param>
/// <param name="Metric">The metric predicted from that loss; left out for a one-step prediction.</param>
/// <param name="Warnings">Extrapolation and other cautions.</param>
public sealed record PredictionJson(
    IReadOnlyDictionary<string, double> At, double Loss, double Lower, double Upper,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MetricJson? Metric,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The point's N in non-embedding parameters when the runs' N was converted from non-embedding (left out otherwise, and where the embeddings alone would exceed N).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? NNonEmbedding { get; init; }

    /// <summary>A prediction's JSON.</summary>
    public static PredictionJson Of(Prediction p, MetricJson? metric) => new(
        JsonMaps.Of(p.At.OrderBy(kv => kv.Key), kv => kv.Key.Name, kv => kv.Value), p.Loss, p.Interval.Lower, p.Interval.Upper, metric, p.Warnings)
    {
        NNonEmbedding = JsonNumbers.Finite(p.NonEmbeddingParameterCount),
    };
}

/// <summary>A metric predicted from a loss: {"name", "value", "lower", "upper"}.</summary>
/// <param name="Name">The metric's column, e.g. "accuracy".</param>
/// <param name="Value">The predicted metric.</param>
/// <param name="Lower">The lower end of its 95% interval, carrying the loss's and the metric law's uncertainty.</param>
/// <param name="Upper">Its upper end.</param>
public sealed record MetricJson(string Name, double Value, double Lower, double Upper);

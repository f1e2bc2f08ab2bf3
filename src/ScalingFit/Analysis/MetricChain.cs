using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Uncertainty;

namespace ScalingFit.Analysis;

/// <summary>A metric predicted in two steps: the loss at a point from a loss law, then the metric from that loss.</summary>
/// <param name="Loss">The loss prediction at the point, with its interval.</param>
/// <param name="Metric">The metric at the predicted loss.</param>
/// <param name="Interval">The 95% interval of the metric, carrying both laws' uncertainty.</param>
public sealed record ChainedPrediction(Prediction Loss, double Metric, Interval Interval);

/// <summary>
/// The two-step prediction of a downstream metric (the Llama 3 report, section 3.2.1; Gadre et al.
/// 2024): a law of the loss against N, D, C, and a law of the metric against the loss (e.g. a bounded
/// sigmoid), chained. The interval is Monte Carlo: each draw takes a loss from the loss law's 95%
/// prediction interval at the point (normal in ln L, the law's uncertainty and the runs' scatter)
/// and a parameter vector of the metric law (its bootstrap resamples, or its free parameters drawn
/// from their asymptotic normal through the constraint map), and evaluates the metric law there;
/// the interval is the 2.5% and 97.5% percentiles of the draws. A bounded metric law keeps every
/// draw, and so the interval, within its bounds.
/// </summary>
public static class MetricChain
{
    /// <summary>Monte Carlo draws per point.</summary>
    public const int Draws = 4000;

    /// <summary>Predicts the metric at points.</summary>
    /// <param name="loss">The law of the loss.</param>
    /// <param name="metric">The law of the metric, whose one input is the loss.</param>
    /// <param name="points">Where to predict.</param>
    /// <param name="seed">The seed of the draws.</param>
    /// <exception cref="OptionException">The metric law does not take the loss as its only input.</exception>
    public static IReadOnlyList<ChainedPrediction> Predict(
        FitResult loss, FitResult metric, IReadOnlyList<IReadOnlyDictionary<LawInput, double>> points, long seed = 1)
    {
        if (metric.Inputs is not [{ Quantity: Data.Quantity.Loss }])
            throw new OptionException("MetricChain.MetricLaw",
                $"the metric law must take the loss L as its only input; the {metric.Law} law takes {metric.Inputs.Names()}.");
        if (!loss.Target.IsLoss)
            throw new OptionException("MetricChain.LossLaw", $"the first law of the chain must predict the loss, not {loss.Target.Name}.");
        var natural = metric.NaturalParameters;
        var draws = metric.Draws;
        double z = 1.959963984540054;
        return points.Select((point, p) =>
        {
            var prediction = Predictor.Predict(loss, point);
            double center = Math.Log(prediction.Loss);
            double sigma = (Math.Log(prediction.Interval.Upper) - Math.Log(prediction.Interval.Lower)) / (2 * z);
            double value = metric.ScalingLaw.Value(natural, [prediction.Loss]);
            var values = new double[Draws];
            for (int s = 0; s < Draws; s++)
            {
                var random = new SplitMix64(seed, p * Draws + s);
                double l = double.IsFinite(sigma) ? Math.Exp(center + sigma * ParameterDraws.Normal(ref random)) : prediction.Loss;
                var theta = draws?.Draw(seed + 1, p * Draws + s) ?? natural;
                values[s] = metric.ScalingLaw.Value(theta, [l]);
            }
            return new ChainedPrediction(prediction, value, Percentiles.Interval95(values));
        }).ToList();
    }
}

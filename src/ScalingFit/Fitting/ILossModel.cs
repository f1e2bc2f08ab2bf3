using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>A fitted law that predicts loss, with an interval, from its inputs.</summary>
public interface ILossModel
{
    /// <summary>The inputs the model takes, in the order <see cref="Predict"/> expects them.</summary>
    IReadOnlyList<LawInput> Inputs { get; }

    /// <summary>The range of each input in the data the model was fitted to, in input order.</summary>
    IReadOnlyList<Interval> InputRanges { get; }

    /// <summary>The predicted loss at a point (inputs in <see cref="Inputs"/> order).</summary>
    double Predict(ReadOnlySpan<double> inputs);

    /// <summary>
    /// A 95% interval for the loss of a new run at the point: the law's uncertainty and the
    /// run-to-run scatter of the data about the law.
    /// </summary>
    Interval PredictionInterval(ReadOnlySpan<double> inputs);

    /// <summary>How <see cref="PredictionInterval"/> is made, for reports.</summary>
    string IntervalMethod { get; }

    /// <summary>
    /// A 95% interval for the law's value at the point (the curve itself, without the scatter of
    /// runs). Models that cannot separate the two return the prediction interval.
    /// </summary>
    Interval ConfidenceInterval(ReadOnlySpan<double> inputs) => PredictionInterval(inputs);

    /// <summary>How <see cref="ConfidenceInterval"/> is made, for reports.</summary>
    string ConfidenceMethod => IntervalMethod;
}

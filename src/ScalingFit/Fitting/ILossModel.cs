using ScalingFit.Data;

namespace ScalingFit.Fitting;

/// <summary>A fitted law that predicts loss, with an interval, from its inputs.</summary>
public interface ILossModel
{
    /// <summary>The inputs the model takes, in the order <see cref="Predict"/> expects them.</summary>
    IReadOnlyList<Quantity> Inputs { get; }

    /// <summary>The range of each input in the data the model was fitted to, in input order.</summary>
    IReadOnlyList<Interval> InputRanges { get; }

    /// <summary>The predicted loss at a point (inputs in <see cref="Inputs"/> order).</summary>
    double Predict(ReadOnlySpan<double> inputs);

    /// <summary>A 95% interval for the loss of a new run at the point.</summary>
    Interval PredictionInterval(ReadOnlySpan<double> inputs);

    /// <summary>How the interval is made, for reports ("95% prediction interval, t with 238 dof").</summary>
    string IntervalMethod { get; }
}

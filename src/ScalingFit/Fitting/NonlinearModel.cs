using MathNet.Numerics.Distributions;
using ScalingFit.Data;
using ScalingFit.Laws;
using ScalingFit.Uncertainty;

namespace ScalingFit.Fitting;

/// <summary>
/// A fitted nonlinear law as a predictor. Its interval is the 95% bootstrap percentile interval of
/// the law's prediction when a bootstrap was run, else the delta-method interval exp(m ± t·√(∇mᵀΣ∇m))
/// with m = ln L̂ and Σ the sandwich covariance of θ.
/// </summary>
internal sealed class NonlinearModel : ILossModel
{
    private readonly IScalingLaw _law;
    private readonly double[] _theta, _natural;
    private readonly double[]? _covariance;
    private readonly double[][] _samples;
    private readonly int _degreesOfFreedom;
    private readonly double _scatter;

    // scatter: the residual standard deviation of ln L about the law, √(SSR/(n − k)).
    public NonlinearModel(IScalingLaw law, double[] theta, double[] natural, double[]? covariance,
        double[][] bootstrapNatural, IReadOnlyList<Interval> ranges, int degreesOfFreedom, double scatter)
    {
        _scatter = scatter;
        _law = law;
        _theta = theta;
        _natural = natural;
        _covariance = covariance;
        _samples = bootstrapNatural;
        InputRanges = ranges;
        _degreesOfFreedom = degreesOfFreedom;
    }

    public IReadOnlyList<Quantity> Inputs => _law.Inputs;

    public IReadOnlyList<Interval> InputRanges { get; }

    public string ConfidenceMethod => _samples.Length > 0
        ? $"95% bootstrap percentile interval of the law's value ({_samples.Length} resamples)"
        : "95% confidence interval of the law's value (delta method, sandwich covariance; use --bootstrap for percentile intervals)";

    public string IntervalMethod =>
        $"95% prediction interval for a new run (the {(_samples.Length > 0 ? $"bootstrap ({_samples.Length} resamples)" : "delta-method")} " +
        $"interval of the law's value widened in ln L by the runs' scatter about the law, residual standard deviation {NumberFormat.Significant(_scatter, 3)})";

    public double Predict(ReadOnlySpan<double> inputs) => _law.Loss(_natural, inputs);

    /// <summary>
    /// The confidence interval widened by the scatter: in ln L, each half-width w becomes
    /// √(w² + (t·s)²), t the 97.5% Student quantile with the fit's degrees of freedom.
    /// </summary>
    public Interval PredictionInterval(ReadOnlySpan<double> inputs)
    {
        var ci = ConfidenceInterval(inputs);
        double center = Math.Log(Predict(inputs));
        double noise = StudentT.InvCDF(0, 1, Math.Max(1, _degreesOfFreedom), 0.975) * _scatter;
        double lower = center - Math.Sqrt(Math.Pow(center - Math.Log(ci.Lower), 2) + noise * noise);
        double upper = center + Math.Sqrt(Math.Pow(Math.Log(ci.Upper) - center, 2) + noise * noise);
        return new Interval(Math.Exp(lower), Math.Exp(upper));
    }

    public Interval ConfidenceInterval(ReadOnlySpan<double> inputs)
    {
        if (_samples.Length > 0)
        {
            var values = new double[_samples.Length];
            for (int s = 0; s < values.Length; s++) values[s] = _law.Loss(_samples[s], inputs);
            return Percentiles.Interval95(values);
        }
        if (_covariance is null) return new Interval(double.NaN, double.NaN);
        int k = _theta.Length;
        Span<double> logX = stackalloc double[inputs.Length];
        for (int j = 0; j < inputs.Length; j++) logX[j] = Math.Log(inputs[j]);
        Span<double> g = stackalloc double[k];
        double m = _law.LogLoss(_theta, logX, g, Span<double>.Empty);
        double variance = 0;
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++) variance += g[a] * _covariance[a * k + b] * g[b];
        double half = StudentT.InvCDF(0, 1, Math.Max(1, _degreesOfFreedom), 0.975) * Math.Sqrt(variance);
        return new Interval(Math.Exp(m - half), Math.Exp(m + half));
    }
}

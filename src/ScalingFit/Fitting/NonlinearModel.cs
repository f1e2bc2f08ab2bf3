using MathNet.Numerics.Distributions;
using ScalingFit.Laws;
using ScalingFit.Uncertainty;

namespace ScalingFit.Fitting;

/// <summary>
/// A fitted nonlinear law as a predictor. Its interval is the 95% bootstrap percentile interval of
/// the law's prediction when a bootstrap was run, else the delta-method interval m ± t·√(∇mᵀΣ∇m)
/// in the residual space (m = ln ŷ by default), with Σ the sandwich covariance of the free
/// parameters, carried back to the target's units (exp for log, the logistic for logit).
/// </summary>
internal sealed class NonlinearModel : ILossModel
{
    private readonly FitProblem _problem;
    private readonly double[] _phi, _natural;
    private readonly double[]? _covariance;
    private readonly double[][] _samples;
    private readonly int _degreesOfFreedom;
    private readonly double _scatter;

    // scatter: the residual standard deviation about the law in the residual space, √(SSR/(n − k)).
    public NonlinearModel(FitProblem problem, double[] phi, double[] natural, double[]? covariance,
        double[][] bootstrapNatural, IReadOnlyList<Interval> ranges, int degreesOfFreedom, double scatter)
    {
        _scatter = scatter;
        _problem = problem;
        _phi = phi;
        _natural = natural;
        _covariance = covariance;
        _samples = bootstrapNatural;
        InputRanges = ranges;
        _degreesOfFreedom = degreesOfFreedom;
    }

    private ResidualSpace Space => _problem.Data.Space;

    private string In => Space.Of("ŷ");

    public IReadOnlyList<LawInput> Inputs => _problem.Law.Inputs;

    public IReadOnlyList<Interval> InputRanges { get; }

    public string ConfidenceMethod => _samples.Length > 0
        ? $"95% bootstrap percentile interval of the law's value ({_samples.Length} resamples)"
        : _problem.Dimension == 0
            ? "no interval of the law's value: every parameter is fixed"
            : "95% confidence interval of the law's value (delta method, sandwich covariance; a bootstrap gives percentile intervals)";

    public string IntervalMethod =>
        $"95% prediction interval for a new run (the {(_samples.Length > 0 ? $"bootstrap ({_samples.Length} resamples)" : "delta-method")} " +
        $"interval of the law's value widened in {In} by the runs' scatter about the law, residual standard deviation {NumberFormat.Significant(_scatter, 3)})";

    public double Predict(ReadOnlySpan<double> inputs) => _problem.Law.Value(_natural, inputs);

    /// <summary>
    /// The confidence interval widened by the scatter: in the residual space, each half-width w
    /// becomes √(w² + (t·s)²), t the 97.5% Student quantile with the fit's degrees of freedom.
    /// </summary>
    public Interval PredictionInterval(ReadOnlySpan<double> inputs)
    {
        var ci = ConfidenceInterval(inputs);
        double center = Space.Transform(Predict(inputs));
        double noise = StudentT.InvCDF(0, 1, Math.Max(1, _degreesOfFreedom), 0.975) * _scatter;
        double below = center - Space.Transform(ci.Lower), above = Space.Transform(ci.Upper) - center;
        double lower = center - Math.Sqrt(below * below + noise * noise);
        double upper = center + Math.Sqrt(above * above + noise * noise);
        return new Interval(Space.Inverse(lower), Space.Inverse(upper));
    }

    public Interval ConfidenceInterval(ReadOnlySpan<double> inputs)
    {
        if (_samples.Length > 0)
        {
            var values = new double[_samples.Length];
            for (int s = 0; s < values.Length; s++) values[s] = _problem.Law.Value(_samples[s], inputs);
            return Percentiles.Interval95(values);
        }
        int k = _phi.Length;
        if (k == 0)
        {
            double value = Predict(inputs);
            return new Interval(value, value);
        }
        if (_covariance is null) return new Interval(double.NaN, double.NaN);
        Span<double> g = stackalloc double[k];
        double m = _problem.PointModel(_phi, inputs, g);
        double variance = 0;
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++) variance += g[a] * _covariance[a * k + b] * g[b];
        double half = StudentT.InvCDF(0, 1, Math.Max(1, _degreesOfFreedom), 0.975) * Math.Sqrt(variance);
        return new Interval(Space.Inverse(m - half), Space.Inverse(m + half));
    }
}

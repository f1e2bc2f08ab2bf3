using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>
/// A log-linear law ln L = b₀ + Σⱼ bⱼ·ln Xⱼ fitted by OLS. Its 95% prediction interval for a new
/// run is exp(ŷ ± t₀.₉₇₅,dof · s·√(1 + x₀ᵀ(XᵀX)⁻¹x₀)), with x₀ = (1, ln X₁, …).
/// </summary>
/// <param name="inputs">The law's inputs.</param>
/// <param name="solution">The least-squares solution in logs.</param>
/// <param name="ranges">Each input's range in the data.</param>
/// <param name="residuals">The residuals' symbol for the interval descriptions: "ln L", or "ln lr" for a law of another column.</param>
internal sealed class LogLinearModel(IReadOnlyList<LawInput> inputs, LinearSolution solution, IReadOnlyList<Interval> ranges, string residuals = "ln L")
    : ILossModel
{
    public IReadOnlyList<LawInput> Inputs => inputs;

    public IReadOnlyList<Interval> InputRanges => ranges;

    public string IntervalMethod =>
        $"95% prediction interval for a new run (Student t, {Freedom}, in {residuals})";

    private string Freedom => solution.Clusters is { } g
        ? $"{solution.IntervalDegreesOfFreedom} degrees of freedom: {g} runs, clustered"
        : $"{solution.DegreesOfFreedom} degrees of freedom";

    public double Predict(ReadOnlySpan<double> x) => Math.Exp(LogPrediction(x));

    public string ConfidenceMethod =>
        $"95% confidence interval of the law's value (Student t, {Freedom}, in {residuals})";

    public Interval PredictionInterval(ReadOnlySpan<double> x) => Interval(x, newRun: true);

    public Interval ConfidenceInterval(ReadOnlySpan<double> x) => Interval(x, newRun: false);

    /// <summary>exp(ŷ ± t·s·√(h + 1)) for a new run, exp(ŷ ± t·s·√h) for the law's value, h = x₀ᵀ(XᵀX)⁻¹x₀.</summary>
    private Interval Interval(ReadOnlySpan<double> x, bool newRun)
    {
        Span<double> row = stackalloc double[x.Length + 1];
        row[0] = 1;
        for (int j = 0; j < x.Length; j++) row[j + 1] = Math.Log(x[j]);
        double center = LogPrediction(x);
        double half = solution.ClusteredCovariance is null
            ? solution.T95 * Math.Sqrt(solution.ResidualVariance * ((newRun ? 1 : 0) + solution.Leverage(row)))
            : solution.T95 * Math.Sqrt((newRun ? solution.ResidualVariance : 0) + solution.Variance(row));
        return new Fitting.Interval(Math.Exp(center - half), Math.Exp(center + half));
    }

    private double LogPrediction(ReadOnlySpan<double> x)
    {
        if (x.Length != inputs.Count)
            throw new ArgumentException($"expected {inputs.Count} inputs, got {x.Length}", nameof(x));
        double y = solution.Coefficients[0];
        for (int j = 0; j < x.Length; j++) y += solution.Coefficients[j + 1] * Math.Log(x[j]);
        return y;
    }
}

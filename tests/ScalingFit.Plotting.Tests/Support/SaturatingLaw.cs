using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Plotting.Tests.Support;

/// <summary>
/// A law with an irreducible loss, L = E + A·N^−α, with a ±5% interval: stands in for the nonlinear
/// laws, so figures are tested against <see cref="ILossModel"/> and not one law's classes.
/// </summary>
public sealed class SaturatingLaw(double e, double a, double alpha, Interval range, bool withInterval = true) : ILossModel
{
    public IReadOnlyList<ScalingFit.Laws.LawInput> Inputs { get; } = [Quantity.ParameterCount];

    public IReadOnlyList<Interval> InputRanges => [range];

    public string IntervalMethod => withInterval ? "95% confidence interval of the law's prediction (test: ±5%)" : "none (no covariance)";

    public double Predict(ReadOnlySpan<double> inputs) => e + a * Math.Pow(inputs[0], -alpha);

    public Interval PredictionInterval(ReadOnlySpan<double> inputs) =>
        withInterval ? new(Predict(inputs) * 0.95, Predict(inputs) * 1.05) : new(double.NaN, double.NaN);

    /// <summary>Runs exactly on the law (N from 1e7 to 1e10) and the law as a fit result with E, A, alpha.</summary>
    public static FittedRuns Fitted(double e = 1.69, double a = 406.4, double alpha = 0.34, bool withInterval = true)
    {
        var rows = Enumerable.Range(0, 12).Select(i => 1e7 * Math.Pow(10, 3.0 * i / 11))
            .Select(n => (N: n, D: 20 * n, Loss: e + a * Math.Pow(n, -alpha)));
        string csv = "N,D,loss\n" + string.Concat(rows.Select(r => FormattableString.Invariant($"{r.N:R},{r.D:R},{r.Loss:R}\n")));
        var runs = Runs.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "saturating.csv");
        var model = new SaturatingLaw(e, a, alpha, new Interval(1e7, 1e10), withInterval);
        var fit = new FitResult
        {
            Law = "saturating",
            Formula = "L = E + A·N^−α",
            Inputs = model.Inputs,
            Parameters = [P("E", "E", e), P("A", "A", a), P("alpha", "α", alpha)],
            Statistics = new FitStatistics(12, 9, 0, 0, 1, 0.01),
            Convergence = Convergence.Direct("test"),
            Warnings = [],
            Data = DataDescription.Of(runs),
            Model = model,
            ScalingLaw = new ScalingFit.Laws.SaturatingLaw(Quantity.ParameterCount),
        };
        return new FittedRuns(fit, runs);
    }

    private static FittedParameter P(string name, string symbol, double value) => new(name, symbol, value, 0, new Interval(value, value));
}

using ScalingFit.Data;

namespace ScalingFit.Fitting;

/// <summary>
/// Scaling laws that are straight lines on log-log axes, fitted by ordinary least squares of ln L:
/// the power law L = (X_c/X)^α (Kaplan et al. 2020, Eqs. 1.1–1.3) and the product form
/// L = k·N^a_N·D^a_D·C^a_C.
/// </summary>
public static class LogLogRegression
{
    /// <summary>
    /// Fits L = (X_c/X)^α by OLS of ln L on ln X: slope = −α, intercept = α·ln X_c.
    /// </summary>
    /// <exception cref="FitException">Too few runs, or every run has the same X.</exception>
    /// <exception cref="DataException">The data has no column for X.</exception>
    public static FitResult Power(RunSet runs, Quantity x)
    {
        if (x == Quantity.Loss) throw new OptionException("the power law needs N, D or C as its input, not the loss.");
        string symbol = x.Symbol();
        var (logX, logL) = Logs(runs, [x], $"The power law L = ({symbol}_c/{symbol})^α", 2);
        var fit = LinearLeastSquares.Solve(logX, logL);
        double t = fit.T95;
        double b0 = fit.Coefficients[0], b1 = fit.Coefficients[1];
        double se0 = fit.StandardError(0), se1 = fit.StandardError(1);

        // ln X_c = −b₀/b₁; by the delta method Var(ln X_c) = gᵀΣg with g = (−1/b₁, b₀/b₁²).
        double logScale = -b0 / b1;
        double g0 = -1 / b1, g1 = b0 / (b1 * b1);
        double seLogScale = Math.Sqrt(g0 * g0 * fit.Covariance(0, 0) + 2 * g0 * g1 * fit.Covariance(0, 1) + g1 * g1 * fit.Covariance(1, 1));
        double scale = Math.Exp(logScale);

        var parameters = new List<FittedParameter>
        {
            new("alpha", "α", -b1, se1, new Interval(-b1 - t * se1, -b1 + t * se1)),
            new("scale", $"{symbol}_c", scale, scale * seLogScale,
                new Interval(Math.Exp(logScale - t * seLogScale), Math.Exp(logScale + t * seLogScale))),
            new("slope", "slope", b1, se1, new Interval(b1 - t * se1, b1 + t * se1)),
            new("intercept", "intercept", b0, se0, new Interval(b0 - t * se0, b0 + t * se0)),
        };
        var warnings = LogLogDiagnostics.Power(runs, x, logX[0], logL, fit);
        return Result("power", $"L = ({symbol}_c/{symbol})^α", [x], parameters, fit, warnings, runs, logX);
    }

    /// <summary>
    /// Fits L = k·Πⱼ Xⱼ^aⱼ by multiple OLS of ln L on the ln Xⱼ, refusing collinear designs.
    /// </summary>
    /// <exception cref="FitException">Collinear inputs (the message contains "collinear"), too few runs, one value of an input.</exception>
    public static FitResult Joint(RunSet runs, IReadOnlyList<Quantity> inputs)
    {
        var xs = inputs.Distinct().OrderBy(q => q).ToList();
        if (xs.Count == 0 || xs.Contains(Quantity.Loss))
            throw new OptionException("the joint law takes two or more of N, D and C as inputs (e.g. --x N,D).");
        string formula = "L = k·" + string.Join("·", xs.Select(q => $"{q.Symbol()}^a_{q.Symbol()}"));
        var (logX, logL) = Logs(runs, xs, $"The joint law {formula}", xs.Count + 1);
        var fit = LinearLeastSquares.Solve(logX, logL);
        Collinearity.RefuseDerivedTriple(runs, xs, fit);
        if (fit.IsSingular) throw Collinearity.Refuse(xs, fit);

        double t = fit.T95;
        double b0 = fit.Coefficients[0], se0 = fit.StandardError(0);
        var parameters = new List<FittedParameter>
        {
            new("k", "k", Math.Exp(b0), Math.Exp(b0) * se0, new Interval(Math.Exp(b0 - t * se0), Math.Exp(b0 + t * se0))),
        };
        for (int j = 0; j < xs.Count; j++)
        {
            double b = fit.Coefficients[j + 1], se = fit.StandardError(j + 1);
            parameters.Add(new FittedParameter($"a{xs[j].Symbol()}", $"a_{xs[j].Symbol()}", b, se, new Interval(b - t * se, b + t * se)));
        }
        parameters.Add(new FittedParameter("intercept", "ln k", b0, se0, new Interval(b0 - t * se0, b0 + t * se0)));
        var warnings = LogLogDiagnostics.Joint(xs, fit);
        return Result("joint", formula, xs, parameters, fit, warnings, runs, logX);
    }

    private static FitResult Result(
        string law, string formula, IReadOnlyList<Quantity> inputs, List<FittedParameter> parameters,
        LinearSolution fit, IReadOnlyList<string> warnings, RunSet runs, double[][] logX)
    {
        var ranges = logX.Select(l => new Interval(Math.Exp(l.Min()), Math.Exp(l.Max()))).ToArray();
        return new FitResult
        {
            Law = law,
            Formula = formula,
            Inputs = inputs,
            Parameters = parameters,
            Statistics = new FitStatistics(fit.Points, fit.DegreesOfFreedom, fit.SumOfSquares,
                Math.Sqrt(fit.SumOfSquares / fit.Points), fit.RSquared, Math.Sqrt(fit.ResidualVariance))
            {
                ConditionNumber = fit.ConditionNumber,
            },
            Convergence = Convergence.Direct("ordinary least squares on ln L (Householder QR)"),
            Warnings = warnings,
            Data = DataDescription.Of(runs),
            Model = new LogLinearModel(inputs, fit, ranges),
        };
    }

    /// <summary>ln of each input and of the loss, after checking there are enough distinct points.</summary>
    private static (double[][] LogX, double[] LogL) Logs(RunSet runs, IReadOnlyList<Quantity> xs, string law, int parameters)
    {
        if (runs.Count <= parameters)
            throw new FitException(
                $"{law} has {parameters} coefficients and needs at least {parameters + 1} runs to estimate them with " +
                $"uncertainty, but {runs.Source} has {runs.Count}.");
        var logX = xs.Select(q => Log(runs.Values(q))).ToArray();
        for (int j = 0; j < xs.Count; j++)
        {
            double first = logX[j][0];
            if (logX[j].All(v => v == first))
                throw new FitException(
                    $"all {runs.Count} runs in {runs.Source} have the same {xs[j].Symbol()} " +
                    $"({Math.Exp(first):G6}); a fit against {xs[j].Symbol()} needs at least two distinct values.");
        }
        return (logX, Log(runs.Values(Quantity.Loss)));
    }

    private static double[] Log(ReadOnlySpan<double> values)
    {
        var logs = new double[values.Length];
        for (int i = 0; i < logs.Length; i++) logs[i] = Math.Log(values[i]);
        return logs;
    }
}

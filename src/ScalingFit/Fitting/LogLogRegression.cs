using ScalingFit.Data;
using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>
/// Scaling laws that are straight lines on log-log axes, fitted by ordinary least squares of ln L:
/// the power law L = (X_c/X)^α (Kaplan et al. 2020, Eqs. 1.1–1.3) and the product form
/// L = k·N^a_N·D^a_D·C^a_C. The runs are streamed once; no design matrix is built.
/// </summary>
public static class LogLogRegression
{
    /// <summary>
    /// Fits L = (X_c/X)^α by OLS of ln L on ln X: slope = −α, intercept = α·ln X_c.
    /// </summary>
    /// <param name="runs">The runs.</param>
    /// <param name="x">The input X.</param>
    /// <param name="target">What the law predicts; the loss by default.</param>
    /// <param name="law">The law object to attach to the result; a new power law in X by default.</param>
    /// <exception cref="FitException">Too few runs, or every run has the same X.</exception>
    /// <exception cref="DataException">The data has no column for X, or a value that is not positive.</exception>
    public static FitResult Power(RunSet runs, LawInput x, LawTarget? target = null, PowerLaw? law = null)
    {
        target ??= LawTarget.Loss;
        law ??= new PowerLaw(x);
        string symbol = x.Name;
        InputChecks.RequireRuns(runs, $"The power law {law.Formula}", 2);
        var xs = InputChecks.Positive(runs, x);
        InputChecks.RequireSpread(runs, x, xs);
        var loss = InputChecks.Positive(runs, target);
        InputChecks.RequireVariation(runs, target, loss);

        // One pass over [1, ln X, (ln X − k)², ln L]: the line is the nested model of the first
        // regressor, the curvature diagnostic the full one. The quadratic coefficient and its
        // standard error do not depend on the centre k.
        var curve = new LinearLeastSquares(2);
        double center = Math.Log(xs[0]);
        var range = new LogRange(1);
        Span<double> row = stackalloc double[2];
        for (int i = 0; i < xs.Length; i++)
        {
            double lx = Math.Log(xs[i]), ly = Math.Log(loss[i]);
            range.Add(0, lx);
            row[0] = lx;
            row[1] = (lx - center) * (lx - center);
            curve.Add(row, ly);
        }
        var fit = curve.Solve(1);
        var curvature = curve.Solve();
        if (runs.Clusters is { } clusters)
        {
            // Rows that are checkpoints of fewer runs: standard errors (and the curvature test) clustered by run.
            var lnX = xs.Select(v => Math.Log(v)).ToArray();
            var lnY = loss.Select(v => Math.Log(v)).ToArray();
            fit = fit.ClusteredBy(clusters.Ids, clusters.Count, [lnX], lnY);
            if (!curvature.IsSingular)
                curvature = curvature.ClusteredBy(clusters.Ids, clusters.Count, [lnX, lnX.Select(v => (v - center) * (v - center)).ToArray()], lnY);
        }

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
        double curvatureT = curvature.IsSingular || curvature.DegreesOfFreedom < 1 || curvature.IntervalDegreesOfFreedom < 3 || fit.Points < 8
            ? double.NaN
            : curvature.Coefficients[2] / curvature.StandardError(2);
        var warnings = LogLogDiagnostics.Power(x, target, range.Decades(0), curvatureT, fit);
        return Result(law, target, parameters, fit, warnings, runs, range);
    }

    /// <summary>
    /// Fits L = k·Πⱼ Xⱼ^aⱼ by multiple OLS of ln L on the ln Xⱼ, refusing collinear designs.
    /// </summary>
    /// <exception cref="FitException">Collinear inputs (the message contains "collinear"), too few runs, one value of an input.</exception>
    public static FitResult Joint(RunSet runs, IReadOnlyList<Quantity> inputs) => Joint(runs, LawInputs.Of(inputs));

    /// <summary>Fits y = k·Πⱼ Xⱼ^aⱼ by multiple OLS of ln y on the ln Xⱼ, refusing collinear designs.</summary>
    /// <param name="runs">The runs.</param>
    /// <param name="inputs">The inputs Xⱼ (one or more).</param>
    /// <param name="target">What the law predicts; the loss by default.</param>
    /// <param name="law">The law object to attach to the result; a new joint law in the inputs by default.</param>
    /// <exception cref="FitException">Collinear inputs (the message contains "collinear"), too few runs, one value of an input.</exception>
    public static FitResult Joint(RunSet runs, IReadOnlyList<LawInput> inputs, LawTarget? target = null, JointLaw? law = null)
    {
        target ??= LawTarget.Loss;
        law ??= new JointLaw(inputs);
        var xs = law.Inputs;
        InputChecks.RequireRuns(runs, $"The joint law {law.Formula}", xs.Count + 1);
        var columns = xs.Select(x => InputChecks.Positive(runs, x)).ToArray();
        for (int j = 0; j < xs.Count; j++) InputChecks.RequireSpread(runs, xs[j], columns[j]);

        var ls = new LinearLeastSquares(xs.Count);
        var range = new LogRange(xs.Count);
        var loss = InputChecks.Positive(runs, target);
        InputChecks.RequireVariation(runs, target, loss);
        Span<double> row = stackalloc double[xs.Count];
        for (int i = 0; i < loss.Length; i++)
        {
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = Math.Log(columns[j][i]);
                range.Add(j, row[j]);
            }
            ls.Add(row, Math.Log(loss[i]));
        }
        var fit = ls.Solve();
        Collinearity.RefuseDerivedTriple(runs, xs, fit);
        if (fit.IsSingular) throw Collinearity.Refuse(xs, fit);
        if (runs.Clusters is { } clusters)
            fit = fit.ClusteredBy(clusters.Ids, clusters.Count, columns.Select(c => c.Select(v => Math.Log(v)).ToArray()).ToList(), loss.Select(v => Math.Log(v)).ToArray());

        double t = fit.T95;
        double b0 = fit.Coefficients[0], se0 = fit.StandardError(0);
        var parameters = new List<FittedParameter>
        {
            new("k", "k", Math.Exp(b0), Math.Exp(b0) * se0, new Interval(Math.Exp(b0 - t * se0), Math.Exp(b0 + t * se0))),
        };
        for (int j = 0; j < xs.Count; j++)
        {
            double b = fit.Coefficients[j + 1], se = fit.StandardError(j + 1);
            parameters.Add(new FittedParameter(law.Parameters[j + 1].Name, law.Parameters[j + 1].Symbol, b, se, new Interval(b - t * se, b + t * se)));
        }
        parameters.Add(new FittedParameter("intercept", "ln k", b0, se0, new Interval(b0 - t * se0, b0 + t * se0)));
        var warnings = LogLogDiagnostics.Joint(xs, target, fit);
        return Result(law, target, parameters, fit, warnings, runs, range);
    }

    private static FitResult Result(
        IScalingLaw law, LawTarget target, List<FittedParameter> parameters,
        LinearSolution fit, List<Diagnostic> diagnostics, RunSet runs, LogRange range)
    {
        diagnostics.AddRange(RunStructure.Diagnose(runs, law.Inputs, law.Parameters.Count));
        return Result(law, target, parameters, fit, diagnostics, runs, range, UncertaintyMethod(runs, fit));
    }

    private static string UncertaintyMethod(RunSet runs, LinearSolution fit) => runs.Clusters is { } c
        ? $"OLS with standard errors clustered by run ({c.Count} runs named by {c.Describe()}; CR1: G/(G−1)·(n−1)/(n−k)), " +
          $"Student t intervals with {fit.IntervalDegreesOfFreedom} degrees of freedom (runs − 1)"
        : "Student t intervals from OLS standard errors";

    private static FitResult Result(
        IScalingLaw law, LawTarget target, List<FittedParameter> parameters,
        LinearSolution fit, List<Diagnostic> diagnostics, RunSet runs, LogRange range, string uncertainty) => new()
    {
        Law = law.Name,
        Formula = target.Written(law.Formula),
        Inputs = law.Inputs,
        Target = target,
        ScalingLaw = law,
        Parameters = parameters,
        Statistics = new FitStatistics(fit.Points, fit.DegreesOfFreedom, fit.SumOfSquares,
            Math.Sqrt(fit.SumOfSquares / fit.Points), fit.RSquared, Math.Sqrt(fit.ResidualVariance))
        {
            ConditionNumber = fit.ConditionNumber,
            Runs = fit.Clusters,
            RunColumns = runs.Clusters?.Columns ?? [],
        },
        Convergence = Convergence.Direct($"ordinary least squares on {ResidualSpace.Log.Of(target.Symbol)} (QR by Givens rotations)"),
        Warnings = Diagnostic.Messages(diagnostics),
        Diagnostics = diagnostics,
        UncertaintyMethod = uncertainty,
        Data = DataDescription.Of(runs, law.Inputs, target),
        Model = new LogLinearModel(law.Inputs, fit, range.Intervals(), ResidualSpace.Log.Of(target.Symbol)),
    };

    /// <summary>The smallest and largest ln X of each input, tracked while streaming.</summary>
    private sealed class LogRange
    {
        private readonly double[] _min, _max;

        public LogRange(int inputs)
        {
            _min = Enumerable.Repeat(double.PositiveInfinity, inputs).ToArray();
            _max = Enumerable.Repeat(double.NegativeInfinity, inputs).ToArray();
        }

        public void Add(int input, double value)
        {
            if (value < _min[input]) _min[input] = value;
            if (value > _max[input]) _max[input] = value;
        }

        public double Decades(int input) => (_max[input] - _min[input]) / Math.Log(10);

        public Interval[] Intervals() => _min.Select((lo, j) => new Interval(Math.Exp(lo), Math.Exp(_max[j]))).ToArray();
    }
}

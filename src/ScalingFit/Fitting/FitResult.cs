using ScalingFit.Data;
using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>
/// A fitted scaling law: named parameters with uncertainty, fit statistics, how the optimizer
/// converged, warnings for a person, the data it was fitted to, and a model that predicts.
/// </summary>
public sealed record FitResult
{
    /// <summary>The law's name as on the command line: power, joint, saturating, chinchilla, ….</summary>
    public required string Law { get; init; }

    /// <summary>The law as a formula, e.g. "L = (N_c/N)^α".</summary>
    public required string Formula { get; init; }

    /// <summary>The inputs the law takes, e.g. [N] or [N, D]; quantities or numeric columns.</summary>
    public required IReadOnlyList<Laws.LawInput> Inputs { get; init; }

    /// <summary>What the law predicts: the loss, or another numeric column.</summary>
    public Laws.LawTarget Target { get; init; } = Laws.LawTarget.Loss;

    /// <summary>Where the residuals were taken (log by default), and so the statistics.</summary>
    public Laws.ResidualSpace Residuals { get; init; } = Laws.ResidualSpace.Log;

    /// <summary>The residuals' symbol: "ln L", "L", "logit accuracy".</summary>
    public string ResidualSymbol => Residuals.Of(Target.Symbol);

    /// <summary>The constraints the fit was made under (none by default).</summary>
    public ParameterConstraints Constraints { get; init; } = ParameterConstraints.None;

    /// <summary>The parameters in the law's order, with standard errors and 95% intervals.</summary>
    public required IReadOnlyList<FittedParameter> Parameters { get; init; }

    /// <summary>Goodness of fit.</summary>
    public required FitStatistics Statistics { get; init; }

    /// <summary>How the solver finished.</summary>
    public required Convergence Convergence { get; init; }

    /// <summary>What a person should know before trusting the result; empty when nothing stands out.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>The same warnings with their stable codes (<see cref="DiagnosticCodes"/>), for scripts.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>The data the law was fitted to.</summary>
    public required DataDescription Data { get; init; }

    /// <summary>The fitted law as a predictor of loss, with intervals.</summary>
    public required ILossModel Model { get; init; }

    /// <summary>Quantities derived from the parameters (e.g. the allocation exponents a and b), with uncertainty.</summary>
    public IReadOnlyList<FittedParameter> Derived { get; init; } = [];

    /// <summary>How the standard errors and intervals were obtained, in words.</summary>
    public string UncertaintyMethod { get; init; } = "Student t intervals from OLS standard errors";

    /// <summary>The bootstrap behind the intervals, when one was run.</summary>
    public BootstrapInfo? Bootstrap { get; init; }

    /// <summary>The law object (to evaluate it at other parameters and ask what it can do).</summary>
    public required Laws.IScalingLaw ScalingLaw { get; init; }

    /// <summary>The law's natural parameters at the estimate, in the law's order (without the extra OLS coefficients).</summary>
    public double[] NaturalParameters => ScalingLaw.Parameters.Select(p => this[p.Name].Value).ToArray();

    /// <summary>
    /// The natural parameters of every converged bootstrap resample, in <see cref="Parameters"/>
    /// order; empty without a bootstrap. Derived quantities (allocations, predictions) take their
    /// percentile intervals from these.
    /// </summary>
    public IReadOnlyList<double[]> ParameterSamples { get; init; } = [];

    /// <summary>
    /// The asymptotic (sandwich) covariance of the natural parameters of a nonlinear fit, row-major
    /// in <see cref="Parameters"/> order, for delta-method intervals of derived quantities; null for
    /// log-log OLS fits or when the Hessian at the optimum is not positive definite.
    /// </summary>
    public IReadOnlyList<double>? ParameterCovariance { get; init; }

    /// <summary>Random draws of the natural parameters (bootstrap or asymptotic), for Monte Carlo intervals; null for OLS fits.</summary>
    internal Uncertainty.ParameterDraws? Draws { get; init; }

    /// <summary>The parameter with this name.</summary>
    /// <exception cref="KeyNotFoundException">The law has no such parameter.</exception>
    public FittedParameter this[string name] =>
        Parameters.FirstOrDefault(p => p.Name == name)
        ?? throw new KeyNotFoundException($"the {Law} law has no parameter '{name}'; it has {string.Join(", ", Parameters.Select(p => p.Name))}");
}

/// <summary>A fitted parameter.</summary>
/// <param name="Name">The stable name used in JSON (alpha, scale, E, A, …).</param>
/// <param name="Symbol">The symbol used in formulas and tables (α, N_c, …).</param>
/// <param name="Value">The estimate.</param>
/// <param name="StandardError">Its standard error; NaN when not available.</param>
/// <param name="Ci95">Its 95% confidence interval.</param>
public sealed record FittedParameter(string Name, string Symbol, double Value, double StandardError, Interval Ci95)
{
    /// <summary>The value the optimizer started from, when it was iterative.</summary>
    public double? Initial { get; init; }

    /// <summary>Whether the estimate sits on a bound of its allowed range.</summary>
    public bool AtBound { get; init; }

    /// <summary>How the parameter was constrained: "fixed", "= β" (tied), "bounded"; null when free.</summary>
    public string? Constraint { get; init; }

    /// <summary>Standard error relative to the magnitude of the value.</summary>
    public double RelativeError => Math.Abs(StandardError / Value);
}

/// <summary>A bootstrap's size and health.</summary>
/// <param name="Resamples">Resamples drawn.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Converged">Resamples whose refit passed the strict convergence test (only these enter the intervals).</param>
/// <param name="StoppedAtStart">Resamples whose optimizer took no step and did not pass the test (a sign of tolerances too loose for the objective).</param>
public sealed record BootstrapInfo(int Resamples, long Seed, int Converged, int StoppedAtStart)
{
    /// <summary>The columns naming the runs resampled whole (rows are checkpoints of fewer runs); null when rows were resampled.</summary>
    public IReadOnlyList<string>? ResampledBy { get; init; }
}

/// <summary>A closed interval [Lower, Upper].</summary>
public readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>Whether the value lies in the interval.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Upper − Lower.</summary>
    public double Width => Upper - Lower;
}

/// <summary>Goodness-of-fit statistics.</summary>
/// <param name="Points">n: the number of runs (rows) fitted.</param>
/// <param name="DegreesOfFreedom">n minus the number of fitted parameters (the residuals' degrees of freedom).</param>
/// <param name="Objective">The minimized objective (sum of squares, or of Huber terms).</param>
/// <param name="Rmse">Root mean square of the residuals (in ln L unless the fit chose another residual space).</param>
/// <param name="RSquared">Fraction of the variance of the target (in the residual space) explained.</param>
/// <param name="ResidualStandardDeviation">s = √(SSE / dof) in the residual space.</param>
public sealed record FitStatistics(
    int Points, int DegreesOfFreedom, double Objective, double Rmse, double RSquared, double ResidualStandardDeviation)
{
    /// <summary>Condition number of the regression design (log-linear fits); null otherwise.</summary>
    public double? ConditionNumber { get; init; }

    /// <summary>G: the independent runs the rows come from when rows are checkpoints of fewer runs; null when every row is a run.</summary>
    public int? Runs { get; init; }

    /// <summary>The columns that name those runs; empty when every row is a run.</summary>
    public IReadOnlyList<string> RunColumns { get; init; } = [];

    /// <summary>The degrees of freedom of the t intervals: G − 1 when rows are checkpoints of G runs (they count runs), else n − k.</summary>
    public int IntervalDegreesOfFreedom => Runs is { } g ? g - 1 : DegreesOfFreedom;
}

/// <summary>How a solver finished.</summary>
/// <param name="Method">The method, e.g. "OLS (QR)" or "L-BFGS, Huber δ=1e-3".</param>
/// <param name="Converged">Whether the result met the convergence criteria.</param>
/// <param name="ExitReason">Why the solver stopped, in words.</param>
/// <param name="Iterations">Iterations of the best start (0 for a direct solve).</param>
/// <param name="StartsTried">Starting points tried (1 for a direct solve).</param>
/// <param name="StartsConverged">Starting points that converged.</param>
public sealed record Convergence(
    string Method, bool Converged, string ExitReason, int Iterations, int StartsTried, int StartsConverged)
{
    /// <summary>A closed-form solve that needs no iterations.</summary>
    public static Convergence Direct(string method) => new(method, true, "closed-form solution", 0, 1, 1);
}

/// <summary>The data a law was fitted to.</summary>
/// <param name="Source">The file or data set.</param>
/// <param name="Runs">How many runs were fitted.</param>
/// <param name="Columns">For N, D, C and loss: the column read, or the derivation.</param>
/// <param name="Notes">What was done to the data, in order.</param>
public sealed record DataDescription(
    string Source, int Runs, IReadOnlyDictionary<string, string> Columns, IReadOnlyList<string> Notes)
{
    /// <summary>What the data may not mean as the analysis takes it (pooled runs, units, conventions).</summary>
    public IReadOnlyList<DataWarning> Warnings { get; init; } = [];

    /// <summary>Describes a run set.</summary>
    public static DataDescription Of(RunSet runs) => new(
        runs.Source,
        runs.Count,
        Quantities.All.Where(runs.Has).ToDictionary(q => q.Symbol(), q => runs.Origin(q)!.ToString()),
        runs.Notes) { Warnings = runs.Warnings };

    /// <summary>Describes a run set with the other columns a law read: inputs such as unique tokens, and a target other than the loss.</summary>
    public static DataDescription Of(RunSet runs, IEnumerable<LawInput> inputs, LawTarget target)
    {
        var description = Of(runs);
        var columns = new Dictionary<string, string>(description.Columns);
        foreach (var input in inputs.Where(i => i.Quantity is null)) columns.TryAdd(input.Name, $"column '{input.Name}'");
        if (target.Quantity is null) columns.TryAdd(target.Name, $"column '{target.Name}' (the target)");
        return description with { Columns = columns };
    }
}

using ScalingFit.Data;
using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;
using ScalingFit.Uncertainty;

namespace ScalingFit.Fitting;

/// <summary>
/// Fits a nonlinear law as Hoffmann et al. 2022 (approach 3) and the replication of Besiroglu et
/// al. 2024 did: minimize Σᵢ ρ(m(θ; xᵢ) − yᵢ) (m = ln ŷ and y = ln L by default; Huber δ = 1e-3,
/// summed, not averaged) from every point of a start grid, keep the best, then estimate
/// uncertainty by the bootstrap or the sandwich covariance. Constraints (fixed, tied, bounded
/// parameters) act through one map of free parameters onto the law's, so every law has them; with
/// every parameter fixed the law is scored on the runs rather than fitted.
/// </summary>
public static class NonlinearFitter
{
    /// <summary>Fits the law to the runs (the loss, log residuals, no constraint).</summary>
    /// <exception cref="FitException">Too few runs, no spread in an input, or no start reached a finite objective.</exception>
    /// <exception cref="DataException">The data lacks an input of the law.</exception>
    public static FitResult Fit(RunSet runs, IScalingLaw law, NonlinearFitOptions? options = null) => Fit(runs, new LawSpec(law), options);

    /// <summary>Fits a law with its target, residual space and constraints to the runs.</summary>
    /// <exception cref="FitException">Too few runs, no spread in an input, or no start reached a finite objective.</exception>
    /// <exception cref="DataException">The data lacks an input or the target, or holds a value the law or residual space cannot take.</exception>
    /// <exception cref="OptionException">A constraint that does not suit the law.</exception>
    public static FitResult Fit(RunSet runs, LawSpec spec, NonlinearFitOptions? options = null)
    {
        options ??= NonlinearFitOptions.Default;
        var law = spec.Law;
        var map = ParameterMap.Create(law, spec.Constraints);
        int k = map.FreeDimension;
        InputChecks.RequireRuns(runs, $"The {law.Name} law {law.Formula}", k);
        var data = FitData.From(runs, law.Inputs, spec.Target, spec.Residuals, positiveInputs: law is LogSpaceLaw);
        if (k > 0)
        {
            for (int j = 0; j < law.Inputs.Count; j++) InputChecks.RequireSpread(runs, law.Inputs[j], data.Columns[j]);
            InputChecks.RequireVariation(runs, spec.Target, data.Observed);
        }
        var problem = new FitProblem(law, data, options.Loss, map);
        if (k == 0) return Score(runs, spec, problem);
        return BoundPinning.Apply(runs, spec, options, Search(runs, spec, problem, options), pinned => Fit(runs, pinned, options));
    }

    private static FitResult Search(RunSet runs, LawSpec spec, FitProblem problem, NonlinearFitOptions options)
    {
        var law = problem.Law;
        var data = problem.Data;
        int k = problem.Dimension;
        var tolerances = ConvergenceTest.WithFloor(options.Optimizer, data.Count);
        var grid = problem.Starts(options.Starts);
        var search = MultiStart.Search(problem, grid, tolerances, options.DegreeOfParallelism, options.Search, options.StartProgress);
        int best = search.Best();
        if (best < 0) throw new FitException($"no start of the {law.Name} law reached a finite objective on {runs.Source}.");

        // Polish from the best end point; this also leaves the gradient and Hessian there.
        var phi = search.EndPoint(best).ToArray();
        var optimizer = new NewtonTrustRegion(k, tolerances);
        var objective = problem.Objective();
        var final = optimizer.Minimize(objective, phi);
        if (final.Converged) final = optimizer.Polish(objective, phi) with { Iterations = final.Iterations };
        var covariance = SandwichCovariance.Compute(problem, phi, optimizer.Hessian);
        // One run resampled whole is that run every time: a bootstrap of it would give intervals of zero width.
        bool oneRun = data.Clusters is not null && data.ClusterCount < 2;
        var bootstrap = options.Bootstrap is { Resamples: > 0 } b && !oneRun ? Bootstrap.Run(problem, phi, tolerances, b) : null;
        // The degrees of freedom count runs: G − 1 for the t intervals when rows are checkpoints of G runs.
        int dof = data.Clusters is null ? runs.Count - k : data.ClusterCount - 1;
        var estimates = ParameterEstimates.Build(problem, phi, covariance, bootstrap, dof);
        var statistics = Statistics(problem, phi, final.Objective, k) with
        {
            Runs = data.Clusters is null ? null : data.ClusterCount,
            RunColumns = runs.Clusters?.Columns ?? [],
        };
        bool exact = RoundingError.Reached(problem, phi, final);
        bool converged = exact || ConvergenceTest.Passes(final, data.Count);
        var context = new DiagnosticContext(problem, search, best, phi, final, converged, covariance, bootstrap, estimates) { Runs = runs };
        var diagnostics = NonlinearDiagnostics.Diagnose(context, options.Loss);

        return Result(runs, spec, problem, estimates, statistics) with
        {
            Convergence = new Convergence(
                $"Newton trust region with exact Hessian on Σ {options.Loss} of {spec.Residuals.Of(spec.Target.Symbol)} residuals, {search.Describe()}",
                converged, exact ? RoundingError.Describe(final) : Describe(final, search.Results[best]), search.Results[best].Iterations + final.Iterations,
                search.Count, search.ConvergedCount),
            Warnings = Diagnostic.Messages(diagnostics),
            Diagnostics = diagnostics,
            Model = new NonlinearModel(problem, phi, estimates.Natural, covariance, estimates.Samples,
                InputChecks.Ranges(runs, law.Inputs), dof, statistics.ResidualStandardDeviation),
            UncertaintyMethod = UncertaintyMethod(runs, bootstrap, estimates, dof)
                + (oneRun && options.Bootstrap is { Resamples: > 0 } ? "; no bootstrap: every resample of one run, whole, is that run, so its intervals would have zero width" : ""),
            Bootstrap = bootstrap is null ? null
                : new BootstrapInfo(bootstrap.Resamples, bootstrap.Seed, bootstrap.ConvergedCount, bootstrap.StoppedAtStart)
                {
                    ResampledBy = runs.Clusters?.Columns,
                },
            Draws = new ParameterDraws(problem.Map, phi, covariance, estimates.Samples),
        };
    }

    /// <summary>Every parameter fixed: the law's residuals, objective and statistics on the runs, nothing fitted.</summary>
    private static FitResult Score(RunSet runs, LawSpec spec, FitProblem problem)
    {
        double[] phi = [];
        double objective = problem.Objective().Evaluate(phi, Span<double>.Empty, Span<double>.Empty);
        var estimates = ParameterEstimates.Build(problem, phi, [], null, runs.Count);
        var statistics = Statistics(problem, phi, objective, 0);
        var warnings = new List<Diagnostic>();
        if (!double.IsFinite(objective))
            warnings.Add(new(DiagnosticCodes.LawNotFinite, "the law is not finite at some runs with these parameter values (its objective is infinite)."));
        return Result(runs, spec, problem, estimates, statistics) with
        {
            Convergence = new Convergence($"none: every parameter is fixed, so the law is scored on the runs (Σ {problem.Loss})",
                true, "nothing to fit", 0, 1, 1),
            Warnings = Diagnostic.Messages(warnings),
            Diagnostics = warnings,
            Model = new NonlinearModel(problem, phi, estimates.Natural, [], [], InputChecks.Ranges(runs, problem.Law.Inputs),
                runs.Count, statistics.ResidualStandardDeviation),
            UncertaintyMethod = "none for the parameters (all fixed); prediction intervals from the runs' scatter about the law",
            Draws = new ParameterDraws(problem.Map, phi, [], []),
        };
    }

    private static FitResult Result(RunSet runs, LawSpec spec, FitProblem problem, Estimates estimates, FitStatistics statistics) => new()
    {
        Law = problem.Law.Name,
        Formula = spec.Target.Written(problem.Law.Formula),
        Inputs = problem.Law.Inputs,
        Target = spec.Target,
        Residuals = spec.Residuals,
        Constraints = spec.Constraints,
        Parameters = estimates.Parameters,
        Derived = estimates.Derived,
        Statistics = statistics,
        Convergence = Convergence.Direct(""),
        Warnings = [],
        Data = DataDescription.Of(runs, problem.Law.Inputs, spec.Target),
        Model = null!,
        ScalingLaw = problem.Law,
        ParameterSamples = estimates.Samples,
        ParameterCovariance = estimates.Covariance,
    };

    private static FitStatistics Statistics(FitProblem problem, double[] phi, double objective, int k)
    {
        var data = problem.Data;
        int n = data.Count;
        Span<double> g = stackalloc double[k];
        double ssr = 0, mean = data.Target.Average(), sst = 0;
        for (int i = 0; i < n; i++)
        {
            double r = problem.RowModel(phi, i, g) - data.Target[i];
            ssr += r * r;
            sst += (data.Target[i] - mean) * (data.Target[i] - mean);
        }
        return new FitStatistics(n, n - k, objective, Math.Sqrt(ssr / n), sst > 0 ? 1 - ssr / sst : double.NaN, Math.Sqrt(ssr / Math.Max(1, n - k)));
    }

    /// <summary>How the intervals were made, in words: sandwich or bootstrap, of rows or of whole runs.</summary>
    private static string UncertaintyMethod(RunSet runs, BootstrapSamples? bootstrap, Estimates estimates, int dof)
    {
        string clustered = runs.Clusters is { } c
            ? $", clustered by run ({c.Count} runs named by {c.Describe()}; {SandwichCovariance.ClusterCorrection}), t intervals with {dof} degrees of freedom (runs − 1)"
            : ", t intervals";
        string sandwich = $"asymptotic: sandwich covariance H⁻¹(Σψ²∇m∇mᵀ)H⁻¹ and the delta method{clustered}";
        if (bootstrap is null) return sandwich;
        string what = runs.Clusters is { } r ? $"resamples of the {r.Count} runs, whole (all rows of a run together)" : "resamples of the runs";
        return estimates.Samples.Length > 1
            ? $"bootstrap: {bootstrap.ConvergedCount} converged of {bootstrap.Resamples} {what} (seed {bootstrap.Seed}), standard deviations and 95% percentile intervals"
            : $"{sandwich} (none of the {bootstrap.Resamples} bootstrap {what} passed the convergence test)";
    }

    private static string Describe(LocalResult final, LocalResult best) => final.Reason switch
    {
        ExitReason.Converged => $"converged: the Newton decrement ½gᵀH⁻¹g is {NumberFormat.Significant(final.Decrement, 2)} at objective {NumberFormat.Significant(final.Objective, 6)}",
        ExitReason.SmallStep => "converged: steps fell below the step tolerance",
        ExitReason.MaxIterations => "stopped at the iteration limit",
        ExitReason.Stalled => "stalled: no damped Newton step reduced the objective",
        _ => $"the objective was not finite (best start: {best.Reason})",
    };
}

using ScalingFit.Data;
using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;
using ScalingFit.Uncertainty;

namespace ScalingFit.Fitting;

/// <summary>
/// Fits a nonlinear law as Hoffmann et al. 2022 (approach 3) and the replication of Besiroglu et
/// al. 2024 did: minimize Σᵢ ρ(ln L̂(θ; xᵢ) − ln Lᵢ) (Huber δ = 1e-3 by default, summed, not
/// averaged) from every point of a start grid, keep the best, then estimate uncertainty by the
/// bootstrap or the sandwich covariance.
/// </summary>
public static class NonlinearFitter
{
    /// <summary>Fits the law to the runs.</summary>
    /// <exception cref="FitException">Too few runs, no spread in an input, or no start reached a finite objective.</exception>
    /// <exception cref="DataException">The data lacks an input of the law.</exception>
    public static FitResult Fit(RunSet runs, IScalingLaw law, NonlinearFitOptions? options = null)
    {
        options ??= NonlinearFitOptions.Default;
        int k = law.FitParameterNames.Count;
        InputChecks.RequireRuns(runs, $"The {law.Name} law {law.Formula}", k);
        InputChecks.RequireSpread(runs, law.Inputs);
        var data = FitData.From(runs, law.Inputs);
        var grid = options.Starts ?? law.Starts;
        var search = MultiStart.Search(law, data, options.Loss, grid, options.Optimizer, options.DegreeOfParallelism, options.Search);
        int best = search.Best();
        if (best < 0) throw new FitException($"no start of the {law.Name} law reached a finite objective on {runs.Source}.");

        // Polish from the best end point; this also leaves the gradient and Hessian there.
        var theta = search.EndPoint(best).ToArray();
        var optimizer = new NewtonTrustRegion(k, options.Optimizer);
        var objective = LogLossObjective.For(law, data, options.Loss);
        var final = optimizer.Minimize(objective, theta);
        if (final.Converged) final = optimizer.Polish(objective, theta) with { Iterations = final.Iterations };
        var covariance = SandwichCovariance.Compute(law, data, options.Loss, theta, optimizer.Hessian);
        var bootstrap = options.Bootstrap is { Resamples: > 0 } b
            ? Uncertainty.Bootstrap.Run(law, data, options.Loss, theta, options.Optimizer, b)
            : null;
        int dof = runs.Count - k;
        var estimates = ParameterEstimates.Build(law, theta, covariance, bootstrap, dof);
        var statistics = Statistics(law, data, theta, final.Objective, k);
        bool converged = final.Converged && final.Decrement <= Uncertainty.Bootstrap.StrictDecrement * Math.Abs(final.Objective);
        var context = new DiagnosticContext(law, data, search, best, theta, final, converged, covariance, bootstrap, estimates);

        return new FitResult
        {
            Law = law.Name,
            Formula = law.Formula,
            Inputs = law.Inputs,
            Parameters = estimates.Parameters,
            Derived = estimates.Derived,
            Statistics = statistics,
            Convergence = new Convergence(
                $"Newton trust region with exact Hessian on Σ {options.Loss} of ln L residuals, {search.Screening?.Describe(grid.Count) ?? $"{grid.Count} starts"}",
                converged, Describe(final, search.Results[best]), search.Results[best].Iterations + final.Iterations,
                search.Count, search.ConvergedCount),
            Warnings = NonlinearDiagnostics.Warnings(context, options.Loss),
            Data = DataDescription.Of(runs),
            Model = new NonlinearModel(law, theta, estimates.Natural, covariance, estimates.Samples,
                InputChecks.Ranges(runs, law.Inputs), dof, statistics.ResidualStandardDeviation),
            UncertaintyMethod = bootstrap is null
                ? "asymptotic: sandwich covariance H⁻¹(Σψ²∇m∇mᵀ)H⁻¹ and the delta method, t intervals"
                : $"bootstrap: {bootstrap.ConvergedCount} converged of {bootstrap.Resamples} resamples of the runs (seed {bootstrap.Seed}), " +
                  "standard deviations and 95% percentile intervals",
            ScalingLaw = law,
            ParameterSamples = estimates.Samples,
            ParameterCovariance = estimates.Covariance,
            Bootstrap = bootstrap is null ? null
                : new BootstrapInfo(bootstrap.Resamples, bootstrap.Seed, bootstrap.ConvergedCount, bootstrap.StoppedAtStart),
        };
    }

    private static FitStatistics Statistics(IScalingLaw law, FitData data, double[] theta, double objective, int k)
    {
        int n = data.Count;
        Span<double> g = stackalloc double[k];
        double ssr = 0, mean = data.LogLoss.Average(), sst = 0;
        for (int i = 0; i < n; i++)
        {
            double r = law.LogLoss(theta, data.LogInputs.AsSpan(i * data.InputCount, data.InputCount), g, Span<double>.Empty) - data.LogLoss[i];
            ssr += r * r;
            sst += (data.LogLoss[i] - mean) * (data.LogLoss[i] - mean);
        }
        return new FitStatistics(n, n - k, objective, Math.Sqrt(ssr / n), sst > 0 ? 1 - ssr / sst : double.NaN, Math.Sqrt(ssr / Math.Max(1, n - k)));
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

using ScalingFit.Fitting;
using ScalingFit.Fitting.Optimization;

namespace ScalingFit.Uncertainty;

/// <summary>How to bootstrap a nonlinear fit.</summary>
/// <param name="Resamples">K: how many resamples of the runs (with replacement).</param>
/// <param name="Seed">The seed; the same seed gives the same samples whatever the thread count.</param>
public sealed record BootstrapOptions(int Resamples, long Seed = 1)
{
    /// <summary>Threads to use; −1 for all cores.</summary>
    public int DegreeOfParallelism { get; init; } = -1;

    /// <summary>Called with the number of resamples finished so far (from worker threads).</summary>
    public Action<int>? Progress { get; init; }

    /// <summary>
    /// The cluster (for example the training run) of every row, numbered 0, 1, …; null resamples
    /// rows. With clusters, each resample draws whole clusters with replacement and every row of a
    /// cluster drawn j times gets weight j (the cluster bootstrap, for checkpoints of one run that
    /// are not independent).
    /// </summary>
    internal IReadOnlyList<int>? Clusters { get; init; }
}

/// <summary>
/// The nonparametric bootstrap of a fit (Efron 1979): resample the runs with replacement as
/// integer weights (whole runs when rows are checkpoints of fewer runs, <see cref="FitData.Clusters"/>: the cluster bootstrap; or the clusters of <see cref="BootstrapOptions.Clusters"/>), refit each
/// resample from the full-data optimum, keep the parameters. Rows drawn no time cost nothing in the
/// refit (the vectorised objectives pack the drawn rows), and each refit starts almost undamped,
/// since the full-data optimum is close to the resample's: a few Newton steps. Each end
/// point is checked against a strict convergence test that does not depend on the optimizer's
/// options (<see cref="ConvergenceTest"/>), so an optimizer that stops early (the cause of the implausibly narrow intervals that
/// Besiroglu et al. 2024 found in Hoffmann et al. 2022) is detected rather than trusted.
/// </summary>
internal static class Bootstrap
{
    public static BootstrapSamples Run(FitProblem problem, ReadOnlySpan<double> optimum, OptimizerOptions optimizer, BootstrapOptions options)
    {
        int k = optimum.Length, n = problem.Data.Count, resamples = options.Resamples;
        var data = problem.Data;
        var theta = new double[resamples * k];
        var converged = new bool[resamples];
        var iterations = new int[resamples];
        var start = optimum.ToArray();
        var resampler = Resampler.For(n, options.Clusters ?? data.Clusters);
        // The resample's optimum is near the full-data one: begin with almost undamped Newton steps.
        var refit = optimizer with { InitialDamping = Math.Min(optimizer.InitialDamping, 1e-8) };
        int done = 0;
        Parallel.For(0, resamples, new ParallelOptions { MaxDegreeOfParallelism = options.DegreeOfParallelism },
            () => (Objective: problem.Objective(), Optimizer: new NewtonTrustRegion(k, refit), Weights: new double[n]),
            (r, _, state) =>
            {
                var weights = state.Weights;
                var random = new SplitMix64(options.Seed, r);
                resampler.Draw(ref random, weights);
                state.Objective.SetWeights(weights);
                var x = theta.AsSpan(r * k, k);
                start.CopyTo(x);
                var result = state.Optimizer.Minimize(state.Objective, x);
                converged[r] = ConvergenceTest.Passes(result, n);
                iterations[r] = result.Iterations;
                if (options.Progress is { } progress) progress(Interlocked.Increment(ref done));
                return state;
            },
            _ => { });
        return new BootstrapSamples(resamples, options.Seed, k, theta, converged, iterations);
    }
}

/// <summary>The fitting parameters θ of every resample, with its convergence.</summary>
internal sealed record BootstrapSamples(int Resamples, long Seed, int Dimension, double[] Theta, bool[] Converged, int[] Iterations)
{
    public int ConvergedCount => Converged.Count(c => c);

    /// <summary>
    /// Resamples that stopped where they started without passing the convergence test: the sign of an
    /// optimizer that stops early. (A resample that starts at its own optimum, as every one does on
    /// exact data, passes the test without a step and is not counted.)
    /// </summary>
    public int StoppedAtStart => Enumerable.Range(0, Resamples).Count(r => Iterations[r] == 0 && !Converged[r]);

    public ReadOnlySpan<double> Sample(int r) => Theta.AsSpan(r * Dimension, Dimension);
}

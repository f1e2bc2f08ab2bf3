using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>
/// Runs a local minimization from every point of a start grid, in parallel, and keeps every end
/// point. Results are stored by start index and the best is chosen by (objective, index), so the
/// outcome does not depend on the number of threads.
/// </summary>
internal static class MultiStart
{
    /// <summary>
    /// Where a single-precision objective exists, each start first runs on it until the Newton
    /// decrement is below this fraction of the objective (single precision resolves about 1e-7),
    /// then finishes in double precision with the caller's tolerances.
    /// </summary>
    public const double ApproachTolerance = 1e-6;

    /// <summary>A start stalled within this many iterations is rescued by least squares (Huber's loss only).</summary>
    public const int RescueWithin = 10;

    private sealed record Worker(IObjective? Coarse, IObjective Fine, IObjective? Rescue, NewtonTrustRegion Approach, NewtonTrustRegion Finish,
        NewtonTrustRegion Retry, double[] Start);

    /// <summary>Minimizes from every start of the grid.</summary>
    /// <param name="problem">The objectives (one per worker thread) and the dimension of the search.</param>
    /// <param name="grid">The starting points, in the problem's free parameters.</param>
    /// <param name="options">The local optimizer's tolerances.</param>
    /// <param name="degreeOfParallelism">Threads; −1 for all cores.</param>
    /// <param name="progress">When given, hears (starts finished, starts) about every 1% of them, from worker threads.</param>
    public static MultiStartResult Run(
        FitProblem problem, StartGrid grid, OptimizerOptions options, int degreeOfParallelism, Action<int, int>? progress = null)
    {
        int k = problem.Dimension, count = grid.Count;
        var ends = new double[count * k];
        var results = new LocalResult[count];
        int finished = 0, batch = Math.Max(1, count / 100);
        var approach = options with { DecrementTolerance = Math.Max(options.DecrementTolerance, ApproachTolerance) };
        // After the approach the start is near a minimum more often than not: begin almost undamped.
        var finish = problem.HasCoarse ? options with { InitialDamping = 1e-8 } : options;
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism },
            () => new Worker(problem.Coarse(), problem.Objective(), problem.Rescue(), new NewtonTrustRegion(k, approach), new NewtonTrustRegion(k, finish),
                new NewtonTrustRegion(k, options with { InitialDamping = 1e-8 }), new double[k]),
            (start, _, worker) =>
            {
                var x = ends.AsSpan(start * k, k);
                grid.Point(start, x);
                int approachIterations = 0;
                if (worker.Coarse is { } coarse) approachIterations = worker.Approach.Minimize(coarse, x).Iterations;
                var result = worker.Finish.Minimize(worker.Fine, x);
                result = result with { Iterations = result.Iterations + approachIterations };
                // A start that stalls at once on a Huber plateau (no step helps where every residual is beyond δ) is
                // tried again from where least squares leads it.
                if (result.Reason == ExitReason.Stalled && result.Iterations - approachIterations <= RescueWithin && worker.Rescue is { } rescue)
                {
                    var y = worker.Start;
                    grid.Point(start, y);
                    int rescueIterations = worker.Approach.Minimize(rescue, y).Iterations;
                    var second = worker.Retry.Minimize(worker.Fine, y);
                    if (second.Converged || second.Objective < result.Objective)
                    {
                        y.CopyTo(x);
                        result = second with { Iterations = result.Iterations + rescueIterations + second.Iterations };
                    }
                }
                results[start] = result;
                if (progress is not null && Interlocked.Increment(ref finished) is var done && (done % batch == 0 || done == count))
                    progress(done, count);
                return worker;
            },
            _ => { });
        return new MultiStartResult(k, ends, results);
    }
}

/// <summary>Every start's end point and outcome.</summary>
internal sealed record MultiStartResult(int Dimension, double[] EndPoints, LocalResult[] Results)
{
    public int Count => Results.Length;

    public int ConvergedCount => Results.Count(r => r.Converged);

    public ReadOnlySpan<double> EndPoint(int start) => EndPoints.AsSpan(start * Dimension, Dimension);

    /// <summary>The start with the lowest finite objective (lowest index among ties).</summary>
    public int Best()
    {
        int best = -1;
        for (int i = 0; i < Results.Length; i++)
        {
            double f = Results[i].Objective;
            if (double.IsFinite(f) && (best < 0 || f < Results[best].Objective)) best = i;
        }
        return best;
    }
}

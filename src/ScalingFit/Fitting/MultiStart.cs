using ScalingFit.Fitting.Optimization;
using ScalingFit.Fitting.Search;
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

    /// <summary>
    /// The search asked for: <see cref="StartSearch.Exhaustive"/> runs every start on all runs
    /// (<see cref="Run"/>); <see cref="StartSearch.Screened"/> reaches the same best optimum at a cost
    /// that grows far more slowly with the data (<see cref="ScreenedSearch"/>).
    /// <paramref name="progress"/> gets the number of starts done, after each batch of starts.
    /// </summary>
    public static MultiStartResult Search(
        IScalingLaw law, FitData data, LossFunction loss, StartGrid grid, OptimizerOptions options, int degreeOfParallelism,
        StartSearch search, Action<int>? progress = null) => search == StartSearch.Exhaustive
        ? Run(law, data, loss, grid, options, degreeOfParallelism, progress)
        : ScreenedSearch.Run(law, data, loss, grid, options, degreeOfParallelism, progress);

    /// <summary>Every start on all runs, to its end.</summary>
    public static MultiStartResult Run(
        IScalingLaw law, FitData data, LossFunction loss, StartGrid grid, OptimizerOptions options, int degreeOfParallelism,
        Action<int>? progress = null)
    {
        int k = law.FitParameterNames.Count, count = grid.Count;
        var ends = new double[count * k];
        var results = new LocalResult[count];
        var runs = new LocalRuns(law, data, loss, options);
        int done = 0;
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism }, runs.Create,
            (start, _, worker) =>
            {
                var x = ends.AsSpan(start * k, k);
                grid.Point(start, x);
                results[start] = worker.Minimize(x);
                if (progress is not null && Interlocked.Increment(ref done) % StartScreen.BatchSize == 0) progress(done);
                return worker;
            },
            _ => { });
        progress?.Invoke(count);
        return new MultiStartResult(k, ends, results);
    }
}

/// <summary>Every start's end point and outcome.</summary>
internal sealed record MultiStartResult(int Dimension, double[] EndPoints, LocalResult[] Results)
{
    public int Count => Results.Length;

    public int ConvergedCount => Results.Count(r => r.Converged);

    /// <summary>How a screened search ran; null for the exhaustive search.</summary>
    public Screening? Screening { get; init; }

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

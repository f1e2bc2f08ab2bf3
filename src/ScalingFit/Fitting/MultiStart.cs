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

    /// <summary>A start stalled within this many iterations is rescued by least squares (Huber's loss only).</summary>
    public const int RescueWithin = 10;

    /// <summary>
    /// The search asked for: <see cref="StartSearch.Exhaustive"/> runs every start on all runs
    /// (<see cref="Run"/>, after narrowing a grid that asks for it to its best points by objective,
    /// <see cref="StartScreen"/>); <see cref="StartSearch.Screened"/> reaches the same best optimum at
    /// a cost that grows far more slowly with the data (<see cref="ScreenedSearch"/>).
    /// </summary>
    /// <param name="problem">The objectives (one per worker thread) and the dimension of the search.</param>
    /// <param name="grid">The starting points, in the problem's free parameters.</param>
    /// <param name="options">The local optimizer's tolerances.</param>
    /// <param name="degreeOfParallelism">Threads; −1 for all cores.</param>
    /// <param name="search">Which search.</param>
    /// <param name="progress">When given, hears (starts finished, starts) from worker threads: after each batch of starts (screened) or about every 1% of them (exhaustive).</param>
    public static MultiStartResult Search(
        FitProblem problem, StartGrid grid, OptimizerOptions options, int degreeOfParallelism, StartSearch search,
        Action<int, int>? progress = null)
    {
        if (search == StartSearch.Screened) return ScreenedSearch.Run(problem, grid, options, degreeOfParallelism, progress);
        int points = grid.Count;
        if (grid.Keep is int keep && points > keep) grid = StartScreen.Best(problem, grid, keep, degreeOfParallelism);
        return Run(problem, grid, options, degreeOfParallelism, progress) with { GridPoints = points };
    }

    /// <summary>Minimizes from every start of the grid on all runs, to its end.</summary>
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
        var runs = new LocalRuns(problem, options);
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism }, runs.Create,
            (start, _, worker) =>
            {
                var x = ends.AsSpan(start * k, k);
                grid.Point(start, x);
                results[start] = worker.Minimize(x);
                if (progress is not null && Interlocked.Increment(ref finished) is var done && (done % batch == 0 || done == count))
                    progress(done, count);
                return worker;
            },
            _ => { });
        return new MultiStartResult(k, ends, results) { GridPoints = count };
    }
}

/// <summary>Every start's end point and outcome.</summary>
internal sealed record MultiStartResult(int Dimension, double[] EndPoints, LocalResult[] Results)
{
    public int Count => Results.Length;

    public int ConvergedCount => Results.Count(r => r.Converged);

    /// <summary>How a screened search ran; null for the exhaustive search.</summary>
    public Screening? Screening { get; init; }

    /// <summary>The points of the grid before it was narrowed to its best by objective (<see cref="StartGrid.Keep"/>); the starts when it was not.</summary>
    public int GridPoints { get; init; }

    /// <summary>For the fit's method line: "4500 starts", "64 starts (the best of 21168 by objective)", and how a screened search ran.</summary>
    public string Describe()
    {
        string starts = GridPoints > Count ? $"{Count} starts (the best of {GridPoints} by objective)" : $"{Count} starts";
        return Screening?.Describe(starts) ?? starts;
    }

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

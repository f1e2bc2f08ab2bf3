using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;

namespace ScalingFit.Fitting.Search;

/// <summary>
/// Starts of a grid minimized on one data set (all runs, or a stratified subsample), in
/// batches of <see cref="BatchSize"/> starts run in parallel. A run that joins the path of a run
/// of an earlier batch (<see cref="PathArchive"/>) stops and takes that run's end point and
/// outcome. Batches are fixed, and paths are recorded between batches in start order, so the
/// outcome does not depend on the number of threads.
/// </summary>
internal static class BatchedStarts
{
    /// <summary>Starts per batch: paths recorded by one batch can stop the runs of the next.</summary>
    public const int BatchSize = 64;

    /// <summary>
    /// Runs the starts of the grid with the given indices (in that order; results by position in
    /// <paramref name="starts"/>); <paramref name="progress"/> gets the number of starts done after each batch.
    /// </summary>
    public static ScreenResult Run(
        FitProblem problem, StartGrid grid, IReadOnlyList<int> starts, OptimizerOptions options, int degreeOfParallelism, Action<int>? progress)
    {
        int k = problem.Dimension, count = starts.Count;
        var ends = new double[count * k];
        var results = new LocalResult[count];
        var owners = new int[count];
        var archive = new PathArchive(grid);
        var recorders = new PathRecorder[BatchSize];
        for (int i = 0; i < BatchSize; i++) recorders[i] = new PathRecorder(archive);
        var workers = new LocalRuns(problem, options, Hop: true);
        for (int first = 0; first < count; first += BatchSize)
        {
            int last = Math.Min(count, first + BatchSize);
            Parallel.For(first, last, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism },
                workers.Create,
                (i, _, worker) =>
                {
                    var recorder = recorders[i - first];
                    recorder.Reset();
                    var x = ends.AsSpan(i * k, k);
                    grid.Point(starts[i], x);
                    results[i] = worker.Minimize(x, recorder);
                    return worker;
                },
                _ => { });
            for (int i = first; i < last; i++)
            {
                var recorder = recorders[i - first];
                int owner = recorder.JoinedOwner < 0 ? i : owners[recorder.JoinedOwner];
                owners[i] = owner;
                if (owner != i)
                {
                    ends.AsSpan(owner * k, k).CopyTo(ends.AsSpan(i * k, k));
                    results[i] = results[owner] with { Iterations = results[i].Iterations };
                }
                archive.Add(recorder, owner);
            }
            progress?.Invoke(last);
        }
        return new ScreenResult(new MultiStartResult(k, ends, results), owners, starts);
    }
}

/// <summary>
/// The screen's outcome by position among the starts run: every start's end point and outcome, the
/// position of the start whose run it ended with (its own unless it joined), and the starts' indices in the grid.
/// </summary>
internal sealed record ScreenResult(MultiStartResult Starts, int[] Owners, IReadOnlyList<int> Indices)
{
    /// <summary>Starts that joined another's path.</summary>
    public int Joined => Owners.Where((owner, start) => owner != start).Count();
}

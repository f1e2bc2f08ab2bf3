using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;

namespace ScalingFit.Fitting.Search;

/// <summary>
/// Every start of a grid minimized on one data set (all runs, or a stratified subsample), in
/// batches of <see cref="BatchSize"/> starts run in parallel. A run that joins the path of a run
/// of an earlier batch (<see cref="PathArchive"/>) stops and takes that run's end point and
/// outcome. Batches are fixed, and paths are recorded between batches in start order, so the
/// outcome does not depend on the number of threads.
/// </summary>
internal static class StartScreen
{
    /// <summary>Starts per batch: paths recorded by one batch can stop the runs of the next.</summary>
    public const int BatchSize = 64;

    /// <summary>Runs every start; <paramref name="progress"/> gets the number of starts done after each batch.</summary>
    public static ScreenResult Run(
        IScalingLaw law, FitData data, LossFunction loss, StartGrid grid, OptimizerOptions options, int degreeOfParallelism,
        Action<int>? progress)
    {
        int k = law.FitParameterNames.Count, count = grid.Count;
        var ends = new double[count * k];
        var results = new LocalResult[count];
        var owners = new int[count];
        var archive = new PathArchive(grid);
        var recorders = new PathRecorder[BatchSize];
        for (int i = 0; i < BatchSize; i++) recorders[i] = new PathRecorder(archive);
        var workers = new LocalRuns(law, data, loss, options);
        for (int first = 0; first < count; first += BatchSize)
        {
            int last = Math.Min(count, first + BatchSize);
            Parallel.For(first, last, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism },
                workers.Create,
                (start, _, worker) =>
                {
                    var recorder = recorders[start - first];
                    recorder.Reset();
                    var x = ends.AsSpan(start * k, k);
                    grid.Point(start, x);
                    results[start] = worker.Minimize(x, recorder);
                    return worker;
                },
                _ => { });
            for (int start = first; start < last; start++)
            {
                var recorder = recorders[start - first];
                int owner = recorder.JoinedOwner < 0 ? start : owners[recorder.JoinedOwner];
                owners[start] = owner;
                if (owner != start)
                {
                    ends.AsSpan(owner * k, k).CopyTo(ends.AsSpan(start * k, k));
                    results[start] = results[owner] with { Iterations = results[start].Iterations };
                }
                archive.Add(recorder, owner);
            }
            progress?.Invoke(last);
        }
        return new ScreenResult(new MultiStartResult(k, ends, results), owners);
    }
}

/// <summary>The screen's outcome: every start's end point and outcome, and the start whose run it ended with (itself unless it joined).</summary>
internal sealed record ScreenResult(MultiStartResult Starts, int[] Owners)
{
    /// <summary>Starts that joined another's path.</summary>
    public int Joined => Owners.Where((owner, start) => owner != start).Count();
}

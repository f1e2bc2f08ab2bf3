using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>
/// Screens a dense grid of starting points: the objective is evaluated once at every point (its
/// value only, in parallel), and the points with the lowest values, ties broken by index, are kept
/// to minimize from. The outcome does not depend on the number of threads.
/// </summary>
internal static class StartScreen
{
    public static StartGrid Best(FitProblem problem, StartGrid grid, int keep, int degreeOfParallelism)
    {
        int k = problem.Dimension, count = grid.Count;
        var values = new double[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism },
            () => (Objective: problem.Objective(), Point: new double[k]),
            (i, _, state) =>
            {
                grid.Point(i, state.Point);
                double f = state.Objective.Evaluate(state.Point, Span<double>.Empty, Span<double>.Empty);
                values[i] = double.IsFinite(f) ? f : double.PositiveInfinity;
                return state;
            },
            _ => { });
        var best = Enumerable.Range(0, count).Where(i => double.IsFinite(values[i]))
            .OrderBy(i => values[i]).ThenBy(i => i).Take(keep).ToList();
        if (best.Count == 0) return grid with { Keep = null };
        var points = best.Select(i =>
        {
            var x = new double[k];
            grid.Point(i, x);
            return x;
        }).ToList();
        return StartGrid.Of(points, k);
    }
}

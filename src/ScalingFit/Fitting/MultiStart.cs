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
    public static MultiStartResult Run(
        IScalingLaw law, FitData data, LossFunction loss, StartGrid grid, OptimizerOptions options, int degreeOfParallelism)
    {
        int k = law.FitParameterNames.Count, count = grid.Count;
        var ends = new double[count * k];
        var results = new LocalResult[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism },
            () => (LogLossObjective.For(law, data, loss), new NewtonTrustRegion(k, options)),
            (start, _, state) =>
            {
                var x = ends.AsSpan(start * k, k);
                grid.Point(start, x);
                results[start] = state.Item2.Minimize(state.Item1, x);
                return state;
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

using ScalingFit.Fitting.Optimization;

namespace ScalingFit.Fitting.Search;

/// <summary>A distinct end point of the screen, carried to larger samples of the runs while it may still be the best.</summary>
internal sealed class Candidate(int id, double[] theta, LocalResult result, int rows)
{
    /// <summary>Its rank among the screen's end points (by objective, then start): breaks ties in a fixed way.</summary>
    public int Id { get; } = id;

    /// <summary>Its point in the fit's free parameters φ (θ without constraints).</summary>
    public double[] Theta { get; } = theta;

    /// <summary>The outcome of its latest minimization, on <see cref="Rows"/> rows.</summary>
    public LocalResult Result { get; set; } = result;

    /// <summary>How many rows its latest objective sums over.</summary>
    public int Rows { get; set; } = rows;

    /// <summary>Iterations spent refining it on larger samples.</summary>
    public int RefineIterations { get; set; }

    /// <summary>The starts whose runs ended here (or at a candidate merged into this one).</summary>
    public List<int> Starts { get; } = [];

    /// <summary>The candidate it was merged into (same fit), or null.</summary>
    public Candidate? MergedInto { get; set; }

    /// <summary>Still carried to the next sample (not pruned, not merged).</summary>
    public bool Alive { get; set; } = true;

    public Candidate Root => MergedInto?.Root ?? this;
}

/// <summary>
/// Which candidates survive a sample of the runs: candidates whose predictions (in the residual
/// space, ln L by default) agree on every row of the sample to <see cref="SameFit"/> are one fit
/// (merged into the lower objective); a candidate is dropped when its objective exceeds the best's by more than
/// <see cref="Significance"/> standard errors of the row-by-row difference of losses (a paired test
/// of the sums over all runs, which the sample estimates) and by more than
/// <see cref="NearlyEqual"/> of the best, so that optima the fit's diagnostics call "nearly equal"
/// are always finished on all runs.
/// </summary>
internal static class Candidates
{
    /// <summary>Standard errors by which a candidate must be worse than the best to be dropped.</summary>
    public const double Significance = 6;

    /// <summary>Candidates within this fraction of the best objective are kept whatever the test says (twice the diagnostics' "nearly equal").</summary>
    public const double NearlyEqual = 2 * NonlinearDiagnostics.NearlyEqual;

    /// <summary>Two candidates whose predictions (ln L by default) differ by no more than this (relative beyond 1) on every row are the same fit.</summary>
    public const double SameFit = 1e-9;

    /// <summary>At most this many candidates are carried to the next sample (the lowest objectives).</summary>
    public const int MaxCarried = 32;

    /// <summary>Marks merged and dropped candidates; <paramref name="candidates"/> must be sorted by objective, lowest first.</summary>
    public static void Select(FitProblem sample, IReadOnlyList<Candidate> candidates)
    {
        int n = sample.Data.Count;
        var kept = new List<(Candidate Candidate, double[] Predictions, double[] Losses)>();
        foreach (var candidate in candidates)
        {
            if (!candidate.Alive) continue;
            if (kept.Count >= MaxCarried || !double.IsFinite(candidate.Result.Objective))
            {
                candidate.Alive = false;
                continue;
            }
            var predictions = new double[n];
            var losses = new double[n];
            Evaluate(sample, candidate.Theta, predictions, losses);
            if (kept.Find(k => SamePredictions(k.Predictions, predictions)) is { Candidate: { } same })
            {
                candidate.MergedInto = same;
                candidate.Alive = false;
                continue;
            }
            if (kept.Count > 0 && SignificantlyWorse(kept[0].Losses, losses, kept[0].Candidate.Result.Objective, candidate.Result.Objective))
            {
                candidate.Alive = false;
                continue;
            }
            kept.Add((candidate, predictions, losses));
        }
    }

    /// <summary>The law's value m in the residual space (ln L̂ by default) and the loss ρ(m − y) of every run at φ.</summary>
    public static void Evaluate(FitProblem problem, ReadOnlySpan<double> phi, Span<double> predictions, Span<double> losses)
    {
        var data = problem.Data;
        Span<double> gradient = stackalloc double[phi.Length];
        for (int i = 0; i < data.Count; i++)
        {
            double m = problem.RowModel(phi, i, gradient);
            predictions[i] = m;
            losses[i] = problem.Loss.Evaluate(m - data.Target[i], out _, out _);
        }
    }

    private static bool SamePredictions(double[] a, double[] b)
    {
        for (int i = 0; i < a.Length; i++)
            if (!(Math.Abs(a[i] - b[i]) <= SameFit * Math.Max(1, Math.Abs(a[i])))) return false;
        return true;
    }

    private static bool SignificantlyWorse(double[] best, double[] other, double bestObjective, double objective)
    {
        if (!(objective > bestObjective * (1 + NearlyEqual))) return false;
        int n = best.Length;
        double mean = 0, square = 0;
        for (int i = 0; i < n; i++)
        {
            double d = other[i] - best[i];
            mean += d;
            square += d * d;
        }
        mean /= n;
        double variance = Math.Max(0, square / n - mean * mean) * n / Math.Max(1, n - 1);
        return mean > Significance * Math.Sqrt(variance / n);
    }
}

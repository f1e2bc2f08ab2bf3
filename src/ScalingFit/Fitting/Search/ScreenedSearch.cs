using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;

namespace ScalingFit.Fitting.Search;

/// <summary>
/// A multi-start search whose cost follows the data's size only weakly: every start of the grid is
/// minimized on a stratified subsample of <see cref="ScreenRows"/> runs (all runs when there are
/// no more), runs that join the path of an earlier run stop there (<see cref="StartScreen"/>), and
/// the distinct end points are refined on samples <see cref="LevelFactor"/> times larger in turn,
/// up to all runs, dropping those that are significantly worse than the best at each step
/// (<see cref="Candidates"/>). The answer is the best end point on all runs, as for the exhaustive
/// search (every start on all runs), which it reaches whenever the best optimum on all runs is
/// also a distinct optimum of the subsample reached from some start.
/// </summary>
internal static class ScreenedSearch
{
    /// <summary>Runs in the screening subsample.</summary>
    public const int ScreenRows = 512;

    /// <summary>Each refinement sample is this many times larger than the last (all runs once that passes half of them).</summary>
    public const int LevelFactor = 16;

    /// <summary>A candidate stopped by the iteration limit is run again, up to this many runs in all.</summary>
    public const int RefineRounds = 4;

    public static MultiStartResult Run(
        IScalingLaw law, FitData data, LossFunction loss, StartGrid grid, OptimizerOptions options, int degreeOfParallelism,
        Action<int>? progress)
    {
        int n = data.Count;
        if (n <= ScreenRows)
        {
            var full = StartScreen.Run(law, data, loss, grid, options, degreeOfParallelism, progress);
            return full.Starts with { Screening = new Screening(n, [], full.Joined, 0) };
        }
        var sample = StratifiedSample.Take(data, StratifiedSample.Rows(data, ScreenRows));
        var screen = StartScreen.Run(law, sample, loss, grid, options, degreeOfParallelism, progress);
        var (candidates, of) = FromScreen(screen, ScreenRows);
        Candidates.Select(law, sample, loss, candidates);
        var levels = new List<int>();
        for (int m = ScreenRows; m < n;)
        {
            m = (long)m * LevelFactor > n / 2 ? n : m * LevelFactor;
            var level = m == n ? data : StratifiedSample.Take(data, StratifiedSample.Rows(data, m));
            Refine(law, level, loss, options, degreeOfParallelism, candidates);
            levels.Add(m);
            if (m < n) Candidates.Select(law, level, loss, candidates);
        }
        int finished = candidates.Count(c => c.Alive);
        return Attribute(screen, candidates, of, n, grid.Count) with { Screening = new Screening(ScreenRows, levels, screen.Joined, finished) };
    }

    /// <summary>One candidate per distinct end point of the screen (by objective, then start), lowest objective first.</summary>
    private static (List<Candidate> Candidates, Candidate?[] Of) FromScreen(ScreenResult screen, int rows)
    {
        var starts = screen.Starts;
        var of = new Candidate?[starts.Count];
        var owners = Enumerable.Range(0, starts.Count).Where(s => screen.Owners[s] == s && double.IsFinite(starts.Results[s].Objective))
            .OrderBy(s => starts.Results[s].Objective).ThenBy(s => s).ToList();
        var candidates = new List<Candidate>();
        var byOwner = new Dictionary<int, Candidate>();
        foreach (int s in owners)
        {
            var theta = starts.EndPoint(s);
            // Runs that converged to the same minimum end within rounding of each other: one candidate.
            var same = candidates.Count > 0 && SameEnd(candidates[^1], theta, starts.Results[s].Objective) ? candidates[^1] : null;
            if (same is null)
            {
                same = new Candidate(candidates.Count, theta.ToArray(), starts.Results[s], rows);
                candidates.Add(same);
            }
            byOwner[s] = same;
        }
        for (int s = 0; s < starts.Count; s++)
        {
            if (!byOwner.TryGetValue(screen.Owners[s], out var candidate)) continue;
            of[s] = candidate;
            candidate.Starts.Add(s);
        }
        return (candidates, of);
    }

    private static bool SameEnd(Candidate candidate, ReadOnlySpan<double> theta, double objective)
    {
        if (!(Math.Abs(objective - candidate.Result.Objective) <= 1e-10 * Math.Abs(objective))) return false;
        for (int j = 0; j < theta.Length; j++)
            if (!(Math.Abs(theta[j] - candidate.Theta[j]) <= 1e-6 * (1 + Math.Abs(theta[j])))) return false;
        return true;
    }

    /// <summary>Minimizes every live candidate on <paramref name="level"/> from where it stands, in parallel.</summary>
    private static void Refine(IScalingLaw law, FitData level, LossFunction loss, OptimizerOptions options, int degreeOfParallelism, List<Candidate> candidates)
    {
        var alive = candidates.Where(c => c.Alive).ToArray();
        var runs = new LocalRuns(law, level, loss, options);
        Parallel.For(0, alive.Length, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism }, runs.Create,
            (i, _, worker) =>
            {
                var candidate = alive[i];
                var result = worker.Minimize(candidate.Theta);
                candidate.RefineIterations += result.Iterations;
                // A candidate in a long flat valley may need more than one run's iterations: it is worth finishing.
                for (int round = 1; round < RefineRounds && result.Reason == ExitReason.MaxIterations; round++)
                {
                    result = worker.Minimize(candidate.Theta);
                    candidate.RefineIterations += result.Iterations;
                }
                candidate.Result = result;
                candidate.Rows = level.Count;
                return worker;
            },
            _ => { });
        // Keep the order by objective for the next selection.
        candidates.Sort((a, b) => (a.Alive, b.Alive) switch
        {
            (true, false) => -1,
            (false, true) => 1,
            (true, true) when a.Result.Objective != b.Result.Objective => a.Result.Objective.CompareTo(b.Result.Objective),
            _ => a.Id.CompareTo(b.Id),
        });
    }

    /// <summary>
    /// Every start's outcome: the end point and objective on all runs of the candidate it led to, or,
    /// for a candidate dropped on a sample, its end point there and its objective scaled to all runs.
    /// </summary>
    private static MultiStartResult Attribute(ScreenResult screen, List<Candidate> candidates, Candidate?[] of, int n, int count)
    {
        int k = screen.Starts.Dimension;
        var ends = (double[])screen.Starts.EndPoints.Clone();
        var results = (LocalResult[])screen.Starts.Results.Clone();
        for (int s = 0; s < count; s++)
        {
            if (of[s] is not { } candidate) continue;
            var root = candidate.Root;
            root.Theta.CopyTo(ends.AsSpan(s * k, k));
            var r = root.Result;
            double objective = root.Rows == n ? r.Objective : r.Objective * n / root.Rows;
            results[s] = r with { Objective = objective, Iterations = results[s].Iterations + root.RefineIterations };
        }
        return new MultiStartResult(k, ends, results);
    }
}

/// <summary>How a screened search ran: the subsample the starts ran on, the larger samples the distinct end points were refined on, how many runs joined earlier paths and how many end points were finished on all runs.</summary>
internal sealed record Screening(int ScreenRows, IReadOnlyList<int> LevelRows, int Joined, int Finished)
{
    /// <summary>For the fit's method line, e.g. "4500 starts screened on 512 of the 20000 runs (…), 1 distinct optimum finished on all runs".</summary>
    public string Describe(int starts)
    {
        string joined = $"{Joined} stopped on joining the path of an earlier start";
        if (LevelRows.Count == 0) return $"{starts} starts screened ({joined})";
        string steps = LevelRows.Count == 1 ? "" : $" via {string.Join(", ", LevelRows.Take(LevelRows.Count - 1))} runs";
        return $"{starts} starts screened on a stratified subsample of {ScreenRows} of the {LevelRows[^1]} runs ({joined}), " +
               $"{Finished} distinct {(Finished == 1 ? "optimum" : "optima")} finished on all runs{steps}";
    }
}

using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;

namespace ScalingFit.Fitting.Search;

/// <summary>
/// A multi-start search whose cost follows the data's size only weakly. Every start of the grid is
/// minimized on a stratified subsample of <see cref="ScreenRows"/> runs (all runs when there are
/// no more), and runs that join the path of an earlier run stop there (<see cref="StartScreen"/>).
/// The distinct end points are then refined on samples <see cref="LevelFactor"/> times larger in
/// turn, up to all runs, dropping those significantly worse than the best at each step
/// (<see cref="Candidates"/>). A small sample can lack an optimum that more runs have (a poorly
/// identified fit whose optima trade places with the noise), so at each step a share of the grid's
/// starts, shrinking as the sample grows (<see cref="RestartShare"/>), also runs afresh on the
/// larger sample. The answer is the best end point on all runs, as for the exhaustive search
/// (every start on all runs).
/// </summary>
internal static class ScreenedSearch
{
    /// <summary>Runs in the screening subsample.</summary>
    public const int ScreenRows = 512;

    /// <summary>Each refinement sample is this many times larger than the last (all runs once that passes half of them).</summary>
    public const int LevelFactor = 16;

    /// <summary>A candidate stopped by the iteration limit is run again, up to this many runs in all.</summary>
    public const int RefineRounds = 4;

    /// <summary>
    /// On a sample of m runs, ⌈starts × share × <see cref="ScreenRows"/>/m⌉ starts of the grid run
    /// afresh: each step costs about a quarter of the screen.
    /// </summary>
    public const double RestartShare = 0.25;

    /// <summary>
    /// Searches the grid (narrowed first to its best points by objective on the screening sample
    /// when it asks for that, <see cref="StartGrid.Keep"/>); <paramref name="progress"/> hears (starts
    /// run, starts to run) after each batch of <see cref="BatchedStarts.BatchSize"/> starts, the
    /// restarts on larger samples included.
    /// </summary>
    public static MultiStartResult Run(
        FitProblem problem, StartGrid grid, OptimizerOptions options, int degreeOfParallelism, Action<int, int>? progress)
    {
        var data = problem.Data;
        int n = data.Count, points = grid.Count;
        var screenProblem = n <= ScreenRows ? problem : problem.On(StratifiedSample.Take(data, StratifiedSample.Rows(data, ScreenRows)));
        if (grid.Keep is int keep && points > keep) grid = StartScreen.Best(screenProblem, grid, keep, degreeOfParallelism);
        int count = grid.Count;
        var plan = Levels(n);
        var restarts = plan.Select((m, step) => Restarts(count, m, step)).ToArray();
        int total = count + restarts.Sum(r => r.Length), done = 0;
        Action<int>? Report() => progress is null ? null : finished => progress(done + finished, total);

        var screen = BatchedStarts.Run(screenProblem, grid, Enumerable.Range(0, count).ToArray(), options, degreeOfParallelism, Report());
        done += count;
        if (plan.Count == 0) return screen.Starts with { Screening = new Screening(n, [], screen.Joined, 0), GridPoints = points };
        var candidates = new List<Candidate>();
        var of = new Candidate?[count];
        AddCandidates(screen, ScreenRows, candidates, of);
        Candidates.Select(screenProblem, candidates);
        for (int step = 0; step < plan.Count; step++)
        {
            int m = plan[step];
            var level = m == n ? problem : problem.On(StratifiedSample.Take(data, StratifiedSample.Rows(data, m)));
            Refine(level, options, degreeOfParallelism, candidates);
            AddCandidates(BatchedStarts.Run(level, grid, restarts[step], options, degreeOfParallelism, Report()), m, candidates, of);
            done += restarts[step].Length;
            Sort(candidates);
            if (m < n) Candidates.Select(level, candidates);
        }
        // Restarts on all runs may end where a refined candidate did: count distinct end points.
        var alive = candidates.Where(c => c.Alive).ToList();
        int finished = alive.Where((c, i) => i == 0 || !SameEnd(alive[i - 1], c.Theta, c.Result.Objective)).Count();
        return Attribute(screen, of, n) with { Screening = new Screening(ScreenRows, plan, screen.Joined, finished), GridPoints = points };
    }

    /// <summary>The sizes of the samples the candidates are refined on after the screen: ×<see cref="LevelFactor"/> each, all runs last; none for at most <see cref="ScreenRows"/> runs.</summary>
    private static List<int> Levels(int n)
    {
        var levels = new List<int>();
        for (int m = ScreenRows; m < n;)
        {
            m = (long)m * LevelFactor > n / 2 ? n : m * LevelFactor;
            levels.Add(m);
        }
        return levels;
    }

    /// <summary>The grid indices run afresh on a sample of <paramref name="rows"/> runs: evenly spaced, offset by step.</summary>
    private static int[] Restarts(int count, int rows, int step)
    {
        int wanted = Math.Clamp((int)Math.Ceiling(count * RestartShare * ScreenRows / rows), 1, count);
        int stride = count / wanted;
        return [.. Enumerable.Range(0, wanted).Select(j => (j * stride + step * 7 + stride / 2) % count)];
    }

    /// <summary>One new candidate per distinct end point of a screen (by objective, then start); its starts are attributed to it.</summary>
    private static void AddCandidates(ScreenResult screen, int rows, List<Candidate> candidates, Candidate?[] of)
    {
        var starts = screen.Starts;
        var owners = Enumerable.Range(0, starts.Count).Where(i => screen.Owners[i] == i && double.IsFinite(starts.Results[i].Objective))
            .OrderBy(i => starts.Results[i].Objective).ThenBy(i => screen.Indices[i]).ToList();
        var byOwner = new Dictionary<int, Candidate>();
        Candidate? last = null;
        foreach (int i in owners)
        {
            var theta = starts.EndPoint(i);
            // Runs that converged to the same minimum end within rounding of each other: one candidate.
            if (last is null || !SameEnd(last, theta, starts.Results[i].Objective))
            {
                last = new Candidate(candidates.Count, theta.ToArray(), starts.Results[i], rows);
                candidates.Add(last);
            }
            byOwner[i] = last;
        }
        for (int i = 0; i < starts.Count; i++)
        {
            if (!byOwner.TryGetValue(screen.Owners[i], out var candidate)) continue;
            of[screen.Indices[i]] = candidate;
            candidate.Starts.Add(screen.Indices[i]);
        }
    }

    private static bool SameEnd(Candidate candidate, ReadOnlySpan<double> theta, double objective)
    {
        if (!(Math.Abs(objective - candidate.Result.Objective) <= 1e-10 * Math.Abs(objective))) return false;
        for (int j = 0; j < theta.Length; j++)
            if (!(Math.Abs(theta[j] - candidate.Theta[j]) <= 1e-6 * (1 + Math.Abs(theta[j])))) return false;
        return true;
    }

    /// <summary>Minimizes every live candidate on <paramref name="level"/> from where it stands, in parallel.</summary>
    private static void Refine(FitProblem level, OptimizerOptions options, int degreeOfParallelism, List<Candidate> candidates)
    {
        var alive = candidates.Where(c => c.Alive).ToArray();
        var runs = new LocalRuns(level, options);
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
                candidate.Rows = level.Data.Count;
                return worker;
            },
            _ => { });
    }

    /// <summary>Live candidates first, by objective; then the rest; ties by id.</summary>
    private static void Sort(List<Candidate> candidates) => candidates.Sort((a, b) => (a.Alive, b.Alive) switch
    {
        (true, false) => -1,
        (false, true) => 1,
        (true, true) when a.Result.Objective != b.Result.Objective => a.Result.Objective.CompareTo(b.Result.Objective),
        _ => a.Id.CompareTo(b.Id),
    });

    /// <summary>
    /// Every start's outcome: the end point and objective on all runs of the candidate it led to, or,
    /// for a candidate dropped on a sample, its end point there and its objective scaled to all runs.
    /// </summary>
    private static MultiStartResult Attribute(ScreenResult screen, Candidate?[] of, int n)
    {
        int k = screen.Starts.Dimension;
        var ends = (double[])screen.Starts.EndPoints.Clone();
        var results = (LocalResult[])screen.Starts.Results.Clone();
        for (int s = 0; s < of.Length; s++)
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
    /// <summary>
    /// For the fit's method line, after the starts (e.g. "4500 starts"): "screened on a stratified
    /// subsample of 512 of the 20000 runs (…), 1 distinct optimum finished on all runs".
    /// </summary>
    public string Describe(string starts)
    {
        string joined = $"{Joined} stopped on joining the path of an earlier start";
        if (LevelRows.Count == 0) return $"{starts} screened ({joined})";
        string steps = LevelRows.Count == 1 ? "" : $" via {string.Join(", ", LevelRows.Take(LevelRows.Count - 1))} runs";
        return $"{starts} screened on a stratified subsample of {ScreenRows} of the {LevelRows[^1]} runs ({joined}), " +
               $"{Finished} distinct {(Finished == 1 ? "optimum" : "optima")} finished on all runs{steps}";
    }
}

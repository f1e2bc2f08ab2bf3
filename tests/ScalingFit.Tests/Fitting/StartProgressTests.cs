using ScalingFit.Fitting;
using ScalingFit.Fitting.Search;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Fitting;

/// <summary>
/// The multi-start search tells how far it has come, whichever search runs: in batches of work, in
/// order, with one total, to the end of that total; and watching changes nothing.
/// </summary>
public class StartProgressTests
{
    private static (FitResult Watched, List<(int Done, int Total)> Calls) Watch(StartSearch search)
    {
        var runs = ReportData.Runs;
        var calls = new System.Collections.Concurrent.ConcurrentQueue<(int Done, int Total)>();
        var spec = LawSpec.Create("chinchilla", null);
        var watched = spec.Fit(runs, new NonlinearFitOptions { Search = search, StartProgress = (done, total) => calls.Enqueue((done, total)), DegreeOfParallelism = 2 });
        var plain = spec.Fit(runs, new NonlinearFitOptions { Search = search, DegreeOfParallelism = 2 });
        Assert.Equal(plain.Parameters.Select(p => p.Value), watched.Parameters.Select(p => p.Value));
        Assert.Equal(plain.Statistics.Objective, watched.Statistics.Objective);
        return (watched, calls.ToList());
    }

    [Fact]
    public void Exhaustive_ReportsAboutEveryPercentOfTheStartsUpToAllOfThem_AndChangesNothing()
    {
        var (fit, calls) = Watch(StartSearch.Exhaustive);
        int starts = fit.Convergence.StartsTried;
        Assert.True(starts >= 1000, $"{starts} starts");
        Assert.All(calls, c => Assert.Equal(starts, c.Total));
        // From worker threads, so in any order: the counts reported are distinct, and the last is all the starts.
        var done = calls.Select(c => c.Done).Order().ToList();
        Assert.Equal(starts, done[^1]);
        Assert.Equal(done.Count, done.Distinct().Count());
        // About every 1%: enough to move a bar smoothly, few enough to cost nothing.
        Assert.InRange(done.Count, 50, 101);
        Assert.All(done, d => Assert.True(d % (starts / 100) == 0 || d == starts, $"{d}"));
    }

    [Fact]
    public void Screened_ReportsEveryBatchOfStartsInOrderUpToAllOfThem_AndChangesNothing()
    {
        // 240 runs fit in the screening subsample: every start runs once, in batches, and the search ends with the last batch.
        var (fit, calls) = Watch(StartSearch.Screened);
        int starts = fit.Convergence.StartsTried;
        Assert.True(starts >= 1000, $"{starts} starts");
        int batches = (starts + BatchedStarts.BatchSize - 1) / BatchedStarts.BatchSize;
        var expected = Enumerable.Range(1, batches).Select(b => (Math.Min(starts, b * BatchedStarts.BatchSize), starts));
        // Reported between batches on the calling thread: in order, one call per batch.
        Assert.Equal(expected, calls);
    }
}

using ScalingFit.Fitting;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Fitting;

/// <summary>The multi-start search tells how far it has come: in batches, in order of count, to the last start.</summary>
public class StartProgressTests
{
    [Fact]
    public void StartProgress_ReportsBatchesOfStartsUpToAllOfThem_AndChangesNothing()
    {
        var runs = ReportData.Runs;
        var calls = new System.Collections.Concurrent.ConcurrentQueue<(int Done, int Total)>();
        var spec = LawSpec.Create("chinchilla", null);
        var watched = spec.Fit(runs, new NonlinearFitOptions { StartProgress = (done, total) => calls.Enqueue((done, total)), DegreeOfParallelism = 2 });
        var plain = spec.Fit(runs, new NonlinearFitOptions { DegreeOfParallelism = 2 });

        int starts = watched.Convergence.StartsTried;
        Assert.True(starts >= 1000, $"{starts} starts");
        Assert.All(calls, c => Assert.Equal(starts, c.Total));
        var done = calls.Select(c => c.Done).Order().ToList();
        Assert.Equal(starts, done[^1]);
        Assert.Equal(done.Count, done.Distinct().Count());
        // About every 1%: enough to move a bar smoothly, few enough to cost nothing.
        Assert.InRange(done.Count, 50, 101);
        Assert.All(done, d => Assert.True(d % (starts / 100) == 0 || d == starts, $"{d}"));
        Assert.Equal(plain.Parameters.Select(p => p.Value), watched.Parameters.Select(p => p.Value));
    }
}

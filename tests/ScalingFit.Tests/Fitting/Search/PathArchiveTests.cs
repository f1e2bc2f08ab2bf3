using ScalingFit.Fitting.Optimization;
using ScalingFit.Fitting.Search;
using ScalingFit.Laws;

namespace ScalingFit.Tests.Fitting.Search;

public class PathArchiveTests
{
    // Axes spaced 0.5 and 5: cells are 0.5 and 5 times CellFraction wide.
    private static readonly StartGrid Grid = new([StartGrid.Range(0, 2, 0.5), StartGrid.Range(0, 25, 5)]);

    private static readonly double Wide = 0.5 * PathArchive.CellFraction, Tall = 5 * PathArchive.CellFraction;

    /// <summary>A point (i + 0.2 cells, j + 0.2 cells), inside cell (i, j) away from its edges.</summary>
    private static double[] Cell(double i, double j) => [Wide * (i + 0.2), Tall * (j + 0.2)];

    private static PathArchive WithPath(params (double[] X, double F)[] path)
    {
        var archive = new PathArchive(Grid);
        var recorder = new PathRecorder(archive);
        foreach (var (x, f) in path) Assert.False(recorder.Stop(x, f));
        archive.Add(recorder, owner: 7);
        return archive;
    }

    [Fact]
    public void Stop_InAVisitedCellAtNearlyTheSameObjective_JoinsItsOwner()
    {
        var archive = WithPath((Cell(2, 6), 2.0), (Cell(4, 8), 1.0));
        var recorder = new PathRecorder(archive);
        Assert.False(recorder.Stop(Cell(10, 30), 1.5));
        Assert.True(recorder.Stop(Cell(4.6, 8.7), 1 + PathArchive.ObjectiveTolerance / 2));
        Assert.Equal(7, recorder.JoinedOwner);
    }

    [Theory]
    [InlineData(5, 8, 1.0)]     // the next cell along the first axis
    [InlineData(4, 9, 1.0)]     // the next cell along the second
    [InlineData(4, 8, 1.1)]     // the same cell, 10% higher: another path through it
    public void Stop_ElsewhereOrAtAnotherObjective_RunsOn(double i, double j, double f)
    {
        var recorder = new PathRecorder(WithPath((Cell(4, 8), 1.0)));
        Assert.False(recorder.Stop(Cell(i, j), f));
        Assert.Equal(-1, recorder.JoinedOwner);
    }

    [Fact]
    public void Stop_AnotherPhase_NeverJoins()
    {
        var recorder = new PathRecorder(WithPath((Cell(4, 8), 1.0))) { Phase = 1 };
        Assert.False(recorder.Stop(Cell(4, 8), 1.0));
    }

    [Fact]
    public void Add_CellsKeepTheirFirstOwner()
    {
        var archive = WithPath((Cell(4, 8), 1.0));
        var other = new PathRecorder(new PathArchive(Grid));
        other.Stop(Cell(4, 8), 1.0);
        archive.Add(other, owner: 9);
        var probe = new PathRecorder(archive);
        Assert.True(probe.Stop(Cell(4, 8), 1.0));
        Assert.Equal(7, probe.JoinedOwner);
    }

    [Fact]
    public void Minimize_ObserverStops_EndsJoinedAtTheAcceptedStep()
    {
        // f = (x − 3)² from 0: the first accepted step lands near 3, and the observer stops there.
        var optimizer = new NewtonTrustRegion(1);
        var x = new double[] { 0 };
        var stopper = new StopAtFirst();
        var result = optimizer.Minimize(new Parabola(), x, stopper);
        Assert.Equal(ExitReason.Joined, result.Reason);
        Assert.Equal(1, result.Iterations);
        Assert.Equal(stopper.Seen, x[0]);
        Assert.False(result.Converged);
    }

    private sealed class StopAtFirst : IStepObserver
    {
        public double Seen { get; private set; } = double.NaN;

        public bool Stop(ReadOnlySpan<double> x, double objective)
        {
            Seen = x[0];
            return true;
        }
    }

    private sealed class Parabola : IObjective
    {
        public int Dimension => 1;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient, Span<double> hessian)
        {
            gradient[0] = 2 * (x[0] - 3);
            if (!hessian.IsEmpty) hessian[0] = 2;
            return (x[0] - 3) * (x[0] - 3);
        }
    }
}

using System.Globalization;
using System.Text;
using MathNet.Numerics.Interpolation;
using ScalingFit.Analysis;
using ScalingFit.Data;

namespace ScalingFit.Tests.Analysis;

/// <summary>
/// The Akima vertex of each IsoFLOP budget (issue 11): against MathNet's own Akima interpolant of the
/// same points, minimised by a dense grid and golden-section search (not the derivative roots the
/// library uses), and against the closed-form optimum of the Chinchilla surface along C = 6ND
/// (Hoffmann et al. 2022, Eq. 4: N_opt = G·(C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β))).
/// </summary>
public class IsoFlopAkimaTests
{
    private const double E = 1.69, A = 406.4, B = 410.7, Alpha = 0.34, Beta = 0.28;
    private static readonly double[] Budgets = [6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21];

    /// <summary>L(ln N) = E + A·exp(−α ln N) + B·exp(−β (ln C − ln 6 − ln N)), the Chinchilla surface at D = C/(6N).</summary>
    private static double Loss(double logN, double c) => E + A * Math.Exp(-Alpha * logN) + B * Math.Exp(-Beta * (Math.Log(c) - Math.Log(6) - logN));

    private static double LogOptimum(double c) =>
        Math.Log(Math.Pow(Alpha * A / (Beta * B), 1 / (Alpha + Beta))) + Beta / (Alpha + Beta) * Math.Log(c / 6);

    /// <summary>Nine sizes per budget at the given offsets (ln N) from the closed-form optimum.</summary>
    private static RunSet Runs(double[] offsets, double[] budgets)
    {
        var csv = new StringBuilder("isoflop,N,D,C,loss\n");
        foreach (double c in budgets)
            foreach (double u in offsets)
            {
                double logN = LogOptimum(c) + u, n = Math.Exp(logN);
                csv.Append(CultureInfo.InvariantCulture, $"{c:0.###e0},{n:R},{c / (6 * n):R},{c:R},{Loss(logN, c):R}\n");
            }
        return RunPreparation.Prepare(CsvRunReader.Parse(csv.ToString(), "akima.csv"), RunSelection.None);
    }

    /// <summary>The minimum of MathNet's Akima interpolant by a grid of 20 001 points and golden-section refinement.</summary>
    private static double DenseMinimum(double[] x, double[] y)
    {
        var spline = CubicSpline.InterpolateAkima(x, y);
        int points = 20_001;
        double step = (x[^1] - x[0]) / (points - 1);
        int best = Enumerable.Range(0, points).MinBy(i => spline.Interpolate(x[0] + i * step));
        double lo = x[0] + Math.Max(best - 1, 0) * step, hi = x[0] + Math.Min(best + 1, points - 1) * step;
        double phi = (Math.Sqrt(5) - 1) / 2;
        while (hi - lo > 1e-11)
        {
            double m1 = hi - phi * (hi - lo), m2 = lo + phi * (hi - lo);
            if (spline.Interpolate(m1) < spline.Interpolate(m2)) hi = m2; else lo = m1;
        }
        return (lo + hi) / 2;
    }

    private static readonly double[] Symmetric = [.. Enumerable.Range(-4, 9).Select(k => k / 4.0 * Math.Log(4))];

    [Fact]
    public void AkimaVertex_IsTheMinimumOfMathNetsAkimaInterpolant_AndCloserToEq4ThanTheParabola()
    {
        // Sizes a factor 4 either side of the true optimum: the surface is asymmetric in ln N, so the parabola's vertex is biased.
        var runs = Runs(Symmetric, Budgets);
        var akima = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop", Vertex = IsoFlopVertex.Akima });
        var parabola = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop" });
        Assert.Equal(IsoFlopVertex.Akima, akima.Vertex);
        foreach (double c in Budgets)
        {
            var x = Symmetric.Select(u => LogOptimum(c) + u).ToArray();
            var budget = akima.Budgets.Single(b => Math.Abs(b.Compute / c - 1) < 1e-9);
            Assert.True(budget.Used, budget.Reason);
            Assert.NotNull(budget.Akima);
            double logVertex = Math.Log(budget.OptimalParameterCount);
            Assert.Equal(DenseMinimum(x, x.Select(v => Loss(v, c)).ToArray()), logVertex, 1e-6);
            Assert.True(double.IsNaN(budget.OptimalParameterCountCi95.Lower), "a spline's minimum has no interval");

            double parabolaError = Math.Abs(Math.Log(parabola.Budgets.Single(b => Math.Abs(b.Compute / c - 1) < 1e-9).OptimalParameterCount) - LogOptimum(c));
            double akimaError = Math.Abs(logVertex - LogOptimum(c));
            Assert.True(akimaError < parabolaError, $"C = {c}: Akima off by {akimaError} in ln N, the parabola by {parabolaError}");
        }
        // The frontier through the Akima vertices: within 0.01 of the surface's β/(α+β) = 0.4516.
        Assert.Equal(Beta / (Alpha + Beta), akima.ParameterExponent.Value, 0.01);
    }

    [Fact]
    public void FewerThanFiveSizes_AreRefusedByName_AndAnEdgeMinimumIsLeftOutUnlessKept()
    {
        // Four budgets with nine sizes around the optimum, one with four sizes, one sampled only below its optimum.
        var csv = new StringBuilder("isoflop,N,D,C,loss\n");
        void Add(double c, IEnumerable<double> offsets)
        {
            foreach (double u in offsets)
            {
                double logN = LogOptimum(c) + u, n = Math.Exp(logN);
                csv.Append(CultureInfo.InvariantCulture, $"{c:0.###e0},{n:R},{c / (6 * n):R},{c:R},{Loss(logN, c):R}\n");
            }
        }
        foreach (double c in Budgets[..4]) Add(c, Symmetric);
        Add(1e21, [-0.6, -0.2, 0.2, 0.6]);
        Add(3e21, [-3, -2.5, -2, -1.5, -1]);
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(csv.ToString(), "akima.csv"), RunSelection.None);

        var result = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop", Vertex = IsoFlopVertex.Akima });
        var four = result.Budgets.Single(b => b.Label == "1e21");
        Assert.False(four.Used);
        Assert.Null(four.Akima);
        Assert.Contains("an Akima spline needs 5", four.Reason);
        var edge = result.Budgets.Single(b => b.Label == "3e21");
        Assert.True(edge.MinimumOutsideSizes && !edge.Used, edge.Reason);
        Assert.Equal(Math.Log(edge.SizeRange.Upper), Math.Log(edge.OptimalParameterCount), 12);
        Assert.Contains("largest size sampled", edge.Reason);
        Assert.Contains(result.Warnings, w => w.Contains("3e21") && w.Contains("left out of N_opt"));
        Assert.Equal(4, result.Frontier.Points);

        var kept = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop", Vertex = IsoFlopVertex.Akima, KeepExtrapolated = true });
        Assert.True(kept.Budgets.Single(b => b.Label == "3e21").Used);
        Assert.Equal(5, kept.Frontier.Points);

        // The parabola is not held to five sizes: the four-size budget is used there.
        var parabola = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop" });
        Assert.True(parabola.Budgets.Single(b => b.Label == "1e21").Used);
    }

    [Fact]
    public void AWindowOfFourSizes_LeavesNoBudgetForASpline_AndTheErrorSaysWhy()
    {
        var runs = Runs(Symmetric, Budgets);
        var error = Assert.Throws<FitException>(() =>
            IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop", Vertex = IsoFlopVertex.Akima, Window = 4 }));
        Assert.Contains("an Akima spline needs 5", error.Message);
        Assert.Contains("0 of 9 budgets", error.Message);
    }
}

using System.Globalization;
using ScalingFit.Fitting.Optimization;
using Xunit.Abstractions;

namespace ScalingFit.Tests.Fitting.Optimization.Nist;

/// <summary>
/// Certification of <see cref="NewtonTrustRegion"/> (default options, Gauss–Newton Hessian JᵀJ)
/// against the NIST StRD nonlinear least-squares problems, from both published starting points.
/// The bar: every parameter to at least 6 significant digits and the residual sum of squares to at
/// least 9 (log relative error, LRE; NIST's usual bar is 4–6 for parameters). The runs that do not
/// reach the certified solution have their own tests below, asserting what actually happens.
/// </summary>
public class NewtonTrustRegionNistTests(ITestOutputHelper output)
{
    private const double ParameterDigits = 6;
    private const double ResidualSumOfSquaresDigits = 9;

    /// <summary>Runs that do not reach the certified solution; each has a test of its own below.</summary>
    private static readonly HashSet<(string, int)> Failing = [("BoxBOD", 1), ("MGH10", 1)];

    public static TheoryData<string, int> Certified
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var (name, _) in NistProblem.All)
                for (int start = 1; start <= 2; start++)
                    if (!Failing.Contains((name, start))) data.Add(name, start);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Certified))]
    public void Minimize_FromNistStart_ReachesCertifiedParametersAndResidualSumOfSquares(string name, int start)
    {
        var run = NistRun.Solve(NistProblem.Load(name), start);
        output.WriteLine(run.ToString());
        Assert.True(run.Result.Converged, $"{name} start {start} stopped with {run.Result.Reason}.");
        Assert.True(run.ParameterLre >= ParameterDigits,
            $"{name} start {start}: parameters agree to {run.ParameterLre:F1} digits (LREs {string.Join(", ", run.ParameterLres.Select(l => l.ToString("F1", CultureInfo.InvariantCulture)))}).");
        Assert.True(run.ResidualSumOfSquaresLre >= ResidualSumOfSquaresDigits,
            $"{name} start {start}: RSS {run.ResidualSumOfSquares:R} agrees to {run.ResidualSumOfSquaresLre:F1} digits.");
    }

    [Fact]
    public void Minimize_BoxBodStart1_ReportsStalledOnSaturatedPlateau()
    {
        // From (b1, b2) = (1, 1) the first accepted step jumps to b2 ≈ 115, where exp(−b2·x)
        // underflows to ~1e−50 for every x ≥ 1. The model is then the constant b1, b2's Jacobian
        // column vanishes, and b1 settles at the mean response 172.5 with RSS = Σ(y − ȳ)² = 9771.5,
        // 8.4 times the certified 1168.0. Heavy damping makes every step promise nothing, but the
        // Newton decrement (≈ 2419, half the objective) says this is no minimum: Stalled, not
        // Converged.
        var problem = NistProblem.Load("BoxBOD");
        var run = NistRun.Solve(problem, 1);
        output.WriteLine(run.ToString());

        Assert.Equal(ExitReason.Stalled, run.Result.Reason);
        Assert.False(run.Result.Converged);
        Assert.Equal(problem.Responses.Average(), run.Estimates[0], 1e-6);
        Assert.True(Math.Exp(-run.Estimates[1] * 1.0) < 1e-40, $"b2 = {run.Estimates[1]:R} did not saturate the model.");
        Assert.Equal(9771.5, run.ResidualSumOfSquares, 1e-6);
        Assert.True(run.ResidualSumOfSquares > 8 * problem.CertifiedResidualSumOfSquares);
        Assert.True(run.Result.Decrement > 0.1 * run.Result.Objective,
            $"Decrement {run.Result.Decrement:R} vs objective {run.Result.Objective:R}.");
        Assert.True(run.ParameterLre < 1);
    }

    [Fact]
    public void Minimize_Mgh10Start1_StopsAtIterationLimitWithoutConverging()
    {
        // MGH10 from (2, 4e5, 2.5e4): the iterates slide down the valley b1 → 0 with b2 pinned near
        // 4.26e5 and b3 shrinking slowly; the diagonal of JᵀJ for b1 (exp(b2/(x+b3))²) grows past
        // 1e85 and the steps stay tiny. The run ends honestly at the iteration limit, far from the
        // certified (0.0056, 6181, 345); it does not claim convergence.
        var problem = NistProblem.Load("MGH10");
        var run = NistRun.Solve(problem, 1);
        output.WriteLine(run.ToString());

        Assert.Equal(ExitReason.MaxIterations, run.Result.Reason);
        Assert.False(run.Result.Converged);
        Assert.Equal(OptimizerOptions.Default.MaxIterations, run.Result.Iterations);
        Assert.True(run.Estimates[0] < 1e-30, $"b1 = {run.Estimates[0]:R}.");
        Assert.True(run.ResidualSumOfSquares > 1e6 * problem.CertifiedResidualSumOfSquares);
    }

    [Fact]
    public void Minimize_EveryProblemAndStart_EndsConvergedOnlyAtCertifiedSolutionExceptBoxBodStart1()
    {
        // The guarantee a caller relies on: whenever the optimizer says Converged on these
        // problems, the answer is the certified one, with the single documented exception above.
        foreach (var (name, _) in NistProblem.All)
        {
            for (int start = 1; start <= 2; start++)
            {
                var run = NistRun.Solve(NistProblem.Load(name), start);
                output.WriteLine(run.ToString());
                if (!run.Result.Converged || (name, start) == ("BoxBOD", 1)) continue;
                Assert.True(run.ResidualSumOfSquaresLre >= ResidualSumOfSquaresDigits, $"{name} start {start} converged to RSS {run.ResidualSumOfSquares:R}.");
            }
        }
    }
}

using System.Globalization;
using ScalingFit.Fitting.Optimization;

namespace ScalingFit.Tests.Fitting.Optimization.Nist;

/// <summary>
/// One run of <see cref="NewtonTrustRegion"/> (default options) on a NIST problem from one of its
/// published starting points, scored by the log relative error (LRE) NIST uses:
/// LRE = −log₁₀(|estimate − certified| / |certified|), capped at the 11 certified digits.
/// </summary>
public sealed record NistRun(NistProblem Problem, int Start, LocalResult Result, double[] Estimates, double ResidualSumOfSquares)
{
    /// <summary>Minimizes the problem from start 1 or 2.</summary>
    public static NistRun Solve(NistProblem problem, int start, OptimizerOptions? options = null)
    {
        var objective = LeastSquaresObjective.For(problem);
        double[] x = [.. problem.Start(start)];
        var result = new NewtonTrustRegion(objective.Dimension, options).Minimize(objective, x);
        return new NistRun(problem, start, result, x, objective.ResidualSumOfSquares(x));
    }

    /// <summary>The LRE of each parameter.</summary>
    public double[] ParameterLres => [.. Estimates.Select((b, j) => Lre(b, Problem.Certified[j]))];

    /// <summary>The smallest parameter LRE: the number of digits every parameter agrees to.</summary>
    public double ParameterLre => ParameterLres.Min();

    /// <summary>The LRE of the residual sum of squares.</summary>
    public double ResidualSumOfSquaresLre => Lre(ResidualSumOfSquares, Problem.CertifiedResidualSumOfSquares);

    /// <summary>−log₁₀ of the relative error, 0 for a non-finite estimate, capped at 11.</summary>
    public static double Lre(double estimate, double certified)
    {
        if (!double.IsFinite(estimate)) return 0;
        double relative = Math.Abs(estimate - certified) / Math.Abs(certified);
        return relative == 0 ? NistProblem.CertifiedDigits : Math.Clamp(-Math.Log10(relative), 0, NistProblem.CertifiedDigits);
    }

    /// <summary>A table row: problem, start, iterations, reason, parameter LRE, RSS LRE, RSS.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Problem.Name,-9} start {Start}: {Result.Iterations,4} it  {Result.Reason,-13} LRE(b) {ParameterLre,5:F1}  LRE(RSS) {ResidualSumOfSquaresLre,5:F1}  RSS {ResidualSumOfSquares:E10}  b = [{string.Join(", ", Estimates.Select(b => b.ToString("G11", CultureInfo.InvariantCulture)))}]");
}

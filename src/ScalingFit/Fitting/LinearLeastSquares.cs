using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace ScalingFit.Fitting;

/// <summary>
/// Ordinary least squares y = b₀ + Σⱼ bⱼ·xⱼ by Householder QR (MathNet), with the statistics a
/// report needs: coefficient covariance s²·(XᵀX)⁻¹ = s²·R⁻¹R⁻ᵀ, R², and the condition number of
/// the design (intercept column included, as numpy's cond of the design matrix).
/// </summary>
internal static class LinearLeastSquares
{
    /// <summary>
    /// Designs with a larger condition number are treated as collinear: their coefficients would
    /// carry fewer than about 6 significant digits in double precision.
    /// </summary>
    public const double CollinearConditionNumber = 1e10;

    public static LinearSolution Solve(IReadOnlyList<double[]> regressors, double[] y)
    {
        int n = y.Length, p = regressors.Count + 1;
        var design = new double[n * p];
        Array.Fill(design, 1.0, 0, n);
        for (int j = 1; j < p; j++) Array.Copy(regressors[j - 1], 0, design, j * n, n);
        var x = Matrix<double>.Build.Dense(n, p, design);
        var qr = x.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var r = qr.R;
        var singular = r.Svd(computeVectors: true);
        double condition = singular.S[0] / singular.S[p - 1];
        var smallest = singular.VT.Row(p - 1).ToArray();
        if (!(condition < CollinearConditionNumber))
            return LinearSolution.Singular(condition, smallest, n, p);

        var beta = qr.Solve(Vector<double>.Build.Dense(y)).ToArray();
        double mean = y.Average(), sse = 0, sst = 0;
        for (int i = 0; i < n; i++)
        {
            double fitted = beta[0];
            for (int j = 1; j < p; j++) fitted += beta[j] * design[j * n + i];
            sse += (y[i] - fitted) * (y[i] - fitted);
            sst += (y[i] - mean) * (y[i] - mean);
        }
        var rInverse = r.Inverse();
        var unscaled = (rInverse * rInverse.Transpose()).ToArray();
        int dof = n - p;
        double variance = dof > 0 ? sse / dof : double.NaN;
        return new LinearSolution(beta, unscaled, variance, dof, n, sse, sst > 0 ? 1 - sse / sst : double.NaN,
            condition, smallest);
    }
}

/// <summary>The result of <see cref="LinearLeastSquares.Solve"/>.</summary>
internal sealed record LinearSolution(
    double[] Coefficients, double[,] UnscaledCovariance, double ResidualVariance, int DegreesOfFreedom,
    int Points, double SumOfSquares, double RSquared, double ConditionNumber, double[] NullDirection)
{
    public bool IsSingular => Coefficients.Length == 0;

    public static LinearSolution Singular(double condition, double[] direction, int n, int p) =>
        new([], new double[0, 0], double.NaN, n - p, n, double.NaN, double.NaN, condition, direction);

    /// <summary>Standard error of coefficient j: s·√((XᵀX)⁻¹)ⱼⱼ.</summary>
    public double StandardError(int j) => Math.Sqrt(ResidualVariance * UnscaledCovariance[j, j]);

    /// <summary>Covariance of coefficients j and k: s²·((XᵀX)⁻¹)ⱼₖ.</summary>
    public double Covariance(int j, int k) => ResidualVariance * UnscaledCovariance[j, k];

    /// <summary>The two-sided 95% quantile of Student's t with the residual degrees of freedom.</summary>
    public double T95 => DegreesOfFreedom > 0 ? StudentT.InvCDF(0, 1, DegreesOfFreedom, 0.975) : double.NaN;

    /// <summary>x₀ᵀ(XᵀX)⁻¹x₀ for a design row x₀ = (1, x₁, …): the leverage of a new point.</summary>
    public double Leverage(ReadOnlySpan<double> row)
    {
        double sum = 0;
        for (int j = 0; j < row.Length; j++)
            for (int k = 0; k < row.Length; k++) sum += row[j] * UnscaledCovariance[j, k] * row[k];
        return sum;
    }
}

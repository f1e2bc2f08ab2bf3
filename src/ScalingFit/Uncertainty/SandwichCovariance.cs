using ScalingFit.Fitting;
using ScalingFit.Fitting.Optimization;

namespace ScalingFit.Uncertainty;

/// <summary>
/// The asymptotic covariance of an M-estimator (Huber 1967; White 1980): Cov(θ̂) ≈
/// n/(n−k)·H⁻¹·(Σᵢ ψ(rᵢ)²∇mᵢ∇mᵢᵀ)·H⁻¹, with H the Hessian of the objective at the optimum. For
/// least squares it is the heteroskedasticity-robust (HC1) covariance.
/// </summary>
internal static class SandwichCovariance
{
    /// <summary>The covariance of θ̂ (row-major), or null when H is not positive definite.</summary>
    public static double[]? Compute(FitProblem problem, ReadOnlySpan<double> theta, ReadOnlySpan<double> hessian)
    {
        int k = theta.Length, n = problem.Data.Count;
        var inverse = new double[k * k];
        if (!SmallMatrix.InvertSpd(hessian, inverse)) return null;
        var meat = new double[k * k];
        Span<double> g = stackalloc double[k];
        for (int i = 0; i < n; i++)
        {
            double m = problem.RowModel(theta, i, g);
            problem.Loss.Evaluate(m - problem.Data.Target[i], out var psi, out _);
            for (int a = 0; a < k; a++)
                for (int b = 0; b < k; b++) meat[a * k + b] += psi * psi * g[a] * g[b];
        }
        double correction = n > k ? (double)n / (n - k) : double.NaN;
        var covariance = new double[k * k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                double sum = 0;
                for (int c = 0; c < k; c++)
                    for (int d = 0; d < k; d++) sum += inverse[a * k + c] * meat[c * k + d] * inverse[d * k + b];
                covariance[a * k + b] = correction * sum;
            }
        }
        return covariance;
    }

    /// <summary>J·Σ·Jᵀ: the covariance of y = f(θ) given the covariance of θ and the Jacobian ∂y/∂θ.</summary>
    public static double[] Transform(ReadOnlySpan<double> jacobian, ReadOnlySpan<double> covariance, int rows, int columns)
    {
        var result = new double[rows * rows];
        for (int a = 0; a < rows; a++)
        {
            for (int b = 0; b < rows; b++)
            {
                double sum = 0;
                for (int c = 0; c < columns; c++)
                    for (int d = 0; d < columns; d++) sum += jacobian[a * columns + c] * covariance[c * columns + d] * jacobian[b * columns + d];
                result[a * rows + b] = sum;
            }
        }
        return result;
    }
}

using ScalingFit.Fitting;
using ScalingFit.Fitting.Optimization;

namespace ScalingFit.Uncertainty;

/// <summary>
/// The asymptotic covariance of an M-estimator (Huber 1967; White 1980): Cov(θ̂) ≈
/// n/(n−k)·H⁻¹·(Σᵢ ψ(rᵢ)²∇mᵢ∇mᵢᵀ)·H⁻¹, with H the Hessian of the objective at the optimum. For
/// least squares it is the heteroskedasticity-robust (HC1) covariance. When rows are checkpoints of
/// G runs it is clustered by run (Liang and Zeger 1986; Cameron and Miller 2015, §II.C): each run's
/// scores are summed before they are squared, Cov(θ̂) ≈ c·H⁻¹·(Σ_g s_g s_gᵀ)·H⁻¹ with
/// s_g = Σ_{i∈g} ψ(rᵢ)∇mᵢ and the CR1 small-sample factor c = G/(G−1)·(n−1)/(n−k) (Stata's).
/// </summary>
internal static class SandwichCovariance
{
    /// <summary>The small-sample correction in words, for reports.</summary>
    public const string ClusterCorrection = "CR1: G/(G−1)·(n−1)/(n−k)";

    /// <summary>The covariance of θ̂ (row-major), or null when H is not positive definite.</summary>
    public static double[]? Compute(FitProblem problem, ReadOnlySpan<double> theta, ReadOnlySpan<double> hessian)
    {
        int k = theta.Length, n = problem.Data.Count;
        var inverse = new double[k * k];
        if (!SmallMatrix.InvertSpd(hessian, inverse)) return null;
        var meat = new double[k * k];
        double correction;
        if (problem.Data.Clusters is { } clusters)
        {
            int groups = problem.Data.ClusterCount;
            Meat(problem, theta, clusters, groups, meat);
            correction = n > k && groups > 1 ? groups / (groups - 1.0) * (n - 1.0) / (n - k) : double.NaN;
        }
        else
        {
            Span<double> g = stackalloc double[k];
            for (int i = 0; i < n; i++)
            {
                double m = problem.RowModel(theta, i, g);
                problem.Loss.Evaluate(m - problem.Data.Target[i], out var psi, out _);
                for (int a = 0; a < k; a++)
                    for (int b = 0; b < k; b++) meat[a * k + b] += psi * psi * g[a] * g[b];
            }
            correction = n > k ? (double)n / (n - k) : double.NaN;
        }
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

    /// <summary>Σ_g s_g s_gᵀ with s_g = Σ_{i∈g} ψ(rᵢ)∇mᵢ, the scores summed within each run.</summary>
    private static void Meat(FitProblem problem, ReadOnlySpan<double> theta, int[] clusters, int groups, double[] meat)
    {
        int k = theta.Length;
        var scores = new double[groups * k];
        Span<double> g = stackalloc double[k];
        for (int i = 0; i < problem.Data.Count; i++)
        {
            double m = problem.RowModel(theta, i, g);
            problem.Loss.Evaluate(m - problem.Data.Target[i], out var psi, out _);
            var s = scores.AsSpan(clusters[i] * k, k);
            for (int a = 0; a < k; a++) s[a] += psi * g[a];
        }
        for (int c = 0; c < groups; c++)
        {
            var s = scores.AsSpan(c * k, k);
            for (int a = 0; a < k; a++)
                for (int b = 0; b < k; b++) meat[a * k + b] += s[a] * s[b];
        }
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

using System.Runtime.CompilerServices;

namespace ScalingFit.Fitting.Optimization;

/// <summary>Dense algebra on the few-by-few matrices of a law's Hessian, without allocation.</summary>
internal static class SmallMatrix
{
    /// <summary>
    /// Solves (H + μ·diag(scale))·x = b by Cholesky factorization; false when the damped matrix is
    /// not positive definite. <paramref name="work"/> needs n² entries.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool SolveDamped(ReadOnlySpan<double> h, ReadOnlySpan<double> scale, double mu, ReadOnlySpan<double> b, Span<double> x, Span<double> work)
    {
        int n = b.Length;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = h[i * n + j] + (i == j ? mu * scale[i] : 0);
                for (int k = 0; k < j; k++) sum -= work[i * n + k] * work[j * n + k];
                if (i == j)
                {
                    if (!(sum > 0)) return false;
                    work[i * n + i] = Math.Sqrt(sum);
                }
                else
                {
                    work[i * n + j] = sum / work[j * n + j];
                }
            }
        }
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int k = 0; k < i; k++) sum -= work[i * n + k] * x[k];
            x[i] = sum / work[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = x[i];
            for (int k = i + 1; k < n; k++) sum -= work[k * n + i] * x[k];
            x[i] = sum / work[i * n + i];
        }
        return true;
    }

    /// <summary>xᵀ·A·x for a row-major n×n matrix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Quadratic(ReadOnlySpan<double> a, ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double row = 0;
            for (int j = 0; j < n; j++) row += a[i * n + j] * x[j];
            sum += x[i] * row;
        }
        return sum;
    }

    /// <summary>The inverse of a symmetric positive definite matrix, or false.</summary>
    public static bool InvertSpd(ReadOnlySpan<double> a, Span<double> inverse)
    {
        int n = (int)Math.Round(Math.Sqrt(a.Length));
        Span<double> zero = stackalloc double[n];
        zero.Clear();
        Span<double> e = stackalloc double[n];
        Span<double> column = stackalloc double[n];
        var work = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            e.Clear();
            e[j] = 1;
            if (!SolveDamped(a, zero, 0, e, column, work)) return false;
            for (int i = 0; i < n; i++) inverse[i * n + j] = column[i];
        }
        return true;
    }
}

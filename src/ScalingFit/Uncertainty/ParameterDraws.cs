using ScalingFit.Fitting;

namespace ScalingFit.Uncertainty;

/// <summary>
/// Random draws of a fit's natural parameters for Monte Carlo propagation: the bootstrap resamples
/// when there are any, else the free parameters drawn from their asymptotic normal distribution
/// φ ~ N(φ̂, Σ) and carried through the fit's constraint map (so positivity and bounds hold in
/// every draw). Deterministic for a seed.
/// </summary>
internal sealed class ParameterDraws
{
    private readonly ParameterMap _map;
    private readonly double[] _phi;
    private readonly double[]? _cholesky;
    private readonly IReadOnlyList<double[]> _samples;

    public ParameterDraws(ParameterMap map, double[] phi, double[]? covariance, IReadOnlyList<double[]> samples)
    {
        _map = map;
        _phi = phi;
        _samples = samples;
        _cholesky = covariance is null ? null : Cholesky(covariance, phi.Length);
    }

    /// <summary>Whether the draws carry uncertainty (a bootstrap, or a covariance).</summary>
    public bool HasUncertainty => _samples.Count > 0 || _cholesky is not null || _phi.Length == 0;

    /// <summary>The natural parameters of draw number <paramref name="index"/> of the stream seeded by <paramref name="seed"/>.</summary>
    public double[] Draw(long seed, int index)
    {
        if (_samples.Count > 0)
        {
            var random = new SplitMix64(seed, index);
            return _samples[random.NextIndex(_samples.Count)];
        }
        int k = _phi.Length;
        var phi = (double[])_phi.Clone();
        if (_cholesky is { } l)
        {
            var random = new SplitMix64(seed, index);
            var z = new double[k];
            for (int i = 0; i < k; i++) z[i] = Normal(ref random);
            for (int i = 0; i < k; i++)
                for (int j = 0; j <= i; j++) phi[i] += l[i * k + j] * z[j];
        }
        return _map.Natural(phi);
    }

    /// <summary>A standard normal variate by the Box–Muller transform.</summary>
    public static double Normal(ref SplitMix64 random)
    {
        double u1 = ((random.Next() >> 11) + 0.5) / (1UL << 53), u2 = (random.Next() >> 11) / (double)(1UL << 53);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>The lower-triangular L with LLᵀ = A, or null when A is not positive definite.</summary>
    private static double[]? Cholesky(double[] a, int k)
    {
        var l = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[i * k + j];
                for (int m = 0; m < j; m++) sum -= l[i * k + m] * l[j * k + m];
                if (i == j)
                {
                    if (!(sum > 0)) return null;
                    l[i * k + i] = Math.Sqrt(sum);
                }
                else l[i * k + j] = sum / l[j * k + j];
            }
        }
        return l;
    }
}

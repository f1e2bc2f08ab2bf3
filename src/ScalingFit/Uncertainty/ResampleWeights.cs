using ScalingFit.Fitting;

namespace ScalingFit.Uncertainty;

/// <summary>
/// The one place where a bootstrap resample's weights are drawn. Resample r of seed s draws from its
/// own SplitMix64 stream (s, r), so a resample does not depend on the thread that runs it. Rows that
/// are their own runs are drawn n times with replacement (wᵢ = how often row i was drawn); rows that
/// are checkpoints of G runs are resampled as whole runs (the cluster bootstrap, Davison and Hinkley
/// 1997, §3.8): G runs are drawn with replacement and every row of a run drawn m times gets weight m.
/// One instance per thread; it reuses its arrays.
/// </summary>
internal sealed class ResampleWeights
{
    private readonly double[] _weights;
    private readonly int[]? _clusters;
    private readonly int[] _counts;

    public ResampleWeights(FitData data)
    {
        _weights = new double[data.Count];
        _clusters = data.Clusters;
        _counts = new int[data.ClusterCount];
    }

    /// <summary>The weights of resample <paramref name="resample"/> of the bootstrap seeded by <paramref name="seed"/> (valid until the next call).</summary>
    public double[] Draw(long seed, int resample)
    {
        var random = new SplitMix64(seed, resample);
        int n = _weights.Length;
        if (_clusters is not { } clusters)
        {
            Array.Clear(_weights);
            for (int i = 0; i < n; i++) _weights[random.NextIndex(n)] += 1;
            return _weights;
        }
        int g = _counts.Length;
        Array.Clear(_counts);
        for (int j = 0; j < g; j++) _counts[random.NextIndex(g)]++;
        for (int i = 0; i < n; i++) _weights[i] = _counts[clusters[i]];
        return _weights;
    }
}

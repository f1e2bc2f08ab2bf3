namespace ScalingFit.Uncertainty;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast generator whose stream is fixed by its
/// seed on every platform and .NET version (System.Random's algorithm is not guaranteed). One
/// stream per bootstrap resample, seeded from (seed, resample index), makes results independent of
/// which thread runs which resample.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(long seed, int stream)
    {
        _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ ((ulong)stream + 1) * 0xBF58476D1CE4E5B9UL);
        Next();
    }

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, n) by Lemire's multiply-shift.</summary>
    public int NextIndex(int n) => (int)Math.BigMul(Next(), (ulong)n, out _);
}

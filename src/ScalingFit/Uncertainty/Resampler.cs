namespace ScalingFit.Uncertainty;

/// <summary>
/// Draws the weights of one bootstrap resample: n rows with replacement, or, with clusters, as
/// many clusters as there are with replacement, every row of a cluster weighted by how often its
/// cluster was drawn.
/// </summary>
internal sealed class Resampler
{
    private readonly int _rows;
    private readonly int[][]? _members;

    private Resampler(int rows, int[][]? members)
    {
        _rows = rows;
        _members = members;
    }

    /// <summary>A resampler of <paramref name="rows"/> rows, by cluster when <paramref name="clusters"/> (one id per row, 0, 1, …) is given.</summary>
    /// <exception cref="ArgumentException">The clusters do not match the rows.</exception>
    public static Resampler For(int rows, IReadOnlyList<int>? clusters)
    {
        if (clusters is null) return new Resampler(rows, null);
        if (clusters.Count != rows) throw new ArgumentException($"{clusters.Count} cluster ids for {rows} rows", nameof(clusters));
        int count = 0;
        foreach (int c in clusters)
        {
            if (c < 0) throw new ArgumentException($"cluster id {c} is negative", nameof(clusters));
            count = Math.Max(count, c + 1);
        }
        var sizes = new int[count];
        foreach (int c in clusters) sizes[c]++;
        var members = sizes.Select(size => new int[size]).ToArray();
        Array.Clear(sizes);
        for (int row = 0; row < rows; row++) members[clusters[row]][sizes[clusters[row]]++] = row;
        // Ids that name no row are not clusters.
        return new Resampler(rows, members.Where(m => m.Length > 0).ToArray());
    }

    /// <summary>Fills <paramref name="weights"/> (one per row) with the multiplicities of one resample.</summary>
    public void Draw(ref SplitMix64 random, double[] weights)
    {
        Array.Clear(weights);
        if (_members is null)
        {
            for (int i = 0; i < _rows; i++) weights[random.NextIndex(_rows)] += 1;
            return;
        }
        for (int i = 0; i < _members.Length; i++)
            foreach (int row in _members[random.NextIndex(_members.Length)]) weights[row] += 1;
    }
}

namespace ScalingFit.Plotting;

/// <summary>
/// The transformer shapes a what-if figure compares: widths d (d_model) and depths L (layers), each
/// combination counted by <see cref="Estimate"/>.
/// </summary>
/// <param name="Widths">Model widths d, at least two, all positive.</param>
/// <param name="Depths">Numbers of layers L, at least two, all positive.</param>
public sealed record ParameterCountGrid(IReadOnlyList<int> Widths, IReadOnlyList<int> Depths)
{
    /// <summary>At most this many widths or depths, so the lines stay apart.</summary>
    public const int MaxValues = 8;

    /// <summary>Widths 512 to 8192 and depths 12 to 96, doubling: GPT-2 small to GPT-3 scale.</summary>
    public static ParameterCountGrid Default { get; } = new([512, 1024, 2048, 4096, 8192], [12, 24, 48, 96]);

    /// <summary>
    /// The non-embedding parameter count N ≈ 12·L·d² of a decoder-only transformer with d_attn = d
    /// and d_ff = 4d (Kaplan et al. 2020, Eq. 2.1: N ≈ 2·d·L·(2·d_attn + d_ff)).
    /// </summary>
    public static double Estimate(double width, double depth) => 12.0 * depth * width * width;

    /// <summary>Checks the grid.</summary>
    /// <exception cref="OptionException">Fewer than two or more than <see cref="MaxValues"/> values, or one not positive.</exception>
    public ParameterCountGrid Validated()
    {
        Check(Widths, "widths");
        Check(Depths, "depths");
        return this;
    }

    private static void Check(IReadOnlyList<int> values, string name)
    {
        if (values.Count < 2 || values.Count > MaxValues)
            throw new OptionException($"the what-if figure needs 2 to {MaxValues} {name}, got {values.Count}.");
        foreach (int value in values)
            if (value <= 0) throw new OptionException($"{name} must be positive, got {value}.");
        if (values.Distinct().Count() != values.Count)
            throw new OptionException($"the {name} {string.Join(",", values)} repeat a value.");
    }
}

namespace ScalingFit.Plotting.Style;

/// <summary>
/// Nested sets of round values for a logarithmic axis, coarse to fine, as matplotlib's LogLocator
/// draws them and finer: every k-th decade; powers of ten; 1, 2, 5 × 10ᵏ; 1 to 9 × 10ᵏ; then each
/// decade stepped more finely in round steps (0.5, 0.2, 0.1, …: 2.5, 3; 2.2, 2.4; 2.1, 2.2), the part
/// of the decade with the widest gap first, so that a level's ticks spread about evenly in log space.
/// </summary>
internal static class LogTickLevels
{
    /// <summary>One level: which mantissas m in [1, 10) are ticks (m·10ᵉ), and every how many decades.</summary>
    /// <param name="Steps">Step of the mantissa in [1, 2), [2, 5) and [5, 10); null for the named sets.</param>
    /// <param name="Mantissas">The mantissas of a named set (1; 1, 2, 5; 1 to 9), or null.</param>
    /// <param name="EveryDecades">Only every k-th decade (k ≥ 1), for the coarsest levels.</param>
    internal sealed record Level(double[]? Steps, double[]? Mantissas, int EveryDecades);

    /// <summary>The index in <see cref="All"/> of the level with a tick at every power of ten.</summary>
    public const int EveryDecade = 4;

    /// <summary>
    /// Levels for the range [<paramref name="lower"/>, <paramref name="upper"/>] (log₁₀ coordinates), from
    /// the coarsest to one whose steps reach <paramref name="finest"/> (relative to the part of the decade).
    /// Below 1 to 9 × 10ᵏ each level refines the part of the decade (1–2, 2–5 or 5–10) where the
    /// widest gap between the previous level's ticks in the range lies, so the ticks fill it evenly.
    /// </summary>
    public static IEnumerable<Level> All(double lower, double upper, double finest = 1e-4)
    {
        foreach (int k in new[] { 10, 5, 3, 2 }) yield return new Level(null, [1], k);
        yield return new Level(null, [1], 1);
        yield return new Level(null, [1, 2, 5], 1);
        var steps = new[] { 1.0, 1.0, 1.0 };
        var level = new Level(steps.ToArray(), null, 1);
        yield return level;
        while (steps.Min() > finest)
        {
            var ticks = Ticks(level, lower, upper);
            var edges = ticks.Prepend(lower).Append(upper).Distinct().Order().ToList();
            int widest = Enumerable.Range(1, edges.Count - 1).MaxBy(i => edges[i] - edges[i - 1]);
            double middle = (edges[widest] + edges[widest - 1]) / 2;
            double mantissa = Math.Pow(10, middle - Math.Floor(middle));
            int part = mantissa < 2 ? 0 : mantissa < 5 ? 1 : 2;
            steps[part] = Finer(steps[part]);
            level = new Level(steps.ToArray(), null, 1);
            yield return level;
        }
    }

    private static readonly double[] Starts = [1, 2, 5];

    /// <summary>The next finer round step: 1 → 0.5 → 0.2 → 0.1 → 0.05 → ….</summary>
    private static double Finer(double step)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
        double mantissa = Math.Round(step / power);
        return mantissa switch
        {
            1 => power / 2,   // 1 → 0.5
            5 => 2 * power,   // 0.5 → 0.2
            _ => power,       // 0.2 → 0.1
        };
    }

    /// <summary>The level's ticks in [lower, upper] (log₁₀ coordinates), as log₁₀ of round values.</summary>
    public static List<double> Ticks(Level level, double lower, double upper)
    {
        var ticks = new List<double>();
        for (int e = (int)Math.Floor(lower) - 1; e <= (int)Math.Ceiling(upper); e++)
        {
            if (e % level.EveryDecades != 0) continue;
            foreach (double m in Mantissas(level))
            {
                double value = Round(m * Math.Pow(10, e));
                double position = Math.Log10(value);
                if (position >= lower - 1e-9 && position <= upper + 1e-9) ticks.Add(position);
            }
        }
        return ticks;
    }

    private static IEnumerable<double> Mantissas(Level level)
    {
        if (level.Mantissas is { } named)
        {
            foreach (double m in named) yield return m;
            yield break;
        }
        var steps = level.Steps!;
        double[] ends = [2, 5, 10];
        for (int part = 0; part < 3; part++)
            for (int i = 0; Starts[part] + i * steps[part] < ends[part] - 1e-9; i++)
                yield return Starts[part] + i * steps[part];
    }

    /// <summary>The value to 12 significant digits, so 3 × 0.1 is 0.3 and labels print short.</summary>
    public static double Round(double value)
    {
        if (value == 0 || !double.IsFinite(value)) return value;
        double scale = Math.Pow(10, 11 - Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value * scale) / scale;
    }
}

using System.Globalization;
using ScottPlot;

namespace ScalingFit.Plotting.Style;

/// <summary>
/// Ticks for an axis whose coordinates are log₁₀ of the value, chosen when the plot is laid out,
/// from the axis's length in pixels and its labels' measured size: labelled ticks at round values
/// spread over the range (powers of ten over many decades; 2, 3, 5 or 2.2, 2.4, 2.6 over less than
/// one), at least <see cref="MinimumLabels"/> of them where the range allows, never overlapping, each
/// label at most about eight characters (10⁹, 2×10⁹, 2.5, 0.04); unlabelled minor ticks at the next
/// finer round values that stay a few pixels apart. In the manner of matplotlib's LogLocator.
/// </summary>
internal sealed class LogTicks : ITickGenerator
{
    /// <summary>Labelled ticks wanted on an axis long enough for them.</summary>
    public const int MinimumLabels = 4;

    /// <summary>Fewest pixels between minor ticks.</summary>
    private const float MinorGap = 5;

    /// <inheritdoc />
    public Tick[] Ticks { get; set; } = [];

    /// <inheritdoc />
    public int MaxTickCount { get; set; } = 10_000;

    /// <inheritdoc />
    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        bool vertical = edge.IsVertical();
        Ticks = Generate(range.Min, range.Max, size.Length, text =>
        {
            var measured = labelStyle.Measure(text, paint).Size;
            return vertical ? measured.Height : measured.Width;
        });
    }

    /// <summary>
    /// The ticks of an axis over [<paramref name="lower"/>, <paramref name="upper"/>] (log₁₀ coordinates)
    /// drawn <paramref name="pixels"/> long, where <paramref name="extent"/> gives a label's size along the axis.
    /// </summary>
    public static Tick[] Generate(double lower, double upper, double pixels, Func<string, float> extent)
    {
        if (!(upper > lower) || !double.IsFinite(lower) || !double.IsFinite(upper) || !(pixels > 0)) return [];
        double perDecade = pixels / (upper - lower);
        float gap = extent("0") * 0.6f + 6;
        var levels = LogTickLevels.All(lower, upper, Math.Max(1e-6, Math.Pow(10, upper - lower) - 1) / 50).ToList();

        // The coarsest level with enough ticks (every decade rather than every other one when they fit);
        // where its labels would crowd, the finer ticks yield to the rounder.
        int major = levels.FindIndex(l => LogTickLevels.Ticks(l, lower, upper) is var t && t.Count >= Wanted(pixels) && Spread(t, lower, upper));
        if (major < 0) major = levels.Count - 1;
        if (major < LogTickLevels.EveryDecade && Fits(LogTickLevels.Ticks(levels[LogTickLevels.EveryDecade], lower, upper), perDecade, gap, extent))
            major = LogTickLevels.EveryDecade;
        // The level's ticks labelled rounder first, skipping any whose label would touch one already placed;
        // a coarser level wins when it places as many labels (2, 4 rather than 2, 2.5 where 2.5 crowds 3).
        var labelled = Place(levels, major, lower, upper, perDecade, gap, extent);
        for (int i = major - 1; i >= Math.Min(major, LogTickLevels.EveryDecade); i--)
        {
            var coarser = Place(levels, i, lower, upper, perDecade, gap, extent);
            if (coarser.Count >= labelled.Count) labelled = coarser;
        }
        var rank = LogTickLevels.Ticks(levels[major], lower, upper);

        // Minor ticks: the finer of the next two levels whose ticks stay apart.
        var minor = new List<double>();
        for (int i = Math.Min(levels.Count - 1, major + 2); i > major; i--)
        {
            var ticks = LogTickLevels.Ticks(levels[i], lower, upper);
            if (ticks.Count < 2 || ticks.Zip(ticks.Skip(1), (a, b) => (b - a) * perDecade).Min() >= MinorGap)
            {
                minor = ticks;
                break;
            }
        }
        // Powers of ten read alike: 1 becomes 10⁰ beside 10⁵ and 10¹⁰.
        if (labelled.Count > 1 && labelled.All(l => Math.Abs(l.Position - Math.Round(l.Position)) < 1e-9) && labelled.Any(l => l.Label.StartsWith("10", StringComparison.Ordinal) && l.Label.Length > 2 && !char.IsAsciiDigit(l.Label[2])))
            labelled = labelled.Select(l => l with { Label = Style.Ticks.PowerOfTen((int)Math.Round(l.Position)) }).ToList();
        var taken = labelled.Select(l => l.Position).ToHashSet();
        return labelled.OrderBy(l => l.Position).Select(l => new Tick(l.Position, l.Label, true))
            .Concat(minor.Concat(rank).Where(p => !taken.Contains(p)).Distinct().Select(p => new Tick(p, "", false)))
            .OrderBy(t => t.Position).ToArray();
    }

    /// <summary>Labels for the ticks of level <paramref name="index"/>: each ranked by the coarsest level that has it, placed greedily without touching.</summary>
    private static List<(double Position, string Label, double From, double To)> Place(
        List<LogTickLevels.Level> levels, int index, double lower, double upper, double perDecade, float gap, Func<string, float> extent)
    {
        var rank = LogTickLevels.Ticks(levels[index], lower, upper).ToDictionary(t => t, _ => index);
        for (int i = index - 1; i >= Math.Min(index, LogTickLevels.EveryDecade); i--)
            foreach (double t in LogTickLevels.Ticks(levels[i], lower, upper))
                if (rank.ContainsKey(t)) rank[t] = i;
        var labelled = new List<(double Position, string Label, double From, double To)>();
        foreach (var (position, _) in rank.OrderBy(r => r.Value).ThenBy(r => r.Key))
        {
            string label = Label(LogTickLevels.Round(Math.Pow(10, position)));
            double half = (extent(label) + gap) / 2 / perDecade;
            if (labelled.Any(l => position - half < l.To && position + half > l.From)) continue;
            labelled.Add((position, label, position - half, position + half));
        }
        return labelled;
    }

    /// <summary>Whether labels at every one of the positions (at most ten) fit without touching.</summary>
    private static bool Fits(List<double> positions, double perDecade, float gap, Func<string, float> extent)
    {
        if (positions.Count is < 2 or > 10) return false;
        for (int i = 1; i < positions.Count; i++)
        {
            double room = (positions[i] - positions[i - 1]) * perDecade;
            double need = (extent(Label(Math.Pow(10, positions[i]))) + extent(Label(Math.Pow(10, positions[i - 1])))) / 2 + gap;
            if (room < need) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether ticks spread over the axis: neither end lies farther from the nearest tick than the widest
    /// gap between ticks, or than a third of the axis (0.8, 0.9, 1 on an axis up to 1.45 leave its upper
    /// half unlabelled; a finer level labels it).
    /// </summary>
    private static bool Spread(List<double> ticks, double lower, double upper)
    {
        if (ticks.Count < 2) return false;
        double widest = ticks.Zip(ticks.Skip(1), (a, b) => b - a).Max();
        double allowed = Math.Max(widest, (upper - lower) / 3);
        return ticks[0] - lower <= allowed && upper - ticks[^1] <= allowed;
    }

    /// <summary>Labels wanted: <see cref="MinimumLabels"/>, three on a short axis, two on a very short one.</summary>
    private static int Wanted(double pixels) => pixels < 150 ? 2 : pixels < 300 ? 3 : MinimumLabels;

    /// <summary>
    /// A round value as a label: plain from 0.01 to 10⁵ (0.04, 2.5, 300), else 10⁹ or 2×10⁹ with a
    /// superscript exponent.
    /// </summary>
    public static string Label(double value)
    {
        double magnitude = Math.Abs(value);
        if (magnitude >= 0.01 && magnitude < 1e5) return value.ToString("0.####", CultureInfo.InvariantCulture);
        int exponent = (int)Math.Floor(Math.Log10(magnitude) + 1e-9);
        double mantissa = LogTickLevels.Round(value / Math.Pow(10, exponent));
        string m = mantissa.ToString("0.###", CultureInfo.InvariantCulture);
        return m == "1" ? Style.Ticks.PowerOfTen(exponent) : $"{m}×{Style.Ticks.PowerOfTen(exponent)}";
    }
}

namespace ScalingFit.Laws.Formulas;

/// <summary>
/// Default starting points of a formula law, from each parameter's role and the data: positive
/// scales over many decades in log space (as far as a term A·x^−α with α ≤ 2 may need at these
/// inputs), exponents over [0, 2], offsets at and below the smallest target, other coefficients
/// around zero. The grid is dense (thousands of points), so it is screened: every point is
/// evaluated once, and only the best <see cref="Screened"/> are minimized from.
/// </summary>
internal static class FormulaStarts
{
    /// <summary>How many of the grid's points are minimized from.</summary>
    public const int Screened = 64;

    /// <summary>Grids larger than this are thinned to every k-th point (deterministically) before the screen.</summary>
    public const int MaximumGrid = 40_000;

    private static readonly double[] Exponents = [0, 0.25, 0.5, 0.75, 1, 1.5, 2];

    public static StartGrid Grid(FormulaLaw law, IReadOnlyDictionary<string, ParameterRole> roles, IReadOnlyDictionary<string, FormulaParameter> given, StartContext context)
    {
        double yMin = context.TargetRange.Lower, yMax = context.TargetRange.Upper, yMedian = context.TargetMedian;
        double span = context.InputRanges.Select(r => Math.Max(Math.Abs(SafeLog(r.Lower)), Math.Abs(SafeLog(r.Upper)))).DefaultIfEmpty(0).Max();
        var axes = law.Parameters.Select(p =>
        {
            IReadOnlyList<double> natural = given.TryGetValue(p.Name, out var g) && g.StartsFor is { } f ? f(context)
                : p.Starts is { } s ? Spread(s, p.Positive)
                : Default(p, yMin, yMax, yMedian, span);
            var inside = natural.Where(v => p.Allows(v)).Select(p.ToTheta).Where(double.IsFinite).Distinct().ToArray();
            return (IReadOnlyList<double>)(inside.Length > 0 ? inside : [p.ToTheta(Interior(p))]);
        }).ToList();
        var grid = new StartGrid(axes);
        if (grid.Count > MaximumGrid)
        {
            long count = axes.Aggregate(1L, (n, a) => n * a.Count);
            long stride = (count + MaximumGrid - 1) / MaximumGrid;
            var points = new List<double[]>();
            var x = new double[axes.Count];
            // Strides that share a factor with an axis would repeat the same values of it; step by a stride coprime with every axis length.
            while (axes.Any(a => Gcd(stride, a.Count) != 1)) stride++;
            for (long i = 0; i < count && points.Count < MaximumGrid; i += stride)
            {
                Point(axes, i, x);
                points.Add((double[])x.Clone());
            }
            grid = StartGrid.Of(points, axes.Count);
        }
        return grid.Count > Screened ? grid with { Keep = Screened } : grid;
    }

    /// <summary>Two values are a range to spread five starts over (log-spaced for a positive parameter); more are the starts themselves.</summary>
    private static IReadOnlyList<double> Spread(IReadOnlyList<double> values, bool positive)
    {
        if (values.Count != 2) return values;
        double a = values[0], b = values[1];
        return positive && a > 0 && b > 0
            ? Enumerable.Range(0, 5).Select(i => Math.Exp(Math.Log(a) + (Math.Log(b) - Math.Log(a)) * i / 4)).ToArray()
            : Enumerable.Range(0, 5).Select(i => a + (b - a) * i / 4).ToArray();
    }

    private static IReadOnlyList<double> Default(LawParameter p, double yMin, double yMax, double yMedian, double span)
    {
        switch (p.Role)
        {
            case ParameterRole.Exponent:
                return Exponents;
            case ParameterRole.Scale when p.Positive:
            {
                // A·x^−α ≈ y needs ln A ≈ ln y + α·ln x: from below the smallest target to what α = 2 asks at the largest input.
                double low = SafeLog(Math.Abs(yMin)) - 3, high = SafeLog(Math.Abs(yMax)) + 2 * span;
                int count = (int)Math.Clamp(Math.Ceiling((high - low) / 5) + 1, 4, 12);
                return Enumerable.Range(0, count).Select(i => Math.Exp(low + (high - low) * i / (count - 1))).ToArray();
            }
            case ParameterRole.Offset:
                return yMin > 0 ? [0, 0.5 * yMin, 0.9 * yMin] : [yMin, 0, yMedian];
            default:
                double scale = Math.Abs(yMedian) > 0 && double.IsFinite(yMedian) ? Math.Abs(yMedian) : 1;
                return p.Positive ? [0.01 * scale, 0.1 * scale, scale, 10 * scale] : [-scale, -0.1 * scale, 0, 0.1 * scale, scale];
        }
    }

    /// <summary>A value inside the parameter's bounds for when no default is.</summary>
    private static double Interior(LawParameter p)
    {
        var b = p.Bounds;
        double lo = p.Positive ? Math.Max(b.Lower, 0) : b.Lower;
        if (double.IsFinite(lo) && double.IsFinite(b.Upper)) return 0.5 * (lo + b.Upper);
        if (double.IsFinite(lo)) return lo + 1;
        if (double.IsFinite(b.Upper)) return b.Upper - 1;
        return p.Positive ? 1 : 0;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private static void Point(IReadOnlyList<IReadOnlyList<double>> axes, long index, double[] x)
    {
        for (int j = axes.Count - 1; j >= 0; j--)
        {
            x[j] = axes[j][(int)(index % axes[j].Count)];
            index /= axes[j].Count;
        }
    }

    private static double SafeLog(double v) => v > 0 && double.IsFinite(v) ? Math.Log(v) : 0;
}

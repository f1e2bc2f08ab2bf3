using System.Globalization;

namespace ScalingFit.Architecture;

/// <summary>
/// What-if scaling of a shape: multiply the width by k_d and the depth by k_n. Since
/// N = 2·d·L·(2·d_attn + d_ff) and d_attn, d_ff grow with d, N' = k_n·k_d²·N: width acts
/// quadratically, depth linearly.
/// </summary>
public static class ShapeScaling
{
    /// <summary>
    /// The shape with d_model multiplied by <paramref name="widthFactor"/> (d_attn and d_ff keep
    /// their ratio to it) and n_layer by <paramref name="depthFactor"/>, rounded to whole numbers;
    /// vocabulary and context stay.
    /// </summary>
    /// <exception cref="OptionException">A factor is not positive, or a scaled size rounds to zero.</exception>
    public static ScaledShape Scale(KaplanShape shape, double widthFactor, double depthFactor)
    {
        Guard.Positive(widthFactor, "the width factor k_d (--scale-d)");
        Guard.Positive(depthFactor, "the depth factor k_n (--scale-layers)");
        var from = Kaplan.Estimate(shape);
        var widthOnly = Kaplan.Estimate(Widen(shape, widthFactor));
        var depthOnly = Kaplan.Estimate(Deepen(shape, depthFactor));
        var to = Kaplan.Estimate(Deepen(Widen(shape, widthFactor), depthFactor));
        return new ScaledShape
        {
            From = from,
            To = to,
            WidthFactor = widthFactor,
            DepthFactor = depthFactor,
            WidthOnlyParameters = widthOnly.NonEmbeddingParameters,
            DepthOnlyParameters = depthOnly.NonEmbeddingParameters,
        };
    }

    /// <summary>
    /// N over a ladder of widths d·k_d^i and depths L·k_n^j (i, j = 0 … rungs − 1), rounded to
    /// integers: doubling the width multiplies N by 4, doubling the depth by 2.
    /// </summary>
    /// <exception cref="OptionException">A step is not positive or is 1, or rungs is below 2.</exception>
    public static ShapeLadder Ladder(KaplanShape shape, double widthStep = 2, double depthStep = 2, int rungs = 4)
    {
        Guard.Positive(widthStep, "the width step");
        Guard.Positive(depthStep, "the depth step");
        if (widthStep == 1 && depthStep == 1) throw new OptionException("a ladder needs a width or depth step other than 1.");
        Guard.AtLeast(rungs, 2, "the number of rungs");
        var widths = Enumerable.Range(0, rungs).Select(i => Widen(shape, Math.Pow(widthStep, i))).ToList();
        var depths = Enumerable.Range(0, rungs).Select(j => Math.Pow(depthStep, j)).ToList();
        var parameters = depths
            .Select(k => (IReadOnlyList<long>)widths.Select(w => Kaplan.Estimate(Deepen(w, k)).NonEmbeddingParameters).ToList())
            .ToList();
        return new ShapeLadder
        {
            Base = Kaplan.Estimate(shape),
            WidthStep = widthStep,
            DepthStep = depthStep,
            Widths = widths.Select(w => w.ModelWidth).ToList(),
            Depths = depths.Select(k => Deepen(shape, k).LayerCount).ToList(),
            Parameters = parameters,
        };
    }

    /// <summary>
    /// Scales d_model by k, then d_attn and d_ff by the same realised ratio d_model'/d_model, so
    /// whole-number relations such as d_ff = 4·d_model survive rounding.
    /// </summary>
    private static KaplanShape Widen(KaplanShape shape, double k)
    {
        long d = Round(shape.ModelWidth, k, "d_model");
        double ratio = (double)d / shape.ModelWidth;
        return shape with
        {
            ModelWidth = d,
            AttentionWidth = Round(shape.AttentionWidth, ratio, "d_attn"),
            FeedForwardWidth = Round(shape.FeedForwardWidth, ratio, "d_ff"),
        };
    }

    private static KaplanShape Deepen(KaplanShape shape, double k) => shape with { LayerCount = Round(shape.LayerCount, k, "n_layer") };

    private static long Round(long size, double factor, string name)
    {
        double scaled = Math.Round(size * factor, MidpointRounding.AwayFromZero);
        if (scaled < 1 || scaled > 1e15)
            throw new OptionException(
                $"{name} {size} scaled by {factor.ToString("R", CultureInfo.InvariantCulture)} is " +
                $"{(size * factor).ToString("G6", CultureInfo.InvariantCulture)}, which is not a usable size.");
        return (long)scaled;
    }
}

/// <summary>A shape before and after what-if scaling, with the contribution of each factor.</summary>
public sealed record ScaledShape
{
    /// <summary>The estimate for the original shape.</summary>
    public required KaplanEstimate From { get; init; }

    /// <summary>The estimate for the scaled shape.</summary>
    public required KaplanEstimate To { get; init; }

    /// <summary>k_d: the factor applied to d_model (and d_attn, d_ff).</summary>
    public required double WidthFactor { get; init; }

    /// <summary>k_n: the factor applied to n_layer.</summary>
    public required double DepthFactor { get; init; }

    /// <summary>N with only the width scaled.</summary>
    public required long WidthOnlyParameters { get; init; }

    /// <summary>N with only the depth scaled.</summary>
    public required long DepthOnlyParameters { get; init; }

    /// <summary>k_n·k_d², the ratio N'/N the formula predicts before sizes are rounded to integers.</summary>
    public double PredictedRatio => DepthFactor * WidthFactor * WidthFactor;

    /// <summary>N'/N for the scaled (rounded) shape.</summary>
    public double Ratio => (double)To.NonEmbeddingParameters / From.NonEmbeddingParameters;

    /// <summary>Whether rounding the sizes to integers moved N' away from k_n·k_d²·N.</summary>
    public bool IsRounded => Math.Abs(Ratio / PredictedRatio - 1) > 1e-12;

    /// <summary>
    /// The width's share of the change on a log scale, ln(k_d²)/ln(N'/N); the depth has the rest.
    /// NaN when N does not change.
    /// </summary>
    public double WidthShare
    {
        get
        {
            double share = Math.Log((double)WidthOnlyParameters / From.NonEmbeddingParameters) / Math.Log(Ratio);
            return double.IsFinite(share) ? share : double.NaN;
        }
    }
}

/// <summary>N over a grid of widths and depths grown geometrically from a base shape.</summary>
public sealed record ShapeLadder
{
    /// <summary>The estimate for the base shape (the first width and depth).</summary>
    public required KaplanEstimate Base { get; init; }

    /// <summary>The factor between neighbouring widths.</summary>
    public required double WidthStep { get; init; }

    /// <summary>The factor between neighbouring depths.</summary>
    public required double DepthStep { get; init; }

    /// <summary>The widths d_model, in increasing step order.</summary>
    public required IReadOnlyList<long> Widths { get; init; }

    /// <summary>The depths n_layer, in increasing step order.</summary>
    public required IReadOnlyList<long> Depths { get; init; }

    /// <summary>N by depth (outer) and width (inner): Parameters[j][i] is depth j, width i.</summary>
    public required IReadOnlyList<IReadOnlyList<long>> Parameters { get; init; }
}

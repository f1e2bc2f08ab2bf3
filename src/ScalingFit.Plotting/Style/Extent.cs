namespace ScalingFit.Plotting.Style;

/// <summary>The smallest and largest finite value seen: grows to cover what is drawn on an axis.</summary>
internal sealed class Extent
{
    public double Lower { get; private set; } = double.PositiveInfinity;

    public double Upper { get; private set; } = double.NegativeInfinity;

    public bool IsEmpty => Lower > Upper;

    public void Add(double value)
    {
        if (!double.IsFinite(value)) return;
        Lower = Math.Min(Lower, value);
        Upper = Math.Max(Upper, value);
    }

    public void Add(IEnumerable<double> values)
    {
        foreach (double v in values) Add(v);
    }

    /// <summary>
    /// Adds values only while they stay within <paramref name="slack"/> of the current extent (keeps a
    /// wild band from flattening the data); adds nothing while the extent is empty.
    /// </summary>
    public void AddWithin(IEnumerable<double> values, double slack)
    {
        if (IsEmpty) return;
        double lower = Lower - slack, upper = Upper + slack;
        foreach (double v in values) Add(Math.Clamp(v, lower, upper));
    }

    /// <summary>The extent widened by a fraction of its span on each side (or by ±0.5 when it is a single value).</summary>
    public (double Lower, double Upper) Padded(double fraction)
    {
        if (IsEmpty) return (0, 1);
        double span = Upper - Lower;
        double pad = span > 0 ? span * fraction : 0.5;
        return (Lower - pad, Upper + pad);
    }
}

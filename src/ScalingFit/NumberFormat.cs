using System.Globalization;

namespace ScalingFit;

/// <summary>Numbers for people, always in the invariant culture.</summary>
public static class NumberFormat
{
    /// <summary>
    /// A number with <paramref name="digits"/> significant digits: plain between 0.001 and 1e6
    /// (0.068091, 477.84), otherwise mantissa and exponent (1.4e12, 8.4935e7).
    /// </summary>
    public static string Significant(double value, int digits = 5)
    {
        if (double.IsNaN(value)) return "n/a";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return "0";
        double magnitude = Math.Abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e6)
        {
            int decimals = Math.Max(0, digits - 1 - (int)Math.Floor(Math.Log10(magnitude)));
            return value.ToString("F" + Math.Min(decimals, 15), CultureInfo.InvariantCulture);
        }
        string s = value.ToString("E" + (digits - 1), CultureInfo.InvariantCulture);
        int e = s.IndexOf('E');
        string mantissa = s[..e].Contains('.') ? s[..e].TrimEnd('0').TrimEnd('.') : s[..e];
        int exponent = int.Parse(s[(e + 1)..], CultureInfo.InvariantCulture);
        return $"{mantissa}e{exponent}";
    }

    /// <summary>An integer with thousands separators: 84,934,656.</summary>
    public static string Count(double value) =>
        Math.Abs(value) < 1e18 ? ((long)Math.Round(value)).ToString("N0", CultureInfo.InvariantCulture) : Significant(value);

    /// <summary>
    /// A percentage, the one format of every relative error, share and rate shown: one decimal from 1%
    /// (3.5%, 39.9%), two significant digits below (0.42%, 0.040%, 0.0041%, 2.3e-7%), so that a nonzero
    /// value never prints as 0.0%; exactly 0 is 0.0%.
    /// </summary>
    public static string Percent(double fraction)
    {
        if (!double.IsFinite(fraction)) return "n/a";
        double percent = 100 * fraction, magnitude = Math.Abs(percent);
        if (magnitude == 0 || magnitude >= 0.995) return percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";
        if (magnitude < 1e-6) return Significant(percent, 2) + "%";
        int decimals = 1 - (int)Math.Floor(Math.Log10(magnitude));
        string text = percent.ToString("F" + decimals, CultureInfo.InvariantCulture);
        // Rounding up to the next decade (0.0996 → 0.10) leaves one digit too many: 0.100 → 0.10.
        return (Math.Abs(double.Parse(text, CultureInfo.InvariantCulture)) >= Math.Pow(10, 2 - decimals) ? text[..^1] : text) + "%";
    }

    /// <summary>A percentage with its sign, as <see cref="Percent"/>: +3.5%, −0.042% (a hyphen-minus), 0.0%.</summary>
    public static string SignedPercent(double fraction) => fraction > 0 ? "+" + Percent(fraction) : Percent(fraction);

    /// <summary>[lower, upper] with significant digits.</summary>
    public static string Range(double lower, double upper, int digits = 5) =>
        $"[{Significant(lower, digits)}, {Significant(upper, digits)}]";
}

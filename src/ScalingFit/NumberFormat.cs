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

    /// <summary>A percentage with one decimal: 3.5%.</summary>
    public static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (100 * fraction).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>[lower, upper] with significant digits.</summary>
    public static string Range(double lower, double upper, int digits = 5) =>
        $"[{Significant(lower, digits)}, {Significant(upper, digits)}]";
}

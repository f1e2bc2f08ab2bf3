using System.Globalization;

namespace ScalingFit.Data;

/// <summary>Numbers as text, always in the invariant culture (decimal point), whatever the locale.</summary>
public static class NumberText
{
    /// <summary>Parses a number written with a decimal point, e.g. 7e10, 1.4e12, 0.5.</summary>
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text.Trim().Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a number or throws an <see cref="OptionException"/> naming what it was for.</summary>
    public static double Parse(string text, string what) => TryParse(text, out var value)
        ? value
        : throw new OptionException($"'{text}' is not a number (for {what}); write numbers like 7e10 or 0.5.");
}

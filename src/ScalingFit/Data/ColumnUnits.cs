using System.Globalization;
using System.Text.RegularExpressions;

namespace ScalingFit.Data;

/// <summary>
/// A unit a column's values are written in, as a multiplier to plain counts (parameters, tokens,
/// FLOP): K = 1e3, M = 1e6, B = G = 1e9, T = 1e12, words (millions, billions), powers (1E21, 10^21),
/// and PF-days (8.64e19 FLOP, the unit of Kaplan et al. 2020).
/// </summary>
/// <param name="Label">The unit as written, e.g. "B" or "1E21".</param>
/// <param name="Scale">What one unit is in plain counts, e.g. 1e9.</param>
public sealed partial record ColumnUnit(string Label, double Scale)
{
    /// <summary>Parses a unit: K, M, B, G, T, thousand(s), million(s), billion(s), trillion(s), 1e9, 10^21, PF-days.</summary>
    public static bool TryParse(string text, out ColumnUnit unit)
    {
        string t = text.Trim().TrimStart('×', 'x', '*').Trim();
        double? scale = t.ToUpperInvariant() switch
        {
            "K" or "THOUSAND" or "THOUSANDS" => 1e3,
            "M" or "MILLION" or "MILLIONS" or "MIL" => 1e6,
            "B" or "G" or "BILLION" or "BILLIONS" or "BN" => 1e9,
            "T" or "TRILLION" or "TRILLIONS" => 1e12,
            "PF-DAYS" or "PF-DAY" or "PETAFLOP-DAYS" or "PFLOP-DAYS" or "PF DAYS" => 8.64e19,
            _ => null,
        };
        if (scale is null && Power().Match(t) is { Success: true } m)
            scale = double.Parse(m.Groups["mantissa"].Success && m.Groups["mantissa"].Length > 0 ? m.Groups["mantissa"].Value : "1", CultureInfo.InvariantCulture)
                    * Math.Pow(10, int.Parse(m.Groups["exponent"].Value, CultureInfo.InvariantCulture));
        unit = new ColumnUnit(t, scale ?? double.NaN);
        return scale is > 0 && double.IsFinite(scale.Value);
    }

    /// <summary>Parses a unit or throws an <see cref="OptionException"/> naming what it was for.</summary>
    public static ColumnUnit Parse(string text, string what) => TryParse(text, out var unit)
        ? unit
        : throw new OptionException($"'{text}' is not a unit (for {what}); use K, M, B, T, a power such as 1e21, or PF-days.");

    /// <summary>
    /// Splits a header such as "Model Size (B)" or "tokens [T]" into its name and unit; false when it
    /// ends in no unit.
    /// </summary>
    public static bool TrySplitHeader(string header, out string name, out ColumnUnit unit)
    {
        var m = Suffix().Match(header);
        if (m.Success && TryParse(m.Groups["unit"].Value, out unit))
        {
            name = m.Groups["name"].Value.Trim();
            return name.Length > 0;
        }
        name = header;
        unit = new ColumnUnit("", 1);
        return false;
    }

    /// <summary>"in billions (×1e9)".</summary>
    public string Describe() => $"in units of {Label} (×{NumberFormat.Significant(Scale, 4)})";

    [GeneratedRegex(@"^(?<mantissa>\d+(\.\d+)?)?\s*(e|E|\*?10\^)\s*(?<exponent>[+-]?\d{1,3})$")]
    private static partial Regex Power();

    [GeneratedRegex(@"^(?<name>.*?)\s*[\(\[]\s*(?<unit>[^\)\]]+?)\s*[\)\]]\s*$")]
    private static partial Regex Suffix();
}

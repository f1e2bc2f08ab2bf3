using System.Globalization;
using System.Text;

namespace ScalingFit.Data;

/// <summary>
/// Numbers in cells of the input: a decimal point and an optional exponent, in the invariant
/// culture whatever the machine's locale; nan, inf and infinity in any case (Python's spellings).
/// A number beyond the range of a double (1e400) is not read as infinity: it is not a number here.
/// </summary>
internal static class NumberCells
{
    public static bool TryParse(ReadOnlySpan<byte> utf8, out double value)
    {
        var cell = utf8.Trim(CellColumn.Blanks);
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return double.IsFinite(value) || IsWrittenSpecial(cell);
        if (Ascii.EqualsIgnoreCase(cell, "inf"u8) || Ascii.EqualsIgnoreCase(cell, "+inf"u8)) { value = double.PositiveInfinity; return true; }
        if (Ascii.EqualsIgnoreCase(cell, "-inf"u8)) { value = double.NegativeInfinity; return true; }
        return false;
    }

    public static bool TryParse(string text, out double value) => TryParse(Encoding.UTF8.GetBytes(text), out value);

    /// <summary>NaN or infinity written as a word (not an overflow such as 1e400).</summary>
    private static bool IsWrittenSpecial(ReadOnlySpan<byte> cell)
    {
        foreach (byte b in cell)
            if (b is (byte)'n' or (byte)'N' or (byte)'i' or (byte)'I' or 0xE2) return true;
        return false;
    }

    /// <summary>Why a cell is not a number, for messages: a decimal comma, thousands separators, an overflow.</summary>
    public static string Explain(string cell)
    {
        string t = cell.Trim();
        if (t.Length == 0) return "the cell is empty";
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && !double.IsFinite(v))
            return $"'{t}' is beyond the range of a double (about ±1.8e308)";
        if (LooksLikeThousands(t))
            return $"'{t}' is not a number: it looks like thousands separators; write {t.Replace(",", "", StringComparison.Ordinal)}";
        if (LooksLikeDecimalComma(t))
            return $"'{t}' is not a number: it looks like a decimal comma; numbers must use a decimal point (1.5, not 1,5), whatever the machine's locale";
        return $"'{t}' is not a number";
    }

    /// <summary>Whether a cell is a number written for a locale: a decimal comma or thousands separators.</summary>
    public static bool IsLocaleFormatted(string cell)
    {
        string t = cell.Trim();
        return LooksLikeThousands(t) || LooksLikeDecimalComma(t);
    }

    /// <summary>1,000 or 10,000,000 or 1,234.5: groups of three digits after the first comma.</summary>
    private static bool LooksLikeThousands(string t)
    {
        var parts = t.TrimStart('-', '+').Split('.')[0].Split(',');
        return parts.Length > 1 && parts[0].Length is >= 1 and <= 3 && parts.All(IsDigits) && parts.Skip(1).All(p => p.Length == 3)
               && t.Count(c => c == '.') <= 1;
    }

    /// <summary>5,7 or -0,25 or 1,5e3: one comma between digits and no point.</summary>
    private static bool LooksLikeDecimalComma(string t)
    {
        if (t.Contains('.', StringComparison.Ordinal) || t.Count(c => c == ',') != 1) return false;
        string dotted = t.Replace(',', '.');
        return double.TryParse(dotted, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}

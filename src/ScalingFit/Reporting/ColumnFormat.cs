using System.Globalization;

namespace ScalingFit.Reporting;

/// <summary>
/// One number format for every value of a table column, so that a column reads as one quantity:
/// plain with the same decimals (0.7370, 0.0844: decimal points aligned) when every value lies
/// between 0.001 and 1e6 within four decades of each other, otherwise mantissa and exponent with the
/// same mantissa digits (8.020e7, 9.115e9, 1.828e11).
/// </summary>
/// <remarks>
/// Each value keeps at least <c>digits</c> significant digits; the column takes the most decimals
/// any of its values needs for that, after trailing zeros are dropped (29 and 27.9 give 29.0 and
/// 27.9). Zero prints in the column's format; NaN as "n/a", infinities as "inf" and "-inf".
/// </remarks>
public sealed class ColumnFormat
{
    private readonly bool _scientific;
    private readonly int _decimals;

    private ColumnFormat(bool scientific, int decimals)
    {
        _scientific = scientific;
        _decimals = decimals;
    }

    /// <summary>The format that shows every one of <paramref name="values"/> with <paramref name="digits"/> significant digits.</summary>
    /// <param name="values">The column's values; NaN and infinities are ignored.</param>
    /// <param name="digits">Significant digits of each value, 1 to 15.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digits"/> is outside 1 to 15.</exception>
    public static ColumnFormat For(IEnumerable<double> values, int digits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 15);
        var magnitudes = values.Where(v => double.IsFinite(v) && v != 0).Select(Math.Abs).ToList();
        if (magnitudes.Count == 0) return new ColumnFormat(false, 0);
        double smallest = magnitudes.Min(), largest = magnitudes.Max();
        bool plain = smallest >= 1e-3 && largest < 1e6 && largest / smallest < 1e4;
        int decimals = plain
            ? magnitudes.Max(m => PlainDecimals(m, digits))
            : magnitudes.Max(m => MantissaDecimals(m, digits));
        return new ColumnFormat(!plain, decimals);
    }

    /// <summary>A value in the column's format.</summary>
    public string Format(double value)
    {
        if (double.IsNaN(value)) return "n/a";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        if (!_scientific) return value.ToString("F" + _decimals, CultureInfo.InvariantCulture);
        if (value == 0) return 0.0.ToString("F" + _decimals, CultureInfo.InvariantCulture);
        var (mantissa, exponent) = Split(value, _decimals);
        return $"{mantissa.ToString("F" + _decimals, CultureInfo.InvariantCulture)}e{exponent}";
    }

    /// <summary>[lower, upper] in the column's format.</summary>
    public string Range(double lower, double upper) => $"[{Format(lower)}, {Format(upper)}]";

    /// <summary>Decimals a plain value needs for its significant digits, trailing zeros dropped.</summary>
    private static int PlainDecimals(double magnitude, int digits)
    {
        int decimals = Math.Clamp(digits - 1 - (int)Math.Floor(Math.Log10(magnitude)), 0, 15);
        string text = magnitude.ToString("F" + decimals, CultureInfo.InvariantCulture);
        return decimals == 0 ? 0 : decimals - (text.Length - text.TrimEnd('0').Length);
    }

    /// <summary>Decimals of the mantissa a value needs for its significant digits, trailing zeros dropped.</summary>
    private static int MantissaDecimals(double magnitude, int digits)
    {
        var (mantissa, _) = Split(magnitude, digits - 1);
        string text = mantissa.ToString("F" + (digits - 1), CultureInfo.InvariantCulture);
        return digits - 1 == 0 ? 0 : digits - 1 - (text.Length - text.TrimEnd('0').Length);
    }

    /// <summary>Mantissa in [1, 10) after rounding to <paramref name="decimals"/>, and the exponent.</summary>
    private static (double Mantissa, int Exponent) Split(double value, int decimals)
    {
        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        double mantissa = Math.Round(value / Math.Pow(10, exponent), decimals);
        if (Math.Abs(mantissa) >= 10) { mantissa /= 10; exponent++; }
        return (mantissa, exponent);
    }
}

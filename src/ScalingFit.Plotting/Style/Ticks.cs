using System.Globalization;
using System.Text;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ScalingFit.Plotting.Style;

/// <summary>
/// Tick marks of linear axes (residuals, relative errors) and the labels of numbers: powers of ten
/// with superscripts (10⁹), mantissa × power of ten. Log axes take <see cref="LogTicks"/>.
/// </summary>
internal static class Ticks
{
    /// <summary>Ticks at round values on a linear axis, labelled with a scale divisor (e.g. 1e9 for billions).</summary>
    public static NumericManual Linear(double lower, double upper, double divisor = 1, int target = 7)
    {
        double step = NiceStep((upper - lower) / divisor, target) * divisor;
        int decimals = Math.Max(0, (int)Math.Ceiling(-Math.Log10(step / divisor) - 1e-9) + (IsQuarter(step / divisor) ? 1 : 0));
        var ticks = new NumericManual();
        for (long k = (long)Math.Ceiling(lower / step - 1e-9); k * step <= upper + step * 1e-9; k++)
        {
            double v = k * step;
            double shown = Math.Abs(v / divisor) < 1e-12 ? 0 : v / divisor;
            ticks.AddMajor(v, shown.ToString("F" + decimals, CultureInfo.InvariantCulture).Replace('-', '−'));
            if (v + step / 2 <= upper) ticks.AddMinor(v + step / 2);
        }
        return ticks;
    }

    /// <summary>10 with a superscript exponent: 10⁹, 10¹², 10⁻³.</summary>
    public static string PowerOfTen(int exponent)
    {
        var text = new StringBuilder("10");
        foreach (char c in exponent.ToString(CultureInfo.InvariantCulture)) text.Append(Superscript(c));
        return text.ToString();
    }

    /// <summary>A value as mantissa × power of ten with superscripts (1.4×10¹²), or plain when between 0.01 and 10⁵.</summary>
    public static string Scientific(double value)
    {
        if (value == 0 || !double.IsFinite(value)) return NumberFormat.Significant(value, 3);
        double magnitude = Math.Abs(value);
        if (magnitude >= 1e-2 && magnitude < 1e5) return NumberFormat.Significant(value, 3);
        int exponent = (int)Math.Floor(Math.Log10(magnitude));
        double mantissa = value / Math.Pow(10, exponent);
        if (Math.Abs(mantissa) >= 9.995) { mantissa /= 10; exponent++; }
        string m = mantissa.ToString("0.##", CultureInfo.InvariantCulture);
        return m == "1" ? PowerOfTen(exponent) : $"{m}×{PowerOfTen(exponent)}";
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 × 10ᵏ that divides a span into at most <paramref name="maxSteps"/> steps.</summary>
    internal static double NiceStep(double span, int maxSteps)
    {
        if (!(span > 0)) return 1;
        double raw = span / maxSteps;
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (double m in new[] { 1, 2, 2.5, 5, 10 })
            if (m * power >= raw * (1 - 1e-9)) return m * power;
        return 10 * power;
    }

    private static bool IsQuarter(double step)
    {
        double mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step)));
        return Math.Abs(mantissa - 2.5) < 1e-9;
    }

    private static char Superscript(char c) => c switch
    {
        '0' => '⁰', '1' => '¹', '2' => '²', '3' => '³', '4' => '⁴',
        '5' => '⁵', '6' => '⁶', '7' => '⁷', '8' => '⁸', '9' => '⁹',
        '-' => '⁻', _ => c,
    };
}

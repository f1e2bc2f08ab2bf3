using System.Globalization;
using ScalingFit.Laws.Formulas;

namespace ScalingFit.Laws;

/// <summary>
/// A smoothly broken power law (Caballero et al. 2023, Eq. 1): y = a + b·x^(−c₀)·Πᵢ (1 + (x/dᵢ)^(1/fᵢ))^(−cᵢ·fᵢ),
/// i = 1…K. Each break at x ≈ dᵢ changes the exponent by cᵢ, over a width set by fᵢ (smaller is
/// sharper). With K = 0 it is a power law with an offset. Fitted as a formula (exact derivatives,
/// compiled), break locations started within the range of the input.
/// </summary>
public static class BrokenLaw
{
    /// <summary>The most breaks a fit may ask for.</summary>
    public const int MaximumBreaks = 4;

    /// <summary>The law in one input with K breaks.</summary>
    /// <exception cref="OptionException">K is negative or above <see cref="MaximumBreaks"/>.</exception>
    public static IScalingLaw Create(LawInput input, int breaks = 1)
    {
        if (breaks < 0 || breaks > MaximumBreaks)
            throw new OptionException("LawSettings.Breaks", $"a broken law has 0 to {MaximumBreaks} breaks, got {breaks}.");
        string I(int i) => i.ToString(CultureInfo.InvariantCulture);
        string formula = "a + b*x^(-c0)" + string.Concat(Enumerable.Range(1, breaks).Select(i => $"*(1 + (x/d{I(i)})^(1/f{I(i)}))^(-c{I(i)}*f{I(i)})"));
        string x = input.Name;
        var parameters = new List<FormulaParameter>
        {
            new("a") { Role = ParameterRole.Offset, Description = "the limit as x grows (an irreducible value)" },
            new("b") { Positive = true, Description = "scale" },
            new("c0") { Role = ParameterRole.Exponent, Symbol = "c₀", Description = "exponent before the first break", Starts = [0, 0.1, 0.3, 0.6] },
        };
        for (int i = 1; i <= breaks; i++)
        {
            int k = i;
            parameters.Add(new($"c{I(i)}") { Role = ParameterRole.Other, Symbol = $"c{Sub(i)}", Description = $"change of the exponent at break {I(i)}",
                Starts = breaks > 2 ? [-0.3, 0.5] : [-0.3, 0.2, 0.6, 1.2] });
            parameters.Add(new($"d{I(i)}") { Positive = true, Symbol = $"d{Sub(i)}", Description = $"location of break {I(i)} (in {x})",
                StartsFor = c => Inside(c, k, breaks) });
            parameters.Add(new($"f{I(i)}") { Positive = true, Symbol = $"f{Sub(i)}", Description = $"width of break {I(i)} (smaller is sharper)",
                Starts = breaks > 2 ? [0.1, 1] : [0.05, 0.3, 1] });
        }
        string display = $"L = a + b·{x}^(−c₀)" + (breaks == 0 ? "" : breaks == 1
            ? $"·(1 + ({x}/d₁)^(1/f₁))^(−c₁·f₁)"
            : $"·Πᵢ (1 + ({x}/dᵢ)^(1/fᵢ))^(−cᵢ·fᵢ), i = 1…{I(breaks)}") + " (Caballero et al. 2023)";
        return FormulaLaw.Create(formula, [], new FormulaOptions
        {
            Name = "broken",
            Label = breaks == 1 ? $"broken ({x})" : $"broken ({x}, {I(breaks)} breaks)",
            Display = display,
            Inputs = new Dictionary<string, LawInput> { ["x"] = input },
            Parameters = parameters,
        });
    }

    /// <summary>Starting locations for break i of K: spread in log space over the middle of the input's range.</summary>
    private static IReadOnlyList<double> Inside(StartContext context, int i, int breaks)
    {
        if (context.InputRanges.Count == 0) return [1];
        var r = context.InputRanges[0];
        double lo = Math.Log(r.Lower), hi = Math.Log(r.Upper);
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || hi <= lo) return [Math.Max(r.Upper, 1)];
        // Each break gets its share of the range; three points within it.
        double width = (hi - lo) / breaks;
        double start = lo + (i - 1) * width;
        return [Math.Exp(start + 0.2 * width), Math.Exp(start + 0.5 * width), Math.Exp(start + 0.8 * width)];
    }

    private static string Sub(int i) => string.Concat(i.ToString(CultureInfo.InvariantCulture).Select(c => (char)('₀' + (c - '0'))));
}

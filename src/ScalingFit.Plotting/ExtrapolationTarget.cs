using ScalingFit.Data;

namespace ScalingFit.Plotting;

/// <summary>How far to draw a fitted law beyond the data, e.g. N = 10¹².</summary>
/// <param name="Quantity">The input along which the law is extrapolated: N, D or C.</param>
/// <param name="Value">Where the dashed extrapolation ends (above or below the data).</param>
public sealed record ExtrapolationTarget(Quantity Quantity, double Value)
{
    /// <summary>Parses "N=1e12" (also D=… or C=…).</summary>
    /// <exception cref="OptionException">Not of the form QUANTITY=VALUE with one of N, D, C and a positive finite value.</exception>
    public static ExtrapolationTarget Parse(string text)
    {
        const string form = "write it as N=1e12, D=2e13 or C=1e25";
        var parts = text.Split('=', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Quantities.TryParse(parts[0], out var quantity))
            throw new OptionException($"--extrapolate-to '{text}' is not of the form QUANTITY=VALUE; {form}.");
        if (quantity == Quantity.Loss)
            throw new OptionException($"--extrapolate-to '{text}': a law is extrapolated along N, D or C, not the loss; {form}.");
        if (!NumberText.TryParse(parts[1], out double value) || !double.IsFinite(value) || value <= 0)
            throw new OptionException($"--extrapolate-to '{text}': '{parts[1]}' is not a positive number; {form}.");
        return new ExtrapolationTarget(quantity, value);
    }

    /// <summary>"N = 10¹²".</summary>
    public override string ToString() => $"{Quantity.Symbol()} = {Style.Ticks.Scientific(Value)}";
}

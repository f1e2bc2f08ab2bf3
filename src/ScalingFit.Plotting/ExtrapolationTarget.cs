using ScalingFit.Data;

namespace ScalingFit.Plotting;

/// <summary>How far to draw a fitted law beyond the data, e.g. N = 10¹².</summary>
/// <param name="Quantity">The input along which the law is extrapolated: N, D or C.</param>
/// <param name="Value">Where the dashed extrapolation ends (above or below the data).</param>
public sealed record ExtrapolationTarget(Quantity Quantity, double Value)
{
    /// <summary>"N = 10¹²".</summary>
    public override string ToString() => $"{Quantity.Symbol()} = {Style.Ticks.Scientific(Value)}";
}

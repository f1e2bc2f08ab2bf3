using ScalingFit.Data;
using ScalingFit.Laws.Formulas;

namespace ScalingFit.Laws;

/// <summary>
/// Laws of a downstream metric against the loss L: the second step of predicting a benchmark from
/// scale (loss from N and D, then the metric from the loss). Both are fitted with linear residuals
/// by default (the metric is an error rate or an accuracy), to a column named as the target.
/// </summary>
public static class MetricLaws
{
    /// <summary>
    /// Err = ε − k·e^(−γL) (Gadre et al. 2024, Eq. 4): the error falls toward ε − k as the loss
    /// falls, and saturates at ε (chance) as the loss grows.
    /// </summary>
    public static IScalingLaw Downstream() => FormulaLaw.Create("epsilon - k*exp(-gamma*L)", [], new FormulaOptions
    {
        Name = "downstream",
        Display = "Err = ε − k·e^(−γL) (Gadre et al. 2024)",
        Parameters =
        [
            new("epsilon") { Role = ParameterRole.Offset, Description = "the error as the loss grows (chance)", StartsFor = c => [c.TargetRange.Upper, 1] },
            new("k") { Positive = true, Description = "scale of the gain", StartsFor = c => [0.1, 1, 10, 100] },
            new("gamma") { Positive = true, Symbol = "γ", Description = "rate of the gain with the loss", Starts = [0.3, 1, 3] },
        ],
    });

    /// <summary>
    /// A bounded sigmoid of the loss, y = lo + (hi − lo)/(1 + e^(k·(L − L₀))) (the two-step
    /// prediction of the Llama 3 report, Dubey et al. 2024, section 3.2.1): an accuracy that climbs
    /// from lo to hi as the loss falls through L₀, at a rate k. Every prediction lies in [lo, hi].
    /// </summary>
    public static IScalingLaw Sigmoid() => FormulaLaw.Create("lo + (hi - lo)/(1 + exp(k*(L - L0)))", [], new FormulaOptions
    {
        Name = "sigmoid",
        Display = "y = lo + (hi − lo)/(1 + e^(k·(L − L₀))) (the bounded sigmoid of the Llama 3 report)",
        Parameters =
        [
            new("lo") { Role = ParameterRole.Offset, Description = "the metric at high loss (chance)", StartsFor = c => [0, c.TargetRange.Lower] },
            new("hi") { Role = ParameterRole.Offset, Description = "the metric at low loss (its ceiling)", StartsFor = c => [c.TargetRange.Upper, 1] },
            new("k") { Positive = true, Description = "steepness, per unit of loss", Starts = [1, 3, 10, 30] },
            new("L0") { Role = ParameterRole.Offset, Symbol = "L₀", Description = "the loss at the midpoint",
                StartsFor = c => c.InputRanges.Count == 0 ? [2] : Spread(c.InputRanges[0]) },
        ],
    });

    private static IReadOnlyList<double> Spread(Fitting.Interval r) =>
        [r.Lower, r.Lower + 0.25 * r.Width, r.Lower + 0.5 * r.Width, r.Lower + 0.75 * r.Width, r.Upper];

    /// <summary>The loss as the metric laws' input.</summary>
    public static IReadOnlyList<LawInput> Inputs { get; } = [Quantity.Loss];
}

using ScalingFit.Analysis;

namespace ScalingFit.Plotting;

/// <summary>
/// Estimates of the compute-optimal frontier to draw together: a fitted law's closed-form frontier
/// (Hoffmann et al.'s approach 3) and the minima of an IsoFLOP analysis (approach 2). At least one is needed.
/// </summary>
/// <param name="Law">The frontier of a fitted chinchilla or kaplan-nd law, with its bootstrap resamples when it has them; or null.</param>
/// <param name="IsoFlop">An IsoFLOP analysis of the same kind of runs; or null.</param>
public sealed record FrontierEstimates(ComputeOptimalResult? Law, IsoFlopResult? IsoFlop)
{
    /// <summary>Checks that there is something to draw.</summary>
    /// <exception cref="ArgumentException">Neither a law nor an IsoFLOP analysis.</exception>
    internal FrontierEstimates Validated() => Law is null && IsoFlop is null
        ? throw new ArgumentException("a frontier figure needs a fitted law's frontier, an IsoFLOP analysis, or both.")
        : this;
}

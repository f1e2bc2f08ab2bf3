using ScalingFit.Data;

namespace ScalingFit.Plotting;

/// <summary>Choices for the fit figure; the defaults suit most data.</summary>
public sealed record FitFigureOptions
{
    /// <summary>The input on the x axis; default: the quantity of <see cref="ExtrapolateTo"/>, else the law's first input.</summary>
    public Quantity? Versus { get; init; }

    /// <summary>
    /// The quantity that colours the runs and, for a law of several inputs, is held at each level's
    /// value along that level's curve (an input it does not give is derived by C = 6ND). Default: the
    /// law's other input for a law of two inputs; for a law of one input, the compute budget C (or N
    /// when the axis is C).
    /// </summary>
    public Quantity? By { get; init; }

    /// <summary>Where the dashed extrapolation ends; null draws the law over the data's range only.</summary>
    public ExtrapolationTarget? ExtrapolateTo { get; init; }

    /// <summary>At most this many colour levels.</summary>
    public int MaxLevels { get; init; } = 6;

    /// <summary>Width in pixels.</summary>
    public int Width { get; init; } = 1000;

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; } = 660;
}

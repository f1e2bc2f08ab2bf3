using ScalingFit.Data;

namespace ScalingFit.Plotting;

/// <summary>Choices for the residuals figure.</summary>
public sealed record ResidualsFigureOptions
{
    /// <summary>The input on the x axis of the right-hand panel; default the law's first input.</summary>
    public Quantity? Versus { get; init; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; init; } = 1200;

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; } = 540;
}

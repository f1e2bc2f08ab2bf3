namespace ScalingFit.Plotting;

/// <summary>Choices for the frontier figure.</summary>
public sealed record FrontierFigureOptions
{
    /// <summary>The smallest budget C drawn; default: the smallest of the allocations, IsoFLOP budgets and the fitted span.</summary>
    public double? From { get; init; }

    /// <summary>The largest budget C drawn; default: the largest of the allocations, IsoFLOP budgets and the fitted span.</summary>
    public double? To { get; init; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; init; } = 1200;

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; } = 860;
}

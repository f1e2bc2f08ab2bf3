namespace ScalingFit.Plotting;

/// <summary>Choices for the IsoFLOP figure.</summary>
public sealed record IsoFlopFigureOptions
{
    /// <summary>Whether to draw, in light grey, the runs of budgets with too few sizes for a parabola.</summary>
    public bool ShowSparseBudgets { get; init; } = true;

    /// <summary>Width in pixels.</summary>
    public int Width { get; init; } = 1000;

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; } = 660;
}

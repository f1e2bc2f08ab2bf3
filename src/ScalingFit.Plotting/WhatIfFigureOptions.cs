namespace ScalingFit.Plotting;

/// <summary>Choices for the what-if parameter-count figure.</summary>
public sealed record WhatIfFigureOptions
{
    /// <summary>Width in pixels.</summary>
    public int Width { get; init; } = 1200;

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; } = 560;
}

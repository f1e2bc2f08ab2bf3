namespace ScalingFit.Plotting;

/// <summary>Choices for the backtest figure.</summary>
public sealed record BacktestFigureOptions
{
    /// <summary>Whether to draw, in grey, the errors of the first law on the runs it was fitted to (needs the split).</summary>
    public bool ShowFittedRuns { get; init; } = true;

    /// <summary>Width in pixels.</summary>
    public int Width { get; init; } = 1200;

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; } = 580;
}

namespace ScalingFit.Plotting.Report;

/// <summary>How the report's figures are rendered.</summary>
public sealed record ReportFigureOptions
{
    /// <summary>The format of every figure: SVG (sharp at any zoom, text searchable) by default, or PNG.</summary>
    public FigureFormat Format { get; init; } = FigureFormat.Svg;

    /// <summary>Figures rendered at once; −1 for one per core. The figures do not depend on it.</summary>
    public int DegreeOfParallelism { get; init; } = -1;

    /// <summary>Called with each figure's file name stem (e.g. fit-chinchilla) as it is finished (from worker threads).</summary>
    public Action<string>? Rendered { get; init; }
}

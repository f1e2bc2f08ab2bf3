namespace ScalingFit.Reporting;

/// <summary>
/// The figures of a report, rendered by the caller (ScalingFit.Plotting draws them; this library
/// carries only their bytes). Any may be missing; the report then goes without it.
/// </summary>
public sealed record ReportImages
{
    /// <summary>Predicted against actual loss of the held-out runs, every law compared.</summary>
    public Image? Backtest { get; init; }

    /// <summary>Each law's fit figure, by the law's name in the comparison (e.g. "chinchilla", "power (N)").</summary>
    public IReadOnlyDictionary<string, Image> Fits { get; init; } = new Dictionary<string, Image>();

    /// <summary>The residuals of the best law.</summary>
    public Image? Residuals { get; init; }

    /// <summary>The compute-optimal frontier.</summary>
    public Image? Frontier { get; init; }

    /// <summary>Loss against compute: the runs, the law at each model size, and the loss on the compute-optimal frontier L*(C).</summary>
    public Image? LossAgainstCompute { get; init; }

    /// <summary>The IsoFLOP curves.</summary>
    public Image? IsoFlop { get; init; }

    /// <summary>Figures that could not be drawn, and why.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Every figure present, in report order.</summary>
    public IEnumerable<Image> All =>
        new[] { Backtest }.Concat(Fits.Values).Concat([Residuals, Frontier, LossAgainstCompute, IsoFlop]).OfType<Image>();
}

/// <summary>Where a report came from, so that it can be made again.</summary>
/// <param name="CommandLine">The exact command that made it, e.g. "scalingfit report runs.csv --out report".</param>
/// <param name="DataFile">The data read: a path (with a checksum) or the built-in data set.</param>
/// <param name="Version">The version of ScalingFit that made it.</param>
public sealed record ReportProvenance(string CommandLine, string DataFile, string Version);

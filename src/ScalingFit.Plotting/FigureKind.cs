namespace ScalingFit.Plotting;

/// <summary>The kinds of figure, as named by <c>scalingfit plot --kind</c>.</summary>
public enum FigureKind
{
    /// <summary>Loss against N, D or C: runs, fitted curve, extrapolation, 95% band, irreducible loss.</summary>
    Fit,

    /// <summary>Residuals of ln L against the fitted loss and against the input.</summary>
    Residuals,

    /// <summary>What-if parameter counts: N ≈ 12·L·d² against width d and depth L.</summary>
    WhatIf,

    /// <summary>IsoFLOP curves: loss against N for each compute budget, with fitted parabolas and minima.</summary>
    IsoFlop,

    /// <summary>The compute-optimal frontier N_opt(C) and D_opt(C) with reference slopes.</summary>
    Frontier,

    /// <summary>Backtest: predicted against actual loss of held-out runs.</summary>
    Backtest,
}

/// <summary>Names and availability of <see cref="FigureKind"/>.</summary>
public static class FigureKinds
{
    /// <summary>Every kind, in the order of <see cref="FigureKind"/>.</summary>
    public static IReadOnlyList<FigureKind> All { get; } = Enum.GetValues<FigureKind>();

    /// <summary>The kinds that can be rendered in this version.</summary>
    public static IReadOnlyList<FigureKind> Available { get; } = All;

    /// <summary>The name on the command line: fit, residuals, whatif, isoflop, frontier, backtest.</summary>
    public static string Name(this FigureKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Whether this version can render the kind.</summary>
    public static bool IsAvailable(this FigureKind kind) => Available.Contains(kind);

    /// <summary>Parses a kind's name, any case.</summary>
    /// <exception cref="OptionException">No kind has that name.</exception>
    public static FigureKind Parse(string text)
    {
        foreach (var kind in All)
            if (string.Equals(kind.Name(), text.Trim(), StringComparison.OrdinalIgnoreCase)) return kind;
        throw new OptionException($"unknown figure kind '{text}'; the kinds are: {string.Join(", ", All.Select(k => k.Name()))}.");
    }

    /// <summary>Throws unless this version can render the kind.</summary>
    /// <exception cref="OptionException">The kind is planned but not available yet.</exception>
    public static FigureKind RequireAvailable(this FigureKind kind) => kind.IsAvailable()
        ? kind
        : throw new OptionException(
            $"the {kind.Name()} figure is not available yet; the figures available are: {string.Join(", ", Available.Select(k => k.Name()))}.");
}

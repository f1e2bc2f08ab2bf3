namespace ScalingFit.Plotting.Style;

/// <summary>The line patterns figures use, all cut by <see cref="DashedPath"/> (never by a Skia path effect).</summary>
internal enum Dash
{
    /// <summary>A continuous line: fitted curves and data.</summary>
    Solid,

    /// <summary>Long dashes: extrapolations and one kind of reference line.</summary>
    Dashed,

    /// <summary>Dots: a second kind of reference line.</summary>
    Dotted,

    /// <summary>Short dashes: a second fit's extrapolation, told apart from the first's long dashes.</summary>
    Short,
}

namespace ScalingFit.Plotting;

/// <summary>
/// Draws one kind of figure from the results it shows. Each kind has its own source type:
/// <see cref="FittedRuns"/> for fit and residuals, <see cref="ParameterCountGrid"/> for what-if,
/// and the IsoFLOP, frontier and backtest results for the kinds that come with them.
/// </summary>
/// <typeparam name="TSource">What the figure shows.</typeparam>
public interface IFigureRenderer<in TSource>
{
    /// <summary>The kind of figure drawn.</summary>
    FigureKind Kind { get; }

    /// <summary>Draws the figure; the caller disposes it after writing.</summary>
    /// <exception cref="OptionException">The options do not suit the source (e.g. an input the law does not take).</exception>
    Figure Render(TSource source);
}

using System.CommandLine;
using ScalingFit.Data;
using ScalingFit.Plotting;

namespace ScalingFit.Cli.Plot;

/// <summary>The options of scalingfit plot besides the data and the law.</summary>
internal sealed class PlotOptions
{
    public Option<string> Kind { get; } = new("--kind")
    {
        Description = "The figure: fit (loss against N, D or C with the fitted law), residuals, or whatif (parameter counts " +
                      "against width and depth). isoflop, frontier and backtest are not available yet.",
        DefaultValueFactory = _ => "fit",
    };

    public Option<string> Out { get; } = new("--out", "-o")
    {
        Description = "The file to write; its extension chooses the format: .png or .svg.",
        Required = true,
    };

    public Option<string?> ExtrapolateTo { get; } = new("--extrapolate-to")
    {
        Description = "Draw the fitted law dashed beyond the data up to this point, e.g. N=1e12 (fit figure).",
    };

    public Option<string?> Versus { get; } = new("--versus")
    {
        Description = "The input on the x axis: N, D or C (default: the quantity of --extrapolate-to, else the law's first input).",
    };

    public Option<string?> By { get; } = new("--by")
    {
        Description = "Colour the runs by levels of N, D or C; a law of several inputs draws one curve per level holding it " +
                      "(default: the law's other input; for one input, the compute C).",
    };

    public Option<string?> Widths { get; } = new("--widths")
    {
        Description = "Model widths d for --kind whatif, comma-separated (default 512,1024,2048,4096,8192).",
    };

    public Option<string?> Depths { get; } = new("--depths")
    {
        Description = "Numbers of layers L for --kind whatif, comma-separated (default 12,24,48,96).",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Kind, Out, ExtrapolateTo, Versus, By, Widths, Depths })
            command.Add(option);
    }

    public FigureKind FigureKind(ParseResult parse) => FigureKinds.Parse(parse.GetValue(Kind) ?? "fit").RequireAvailable();

    /// <summary>Refuses options that the figure kind does not use, rather than ignoring them.</summary>
    public void RejectOthers(ParseResult parse, FigureKind kind)
    {
        var uses = kind switch
        {
            Plotting.FigureKind.Fit => new Option[] { ExtrapolateTo, Versus, By },
            Plotting.FigureKind.Residuals => [Versus],
            _ => [Widths, Depths],
        };
        foreach (var option in new Option[] { ExtrapolateTo, Versus, By, Widths, Depths })
        {
            if (!uses.Contains(option) && parse.GetResult(option) is { Implicit: false })
                throw new OptionException($"{option.Name} does not apply to the {kind.Name()} figure.");
        }
    }

    public FitFigureOptions FitOptions(ParseResult parse) => new()
    {
        Versus = Quantity(parse, Versus),
        By = Quantity(parse, By),
        ExtrapolateTo = parse.GetValue(ExtrapolateTo) is { } text ? ExtrapolationTarget.Parse(text) : null,
    };

    public ParameterCountGrid Grid(ParseResult parse) => new(
        parse.GetValue(Widths) is { } w ? Integers(w, "--widths") : ParameterCountGrid.Default.Widths,
        parse.GetValue(Depths) is { } d ? Integers(d, "--depths") : ParameterCountGrid.Default.Depths);

    private static Quantity? Quantity(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text ? Quantities.Parse(text) : null;

    private static int[] Integers(string text, string option) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int value)
                ? value
                : throw new OptionException($"{option} '{text}': '{part}' is not a whole number; write e.g. {option} 512,1024,2048."))
            .ToArray();
}

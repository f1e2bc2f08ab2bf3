using System.CommandLine;
using ScalingFit.Data;
using ScalingFit.Plotting;

namespace ScalingFit.Cli.Plot;

/// <summary>The options of scalingfit plot besides the data and the law.</summary>
internal sealed class PlotOptions
{
    public Option<string> Kind { get; } = new("--kind")
    {
        Description = "The figure: fit (loss against N, D or C with the fitted law), residuals, whatif (parameter counts " +
                      "against width and depth), isoflop (loss against N per compute budget, with parabolas and minima), frontier " +
                      "(N_opt(C) and D_opt(C) of a law of N and D such as chinchilla, with IsoFLOP minima and reference slopes) or backtest " +
                      "(predicted against actual loss of held-out runs).",
        DefaultValueFactory = _ => "fit",
    };

    public Option<string> Out { get; } = new("--out", "-o")
    {
        Description = "The file to write, in an existing folder (plot makes no folders); its extension chooses the format: .png or .svg.",
        HelpName = "file",
        Required = true,
    };

    public Option<double> Scale { get; } = new("--scale")
    {
        Description = "For a PNG: draw it at this many times the pixels, the same layout (2 for high-density screens and print).",
        DefaultValueFactory = _ => 1,
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

    public Option<string?> Laws { get; } = new("--laws")
    {
        Description = "For --kind backtest: several laws, comma-separated, backtested on the same split and drawn in one colour each " +
                      "(e.g. power,saturating,chinchilla); default: the one --law.",
    };

    public Option<string?> ComputeRange { get; } = new("--compute-range")
    {
        Description = "For --kind frontier: the budgets drawn, LOW:HIGH in FLOP (default 1e18:1e26, widened to the IsoFLOP budgets).",
    };

    /// <summary>The options of this group that only some kinds use.</summary>
    public IReadOnlyList<Option> KindSpecific => [ExtrapolateTo, Versus, By, Widths, Depths, Laws, ComputeRange];

    public PlotOptions() => Kind.AcceptOnlyFromAmong([.. FigureKinds.All.Select(k => k.Name())]);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Kind, Out, Scale }.Concat(KindSpecific))
            command.Add(option);
    }

    public FigureKind FigureKind(ParseResult parse) => FigureKinds.Parse(parse.GetValue(Kind) ?? "fit").RequireAvailable();

    /// <summary>Refuses options that the figure kind does not use, rather than ignoring them.</summary>
    /// <param name="parse">The command line.</param>
    /// <param name="kind">The figure asked for.</param>
    /// <param name="checkedOptions">Every option whose use depends on the kind.</param>
    /// <param name="uses">The options this kind uses.</param>
    public static void RejectOthers(ParseResult parse, FigureKind kind, IEnumerable<Option> checkedOptions, IReadOnlyCollection<Option> uses)
    {
        foreach (var option in checkedOptions)
        {
            if (!uses.Contains(option) && parse.GetResult(option) is { Implicit: false })
                throw new OptionException($"{option.Name} does not apply to the {kind.Name()} figure.");
        }
    }

    /// <summary>The budgets of --compute-range, or 1e18 to 1e26 by decades.</summary>
    public IReadOnlyList<double> Budgets(ParseResult parse)
    {
        var (low, high) = parse.GetValue(ComputeRange) is { } text ? Common.OptionParsers.Range(text, "--compute-range") : (1e18, 1e26);
        return ScalingFit.Analysis.ComputeBudgets.LogSpaced(low, high);
    }

    public FitFigureOptions FitOptions(ParseResult parse) => new()
    {
        Versus = Quantity(parse, Versus),
        By = Quantity(parse, By),
        ExtrapolateTo = parse.GetValue(ExtrapolateTo) is { } text ? Common.OptionParsers.Extrapolation(text) : null,
    };

    public ParameterCountGrid Grid(ParseResult parse) => new(
        parse.GetValue(Widths) is { } w ? Integers(w, "--widths") : ParameterCountGrid.Default.Widths,
        parse.GetValue(Depths) is { } d ? Integers(d, "--depths") : ParameterCountGrid.Default.Depths);

    private static Quantity? Quantity(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text ? Quantities.Parse(text) : null;

    private static int[] Integers(string text, string option) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => Common.WholeNumbers.Check(part, option, int.MinValue, int.MaxValue) is null
                ? (int)Common.WholeNumbers.Parse(part, option)
                : throw new OptionException($"{option} '{text}': '{part}' is not a whole number; write e.g. {option} 512,1024,2048."))
            .ToArray();
}

using System.CommandLine;
using ScalingFit.Analysis;
using ScalingFit.Cli.Common;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Plotting;
using ScalingFit.Cli.Help;

namespace ScalingFit.Cli.Plot;

/// <summary>scalingfit plot: draw a figure of a fitted law, an IsoFLOP analysis, a frontier, a backtest or parameter counts to a PNG or SVG file.</summary>
internal static class PlotCommand
{
    public static Command Create(CliContext context)
    {
        var options = new Options(new DataOptions(), new LawOptions(), new NonlinearOptions(), new HoldoutOptions(), new BudgetOptions(), new PlotOptions(), new GroupByOption(), new ConventionOption());
        var command = new Command("plot", "Draw a figure to a PNG or SVG file: the fitted law over the runs with its extrapolation and " +
                                          "95% band, the residuals, IsoFLOP curves, the compute-optimal frontier, a backtest, or what-if " +
                                          "parameter counts. Prints the path written.");
        command.WithExamples(
            new("scalingfit plot --law chinchilla --out fit.png", "loss against N along compute budgets, with the compute-optimal frontier"),
            new("scalingfit plot --kind frontier --bootstrap 200 --out frontier.svg", "N_opt(C) and D_opt(C) with a bootstrap band and the IsoFLOP minima"),
            new("scalingfit plot --kind backtest --laws power,joint,chinchilla --out backtest.svg", "predicted against actual loss of held-out runs"),
            new("scalingfit plot --kind isoflop --out isoflop.png", "loss against N at each compute budget, with parabolas and minima"));
        options.Data.AddTo(command);
        options.Law.AddTo(command);
        options.Nonlinear.AddTo(command);
        options.Holdout.AddTo(command);
        options.Budgets.AddTo(command);
        options.Plot.AddTo(command);
        options.GroupBy.AddTo(command);
        options.Convention.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            // Every option is checked before the data is read and the law fitted.
            var kind = options.Plot.FigureKind(parse);
            if (options.GroupBy.Given(parse) && kind is FigureKind.Frontier or FigureKind.Backtest or FigureKind.WhatIf)
                throw new OptionException($"--group-by draws the fit, residuals and isoflop figures, not the {kind.Name()} figure: " + kind switch
                {
                    FigureKind.Frontier => "its panels (N_opt, D_opt and D/N against C, each with a bootstrap band and the IsoFLOP minima) would " +
                                           "overlay a band per group; `optimal --group-by` gives each group's frontier side by side, and " +
                                           "`plot --kind isoflop --group-by` each group's minima.",
                    FigureKind.Backtest => "it already colours its runs by law, one colour per law; `compare --group-by` ranks the laws in each group.",
                    _ => "its parameter counts come from the widths and depths given, not from runs.",
                });
            PlotOptions.RejectOthers(parse, kind, options.KindSpecific, options.Uses(kind));
            string path = parse.GetValue(options.Plot.Out)!;
            var format = FigureFormats.FromPath(path);
            FigureFile.Check(path);
            double scale = parse.GetValue(options.Plot.Scale);
            if (!(scale >= 0.5 && scale <= 4)) throw new OptionException($"--scale must be between 0.5 and 4, got {scale}.");
            if (format == FigureFormat.Svg && parse.GetResult(options.Plot.Scale) is { Implicit: false })
                throw new OptionException("--scale applies to PNG files; an SVG is sharp at any size.");
            using var figure = Render(kind, parse, options, context);
            FigureFile.Write(path, figure, format, (float)scale);
            context.Out.WriteLine(Path.GetFullPath(path));
        }));
        return command;
    }

    /// <summary>The option groups of the command.</summary>
    private sealed record Options(
        DataOptions Data, LawOptions Law, NonlinearOptions Nonlinear, HoldoutOptions Holdout, BudgetOptions Budgets, PlotOptions Plot, GroupByOption GroupBy,
        ConventionOption Convention)
    {
        private IReadOnlyList<Option> LawGroup => Law.All;

        private IReadOnlyList<Option> NonlinearGroup => [Nonlinear.LossFunction, Nonlinear.HuberDelta, Nonlinear.Bootstrap, Nonlinear.Seed, Nonlinear.Threads];

        /// <summary>Every option whose use depends on the kind.</summary>
        public IEnumerable<Option> KindSpecific =>
            Plot.KindSpecific.Concat([GroupBy.Option]).Concat(LawGroup).Concat(NonlinearGroup).Concat([Holdout.Above, Holdout.Fraction]).Concat(Budgets.All).Concat(Convention.All);

        public IReadOnlyCollection<Option> Uses(FigureKind kind) => kind switch
        {
            FigureKind.Fit => [Plot.ExtrapolateTo, Plot.Versus, Plot.By, GroupBy.Option, .. LawGroup, .. NonlinearGroup, .. Convention.All],
            FigureKind.Residuals => [Plot.Versus, GroupBy.Option, .. LawGroup, .. NonlinearGroup, .. Convention.All],
            FigureKind.IsoFlop => [GroupBy.Option, .. Budgets.All, .. Convention.All],
            FigureKind.Frontier => [.. LawGroup, Plot.ComputeRange, .. NonlinearGroup, .. Budgets.All, .. Convention.All],
            FigureKind.Backtest => [Plot.Laws, Holdout.Above, Holdout.Fraction, .. LawGroup, .. NonlinearGroup, .. Convention.All],
            _ => [Plot.Widths, Plot.Depths],
        };
    }

    private static Figure Render(FigureKind kind, ParseResult parse, Options o, CliContext context) => kind switch
    {
        FigureKind.WhatIf => new WhatIfFigure().Render(o.Plot.Grid(parse).Validated()),
        FigureKind.IsoFlop => IsoFlopFigure(parse, o, context),
        FigureKind.Frontier => Frontier(parse, o, context),
        FigureKind.Backtest => Backtest(parse, o),
        _ => Fitted(kind, parse, o, context),
    };

    private static Figure Fitted(FigureKind kind, ParseResult parse, Options o, CliContext context)
    {
        var options = o.Plot.FitOptions(parse);
        var request = o.Law.Request(parse);
        o.Nonlinear.Build(parse);
        var runs = o.Convention.Convert(parse, o.Data.Load(parse, request.Uses, request.InputColumns, request.TargetColumns));
        if (kind == FigureKind.Fit && o.GroupBy.Given(parse))
        {
            if (parse.GetResult(o.Plot.By) is { Implicit: false })
                throw new OptionException("--by colours the runs by a quantity; with --group-by each group has its own colour.");
            return new GroupedFitFigure(options).Render(Groups(parse, o, context, request, runs));
        }
        if (kind == FigureKind.Residuals && o.GroupBy.Given(parse))
            return new GroupedResidualsFigure(new ResidualsFigureOptions { Versus = options.Versus }).Render(Groups(parse, o, context, request, runs));
        var spec = request.Resolve(runs);
        var fitted = o.Nonlinear.Fit(parse, context, spec, runs);
        var source = new FittedRuns(fitted, spec.Law is ScalingFit.Laws.IPreparesRuns prepares ? prepares.Prepare(runs) : runs);
        return kind == FigureKind.Fit
            ? new FitFigure(options).Render(source)
            : new ResidualsFigure(new ResidualsFigureOptions { Versus = options.Versus }).Render(source);
    }

    /// <summary>The law fitted to each group of --group-by; a group that cannot be fitted is left out with a note.</summary>
    private static GroupedFits Groups(ParseResult parse, Options o, CliContext context, LawRequest request, RunSet runs)
    {
        var groups = o.GroupBy.Run(parse, runs, o.Data, request.InputColumns, g =>
        {
            var law = request.Resolve(g);
            return new FittedRuns(o.Nonlinear.Fit(parse, context, law, g), law.Law is ScalingFit.Laws.IPreparesRuns p ? p.Prepare(g) : g);
        });
        Skipped(context, groups);
        return new GroupedFits(groups.Groups.By, groups.Analysed.Select(x => new KeyValuePair<string, FittedRuns>(x.Group.Name, x.Result!)).ToList());
    }

    private static void Skipped<T>(CliContext context, GroupedResult<T> groups) where T : class
    {
        foreach (var skipped in groups.Outcomes.Where(x => x.Result is null))
            context.Error.WriteLine($"note: the group {skipped.Group.Label} ({skipped.Group.Runs.Count} runs) is not drawn: {skipped.Skipped}");
    }

    private static Figure IsoFlopFigure(ParseResult parse, Options o, CliContext context)
    {
        var options = o.Budgets.Build(parse);
        var runs = o.Convention.Convert(parse, o.Data.Load(parse));
        if (o.GroupBy.Given(parse))
        {
            var groups = o.GroupBy.Run(parse, runs, o.Data, null, g => new IsoFlopRuns(ScalingFit.Analysis.IsoFlop.Analyze(g, options), g));
            Skipped(context, groups);
            return new GroupedIsoFlopFigure().Render(new GroupedIsoFlops(groups.Groups.By,
                groups.Analysed.Select(x => new KeyValuePair<string, IsoFlopRuns>(x.Group.Name, x.Result!)).ToList()));
        }
        return new IsoFlopFigure().Render(new IsoFlopRuns(ScalingFit.Analysis.IsoFlop.Analyze(runs, options), runs));
    }

    private static Figure Frontier(ParseResult parse, Options o, CliContext context)
    {
        var request = o.Law.Request(parse, defaultLaw: "chinchilla");
        if (request.BuiltIn is { } builtIn && !ComputeFrontier.Supports(builtIn))
            throw new OptionException($"the frontier figure needs a law of N and D, such as chinchilla, kaplan-nd or a formula in N and D; not {builtIn.Name}.");
        var budgets = o.Plot.Budgets(parse);
        var isoOptions = o.Budgets.Build(parse);
        o.Nonlinear.Build(parse);
        var runs = o.Convention.Convert(parse, o.Data.Load(parse, request.Uses, request.InputColumns, request.TargetColumns));
        var spec = request.Resolve(runs);
        if (!ComputeFrontier.Supports(spec.Law)) throw ComputeFrontier.Unsupported(spec.Law);
        var fit = o.Nonlinear.Fit(parse, context, spec, runs);
        var optimal = ComputeOptimal.Analyze(fit, new ComputeOptimalOptions { Budgets = budgets });
        IsoFlopResult? isoFlop = null;
        try
        {
            isoFlop = ScalingFit.Analysis.IsoFlop.Analyze(runs, isoOptions);
        }
        catch (ScalingFitException e) when (e is FitException or DataException)
        {
            context.Error.WriteLine($"note: the figure has no IsoFLOP minima: {e.Message}");
        }
        var range = parse.GetValue(o.Plot.ComputeRange) is null ? new FrontierFigureOptions() : new FrontierFigureOptions { From = budgets[0], To = budgets[^1] };
        return new FrontierFigure(range).Render(new FrontierEstimates(optimal, isoFlop));
    }

    private static Figure Backtest(ParseResult parse, Options o)
    {
        var holdout = o.Holdout.Build(parse);
        var fitOptions = o.Nonlinear.Build(parse);
        var request = o.Law.Request(parse);
        var laws = parse.GetValue(o.Plot.Laws) is { } names
            ? LawList.Parse(names, request.BuiltIn?.Inputs is [{ Quantity: { } only }] ? only : Quantity.ParameterCount)
            : null;
        var runs = o.Convention.Convert(parse, o.Data.Load(parse, inputColumns: LawList.InputColumns(laws ?? [request])));
        var split = holdout.Split(runs);
        if (laws is null) return new BacktestFigure().Render(new BacktestRuns([ScalingFit.Analysis.Backtest.Run(split, request.Resolve(runs), fitOptions)], split));
        var comparison = LawComparison.Compare(runs, holdout, LawList.Resolve(laws, runs), fitOptions);
        var source = BacktestRuns.Of(comparison, split);
        if (source.Backtests.Count == 0) throw new FitException("no law could be backtested: " + string.Join("; ", comparison.Warnings));
        return new BacktestFigure().Render(source);
    }
}

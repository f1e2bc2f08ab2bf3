using System.CommandLine;
using ScalingFit.Cli.Common;
using ScalingFit.Plotting;

namespace ScalingFit.Cli.Plot;

/// <summary>scalingfit plot: draw a figure of a fitted law (or of parameter counts) to a PNG or SVG file.</summary>
internal static class PlotCommand
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var law = new LawOptions();
        var plot = new PlotOptions();
        var command = new Command("plot", "Draw a figure to a PNG or SVG file: the fitted law over the runs with its extrapolation and " +
                                          "95% band, the residuals, or what-if parameter counts. Prints the path written.");
        data.AddTo(command);
        law.AddTo(command);
        plot.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            // Every option is checked before the data is read and the law fitted.
            var kind = plot.FigureKind(parse);
            plot.RejectOthers(parse, kind);
            string path = parse.GetValue(plot.Out)!;
            var format = FigureFormats.FromPath(path);
            using var figure = kind == FigureKind.WhatIf ? new WhatIfFigure().Render(plot.Grid(parse).Validated()) : Fitted(kind, parse, data, law, plot);
            FigureFile.Write(path, figure, format);
            context.Out.WriteLine(Path.GetFullPath(path));
        }));
        return command;
    }

    private static Figure Fitted(FigureKind kind, ParseResult parse, DataOptions data, LawOptions law, PlotOptions plot)
    {
        var options = plot.FitOptions(parse);
        var spec = law.Spec(parse);
        var runs = data.Load(parse);
        var source = new FittedRuns(spec.Fit(runs), runs);
        return kind switch
        {
            FigureKind.Fit => new FitFigure(options).Render(source),
            FigureKind.Residuals => new ResidualsFigure(new ResidualsFigureOptions { Versus = options.Versus }).Render(source),
            _ => throw new OptionException($"the {kind.Name()} figure is not available yet."),
        };
    }
}

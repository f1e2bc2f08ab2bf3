using System.CommandLine;

namespace ScalingFit.Cli;

/// <summary>The scalingfit command line: its commands, and the mapping of errors to messages and exit codes.</summary>
public static class CliApp
{
    /// <summary>Exit code of success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when the data or the fit is at fault.</summary>
    public const int DataError = 1;

    /// <summary>Exit code when the command line is at fault.</summary>
    public const int UsageError = 2;

    /// <summary>Parses and runs a command line; returns the exit code.</summary>
    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand(
            "scalingfit: fit neural scaling laws to training runs, predict the loss of larger models and choose compute-optimal sizes.");
        root.Add(Fit.FitCommand.Create(context));
        root.Add(Predict.PredictCommand.Create(context));
        root.Add(Optimal.OptimalCommand.Create(context));
        root.Add(IsoFlop.IsoFlopCommand.Create(context));
        root.Add(Backtest.BacktestCommand.Create(context));
        root.Add(Compare.CompareCommand.Create(context));
        root.Add(Tradeoff.TradeoffCommand.Create(context));
        root.Add(Params.ParamsCommand.Create(context));
        root.Add(Plot.PlotCommand.Create(context));
        root.Add(Report.ReportCommand.Create(context));

        // A bare `scalingfit` asks what the tool can do: show the commands.
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) context.Error.WriteLine($"error: {error.Message}");
            context.Error.WriteLine($"Run '{string.Join(' ', CommandPath(parse).Prepend("scalingfit"))} --help' for the options.");
            return UsageError;
        }
        return parse.Invoke(new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>Runs a command's work and turns library errors into a message and an exit code.</summary>
    internal static int Guarded(CliContext context, Action work)
    {
        try
        {
            work();
            return Ok;
        }
        catch (OptionException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return UsageError;
        }
        catch (ScalingFitException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return DataError;
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return names;
    }
}

using System.CommandLine;
using System.Globalization;
using ScalingFit.Cli.Help;

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

    /// <summary>The commands, by name, in the order help lists them.</summary>
    private static readonly (string Name, Func<CliContext, Command> Create)[] Commands =
    [
        ("fit", Fit.FitCommand.Create),
        ("predict", Predict.PredictCommand.Create),
        ("optimal", Optimal.OptimalCommand.Create),
        ("isoflop", IsoFlop.IsoFlopCommand.Create),
        ("backtest", Backtest.BacktestCommand.Create),
        ("compare", Compare.CompareCommand.Create),
        ("tradeoff", Tradeoff.TradeoffCommand.Create),
        ("params", Params.ParamsCommand.Create),
        ("plot", Plot.PlotCommand.Create),
        ("report", Report.ReportCommand.Create),
    ];

    /// <summary>Parses and runs a command line; returns the exit code.</summary>
    public static int Run(string[] args, CliContext context)
    {
        // Options such as --compute 5.76e23 are parsed by System.CommandLine in the current culture: in a
        // de-DE process "5.76e23" would read as 5.76e25. The tool's numbers are culture-free, always.
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            return RunInvariant(args, context);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private static int RunInvariant(string[] args, CliContext context)
    {
        var parse = Parse(args, context);
        context.JsonErrors = Common.ErrorJson.Requested(args);
        if (parse.Errors.Count > 0 && parse.Action is not ScalingFitHelpAction)
        {
            var messages = ParseErrors.Describe(parse, args).ToList();
            foreach (string message in messages) context.Error.WriteLine($"error: {message}");
            context.Error.WriteLine($"Run '{string.Join(' ', CommandPath(parse).Prepend("scalingfit"))} --help' for the options and examples.");
            if (context.JsonErrors) context.Out.WriteLine(Common.ErrorJson.ForUsage(string.Join(" ", messages), UsageError));
            return UsageError;
        }
        return parse.Invoke(new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>The command line parsed by the commands it needs, with help and examples attached.</summary>
    internal static ParseResult Parse(string[] args, CliContext context)
    {
        var root = new RootCommand(
            "scalingfit: fit neural scaling laws to training runs, predict the loss of larger models and choose compute-optimal sizes.");
        // Only the command asked for is built (its options cost start-up time); all of them when the
        // first word names none, so that help lists them and a typo gets its suggestions.
        var asked = args.Length > 0 ? Commands.Where(c => c.Name == args[0]).ToArray() : [];
        foreach (var (_, create) in asked.Length == 1 ? asked : Commands) root.Add(create(context));
        Common.WholeNumbers.Attach(root);
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            help.Action = new ScalingFitHelpAction(context);
            help.Description = "Show this help: the options, their choices and defaults, and examples.";
        }
        root.WithExamples(
            new("scalingfit report", "fit, compare and report on the built-in Chinchilla runs, into report/"),
            new("scalingfit fit samples/training-log.csv --run-column model,seed --step-column step", "fit the power law to your own runs"),
            new("scalingfit optimal --compute 1e23", "the compute-optimal size and tokens at a budget"));

        // A bare `scalingfit` asks what the tool can do: show the commands.
        return root.Parse(args.Length == 0 ? ["--help"] : args);
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
            return Failed(context, e, Common.ParameterFlags.Message(e), UsageError);
        }
        catch (ScalingFitException e)
        {
            return Failed(context, e, e.Message, DataError);
        }
    }

    /// <summary>Reports an error on standard error, and as a JSON object on standard output under --json.</summary>
    private static int Failed(CliContext context, ScalingFitException e, string message, int exitCode)
    {
        context.Error.WriteLine($"error: {message}");
        if (context.JsonErrors) context.Out.WriteLine(Common.ErrorJson.For(e, message, exitCode));
        return exitCode;
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return names;
    }
}

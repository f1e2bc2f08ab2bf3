using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace ScalingFit.Cli.Help;

/// <summary>
/// The action of --help (System.CommandLine's extension point for help): writes <see cref="HelpWriter"/>'s
/// text for the command asked about, in the terminal's width or 100 columns when piped.
/// </summary>
internal sealed class ScalingFitHelpAction(CliContext context) : SynchronousCommandLineAction
{
    /// <summary>Width of help written to a pipe or file: stable, and readable in an 100-column editor.</summary>
    public const int PipedWidth = 100;

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        int width = context.Interactive ? Math.Min(120, context.Console.Profile.Width) : PipedWidth;
        context.Out.Write(HelpWriter.Render(command, Path(parseResult.CommandResult), width));
        return CliApp.Ok;
    }

    /// <summary>"scalingfit optimal": the command's name after its parents'.</summary>
    public static string Path(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent) names.Insert(0, c.Parent is null ? "scalingfit" : c.Command.Name);
        return string.Join(' ', names);
    }
}

using System.CommandLine;
using System.Runtime.CompilerServices;

namespace ScalingFit.Cli.Help;

/// <summary>An example for a command's help: the command line and what it shows.</summary>
/// <param name="CommandLine">As typed, e.g. "scalingfit optimal --compute 5.76e23".</param>
/// <param name="Explanation">What it does, in a few words.</param>
internal sealed record Example(string CommandLine, string Explanation);

/// <summary>The examples that end a command's help, kept beside the command that declares them.</summary>
internal static class CommandHelp
{
    private static readonly ConditionalWeakTable<Command, IReadOnlyList<Example>> Table = new();

    /// <summary>Sets the command's examples (2 to 4, shown in order after its options).</summary>
    public static Command WithExamples(this Command command, params Example[] examples)
    {
        Table.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>The command's examples; none when it declares none.</summary>
    public static IReadOnlyList<Example> Examples(Command command) =>
        Table.TryGetValue(command, out var examples) ? examples : [];
}

using System.CommandLine;
using System.Text;

namespace ScalingFit.Cli.Help;

/// <summary>
/// A command's help: what it does, its usage, arguments, options (choices and readable defaults),
/// subcommands, and examples to copy, wrapped to a width without breaking words.
/// </summary>
internal static class HelpWriter
{
    /// <summary>The widest the names column gets; longer names put their description on the next line.</summary>
    private const int MaxNamesWidth = 34;

    /// <summary>The help text of <paramref name="command"/>, whose full name (e.g. "scalingfit optimal") is <paramref name="path"/>.</summary>
    public static string Render(Command command, string path, int width)
    {
        width = Math.Max(40, width);
        var text = new StringBuilder();
        Wrap(text, command.Description ?? "", "", "", width);
        text.AppendLine();

        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        var options = command.Options.Concat(Inherited(command)).Where(o => !o.Hidden).ToList();
        string usage = path
            + string.Concat(arguments.Select(a => a.Arity.MinimumNumberOfValues == 0 ? $" [{a.Name.ToUpperInvariant()}]" : $" {a.Name.ToUpperInvariant()}"))
            + (command.Subcommands.Count > 0 ? " COMMAND" : "")
            + (options.Count > 0 ? " [options]" : "");
        text.Append("Usage: ").AppendLine(usage).AppendLine();

        if (arguments.Count > 0)
        {
            text.AppendLine("Arguments:");
            Rows(text, arguments.Select(a => (a.Name.ToUpperInvariant(), a.Description ?? "")).ToList(), width);
            text.AppendLine();
        }
        if (options.Count > 0)
        {
            text.AppendLine("Options:");
            Rows(text, options.Select(o => (HelpText.Names(o), HelpText.Description(o))).ToList(), width);
            text.AppendLine();
        }
        if (command.Subcommands.Count > 0)
        {
            text.AppendLine("Commands:");
            Rows(text, command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, c.Description ?? "")).ToList(), width);
            text.AppendLine();
            text.AppendLine($"Run '{path} COMMAND --help' for a command's options and examples.").AppendLine();
        }
        var examples = CommandHelp.Examples(command);
        if (examples.Count > 0)
        {
            text.AppendLine("Examples:");
            foreach (var example in examples)
            {
                Wrap(text, example.CommandLine, "  ", "      ", width);
                Wrap(text, example.Explanation, "      ", "      ", width);
            }
            text.AppendLine();
        }
        return text.ToString().TrimEnd() + Environment.NewLine;
    }

    /// <summary>Options declared on a parent that apply here too (--help).</summary>
    private static IEnumerable<Option> Inherited(Command command) =>
        command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive).Concat(Inherited(p))).Distinct();

    /// <summary>Two columns: names, and descriptions wrapped beside them (below, when the names are wide).</summary>
    private static void Rows(StringBuilder text, IReadOnlyList<(string Names, string Description)> rows, int width)
    {
        int column = Math.Min(MaxNamesWidth, rows.Max(r => r.Names.Length)) + 4;
        if (width - column < 30) column = 8;
        foreach (var (names, description) in rows)
        {
            string first = "  " + names;
            if (first.Length + 2 <= column)
                Wrap(text, description, first.PadRight(column), new string(' ', column), width);
            else
            {
                text.AppendLine(first);
                Wrap(text, description, new string(' ', column), new string(' ', column), width);
            }
        }
    }

    /// <summary>Appends words wrapped at <paramref name="width"/>: the first line after <paramref name="first"/>, the rest after <paramref name="indent"/>.</summary>
    private static void Wrap(StringBuilder text, string words, string first, string indent, int width)
    {
        var line = new StringBuilder(first);
        bool empty = true;
        foreach (string word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                text.AppendLine(line.ToString().TrimEnd());
                line.Clear().Append(indent);
                empty = true;
            }
            if (!empty) line.Append(' ');
            line.Append(word);
            empty = false;
        }
        text.AppendLine(line.ToString().TrimEnd());
    }
}

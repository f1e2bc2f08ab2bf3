using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ScalingFit.Cli.Help;

/// <summary>
/// The parser's errors in plain words: a value of the wrong type says what was expected ("a whole
/// number"), not a .NET type; a value outside an option's choices lists them; an unknown option or
/// command gets the closest names as a suggestion.
/// </summary>
internal static class ParseErrors
{
    /// <summary>One message per problem, in the order of the command line.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parse, IReadOnlyList<string> args)
    {
        var command = parse.CommandResult.Command;
        var unknown = UnknownTokens(parse);
        var messages = new List<string>();
        string? previousUnknownOption = null;
        foreach (string token in args)
        {
            if (!unknown.Contains(token)) { previousUnknownOption = null; continue; }
            if (token.StartsWith('-'))
            {
                var names = Options(command).SelectMany(o => o.Aliases.Append(o.Name));
                string name = token.Split('=', ':')[0];
                messages.Add($"unknown option '{name}'." + Suggestions.Sentence(Suggestions.For(name, names)));
                previousUnknownOption = token;
            }
            else if (command.Subcommands.Count > 0)
            {
                var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
                var close = Suggestions.For(token, names);
                messages.Add($"unknown command '{token}'." + (close.Count > 0 ? Suggestions.Sentence(close) : $" The commands are: {string.Join(", ", names)}."));
            }
            else if (previousUnknownOption is null)
                messages.Add($"unexpected argument '{token}': {command.Name} takes {Expected(command)}.");
            else previousUnknownOption = null;
        }
        foreach (var error in parse.Errors)
        {
            if (unknown.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal))) continue;
            if (unknown.Count > 0 && error.SymbolResult is CommandResult { Parent: null }) continue;
            messages.Add(Reworded(error));
        }
        return messages.Distinct().ToList();
    }

    /// <summary>Tokens that name nothing: left unmatched, or taken for a file name although they look like an option.</summary>
    private static HashSet<string> UnknownTokens(ParseResult parse)
    {
        var tokens = new HashSet<string>(parse.UnmatchedTokens, StringComparer.Ordinal);
        foreach (var argument in parse.CommandResult.Children.OfType<ArgumentResult>())
            foreach (var token in argument.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-' && !double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    tokens.Add(token.Value);
        return tokens;
    }

    private static string Reworded(ParseError error)
    {
        var result = error.SymbolResult switch
        {
            OptionResult o => o,
            ArgumentResult { Parent: OptionResult o } => o,
            _ => null,
        };
        if (result is null) return Lowered(error.Message);
        var option = result.Option;
        if (result.Tokens.Count == 0 && !HelpText.IsFlag(option))
            return $"{option.Name} needs a value" + (Kind(option) is { } kind ? $": {kind}." : ".");
        foreach (var token in result.Tokens)
        {
            var choices = HelpText.Choices(option);
            if (choices.Count > 0 && !choices.Contains(token.Value))
                return $"{option.Name} '{token.Value}' is not one of: {string.Join(", ", choices)}." + Suggestions.Sentence(Suggestions.For(token.Value, choices));
            if (!Parses(token.Value, option.ValueType))
                return $"{option.Name} expects {Kind(option)}, got '{token.Value}'.";
        }
        return Lowered(error.Message);
    }

    /// <summary>The kind of value an option takes, in words.</summary>
    private static string? Kind(Option option)
    {
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (type.IsArray) type = type.GetElementType()!;
        var choices = HelpText.Choices(option);
        if (choices.Count > 0) return "one of " + string.Join(", ", choices);
        if (type == typeof(int) || type == typeof(long)) return $"a whole number {Common.WholeNumbers.Examples}";
        if (type == typeof(double) || type == typeof(float)) return "a number (e.g. 1e7 or 0.5)";
        return null;
    }

    private static bool Parses(string value, Type valueType)
    {
        var type = Nullable.GetUnderlyingType(valueType) ?? valueType;
        if (type.IsArray) type = type.GetElementType()!;
        // Counts are parsed by Common.WholeNumbers, whose own message (not whole, out of range) is kept.
        if (type == typeof(int) || type == typeof(long)) return true;
        if (type == typeof(double) || type == typeof(float)) return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        return true;
    }

    private static IEnumerable<Option> Options(Command command) =>
        command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive))).Where(o => !o.Hidden);

    private static string Expected(Command command) => command.Arguments.Count switch
    {
        0 => "no arguments, only options",
        1 => $"one {command.Arguments[0].Name} at most",
        _ => string.Join(", ", command.Arguments.Select(a => a.Name)),
    };

    private static string Lowered(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;
}

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ScalingFit.Cli.Common;

/// <summary>
/// The one parser of counts on the command line (--bootstrap, --seed, --threads, --window, --min-sizes,
/// --drop-highest-loss, --points, --breaks, the architecture's sizes, …): a whole number written plainly
/// or in scientific notation (1000, 1e3, 1E3, 2.5e2, 1_000), refused with a usage message when it is not
/// whole (1.5, 1e-1) or does not fit the option's type.
/// </summary>
internal static class WholeNumbers
{
    /// <summary>What a count may look like, for messages.</summary>
    public const string Examples = "such as 1000 or 1e3";

    /// <summary>Parses a whole number in plain or scientific notation, exactly (decimal arithmetic, no rounding).</summary>
    /// <returns>False when the text is not a number, not whole, or beyond ±7.9e28.</returns>
    public static bool TryParse(string text, out decimal value)
    {
        value = 0;
        if (!decimal.TryParse(text.Trim().Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            return false;
        if (decimal.Truncate(parsed) != parsed) return false;
        value = parsed;
        return true;
    }

    /// <summary>A whole number between the bounds, or an <see cref="OptionException"/> naming the option.</summary>
    /// <exception cref="OptionException">Not a whole number, or outside [min, max].</exception>
    public static long Parse(string text, string option, long min = long.MinValue, long max = long.MaxValue)
    {
        if (Check(text, option, min, max) is { } error) throw new OptionException(error);
        TryParse(text, out var value);
        return (long)value;
    }

    /// <summary>Gives every count option of the command and its subcommands this parser.</summary>
    public static void Attach(Command command)
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<int> o: o.CustomParser = r => (int)Parsed(r, o.Name, int.MinValue, int.MaxValue); break;
                case Option<int?> o: o.CustomParser = r => (int?)Parsed(r, o.Name, int.MinValue, int.MaxValue); break;
                case Option<long> o: o.CustomParser = r => Parsed(r, o.Name, long.MinValue, long.MaxValue); break;
                case Option<long?> o: o.CustomParser = r => Parsed(r, o.Name, long.MinValue, long.MaxValue); break;
            }
        }
        foreach (var sub in command.Subcommands) Attach(sub);
    }

    /// <summary>The message for text that is not a whole number in [min, max]; null when it is one.</summary>
    public static string? Check(string text, string option, long min, long max)
    {
        if (!TryParse(text, out var value))
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? $"{option} expects a whole number {Examples}, got '{text}', which is not whole."
                : $"{option} expects a whole number {Examples}, got '{text}'.";
        if (value < min || value > max)
            return $"{option} '{text}' is out of range: it must lie between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.";
        return null;
    }

    private static long Parsed(ArgumentResult result, string option, long min, long max)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (Check(text, option, min, max) is { } error)
        {
            result.AddError(error);
            return 0;
        }
        TryParse(text, out var value);
        return (long)value;
    }
}

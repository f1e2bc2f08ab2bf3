using System.CommandLine;
using System.CommandLine.Completions;
using System.Globalization;

namespace ScalingFit.Cli.Help;

/// <summary>
/// The words help shows for one option: its names, its value (the choices when it has a few), and
/// its description with the choices and a readable default (1e7, not 10000000) added where the
/// description does not already give them.
/// </summary>
internal static class HelpText
{
    /// <summary>Choices longer than this go into the description instead of the value placeholder.</summary>
    private const int MaxInlineChoices = 28;

    /// <summary>"-o, --out &lt;file&gt;".</summary>
    public static string Names(Option option)
    {
        // Windows-style aliases (/h, /?) and -? are accepted but not advertised.
        var names = option.Aliases.Append(option.Name).Distinct().Where(n => n[0] != '/' && n != "-?").OrderBy(n => n.StartsWith("--", StringComparison.Ordinal) ? 1 : 0).ThenBy(n => n.Length);
        string value = Placeholder(option);
        return string.Join(", ", names) + (value.Length == 0 ? "" : " " + value);
    }

    /// <summary>The description, then the choices, the default and "required" where the description lacks them.</summary>
    public static string Description(Option option)
    {
        string text = (option.Description ?? "").Trim();
        var choices = Choices(option);
        if (choices.Count > 0 && string.Join('|', choices).Length > MaxInlineChoices && !choices.All(c => text.Contains(c, StringComparison.Ordinal)))
            text = Sentence(text, $"One of: {string.Join(", ", choices)}.");
        if (option.Required) text = Sentence(text, "Required.");
        else if (Default(option) is { } value && !text.Contains("default", StringComparison.OrdinalIgnoreCase))
            text = Sentence(text, $"Default: {value}.");
        return text;
    }

    /// <summary>The values an option accepts when it accepts only some (AcceptOnlyFromAmong), else none.</summary>
    public static IReadOnlyList<string> Choices(Option option)
    {
        if (IsFlag(option)) return [];
        return option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
    }

    /// <summary>Whether the option takes no value (a switch such as --json).</summary>
    public static bool IsFlag(Option option) => option.ValueType == typeof(bool) || option.Arity.MaximumNumberOfValues == 0;

    /// <summary>The default as a person writes it, or null for none (or an empty one, or a switch's false).</summary>
    public static string? Default(Option option)
    {
        if (!option.HasDefaultValue || IsFlag(option)) return null;
        return option.GetDefaultValue() switch
        {
            null => null,
            string s => s.Length == 0 ? null : s,
            double d => Number(d),
            float f => Number(f),
            int i => Number(i),
            long l => Number(l),
            bool b => b ? "true" : null,
            System.Collections.IEnumerable => null,
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A number as a person writes it: 1e7, 5.76e23, 1e-3, 0.2, 1000.</summary>
    public static string Number(double value)
    {
        double magnitude = Math.Abs(value);
        if (value == 0 || !double.IsFinite(value) || (magnitude >= 1e-2 && magnitude < 1e5))
            return value.ToString("R", CultureInfo.InvariantCulture);
        string text = value.ToString("E15", CultureInfo.InvariantCulture);
        int e = text.IndexOf('E');
        string mantissa = double.Parse(text[..e], CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
        return $"{mantissa}e{int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// What a text option's value is, by the option's name, for options whose value is parsed by the
    /// command (a law, a condition, a point): one table instead of a HelpName at every definition.
    /// </summary>
    private static readonly Dictionary<string, string> Placeholders = new(StringComparer.Ordinal)
    {
        ["--where"] = "condition", ["--select-by"] = "column", ["--x"] = "inputs", ["--y"] = "column",
        ["--law"] = "law", ["--laws"] = "law,...", ["--metric-law"] = "law", ["--law-file"] = "file",
        ["--fix"] = "name=value,...", ["--tie"] = "name=name,...", ["--bound"] = "name=low:high,...",
        ["--n-unit"] = "unit", ["--d-unit"] = "unit", ["--c-unit"] = "unit", ["--cost-unit"] = "unit",
        ["--at"] = "N=value,...", ["--extrapolate-to"] = "Q=value", ["--holdout-above"] = "Q=value",
        ["--compute-range"] = "low:high", ["--config"] = "file", ["--safetensors"] = "file", ["--ladder"] = "file",
        ["--model"] = "name", ["--family"] = "family", ["--tokens"] = "number", ["--scale-d"] = "factor",
        ["--scale-layers"] = "factor", ["--widths"] = "d,...", ["--depths"] = "L,...",
        ["--bias"] = "none|qkv|attention|all", ["--norm"] = "layernorm|rmsnorm", ["--positions"] = "learned|rotary|alibi|none",
        ["--kind"] = "kind", ["--group-by"] = "column,...", ["--resample-by"] = "column,...|rows", ["--versus"] = "N|D|C", ["--by"] = "N|D|C",
    };

    private static string Placeholder(Option option)
    {
        if (IsFlag(option)) return "";
        var choices = Choices(option);
        if (choices.Count > 0 && string.Join('|', choices).Length <= MaxInlineChoices) return $"<{string.Join('|', choices)}>";
        if (!string.IsNullOrEmpty(option.HelpName)) return $"<{option.HelpName}>";
        if (Placeholders.TryGetValue(option.Name, out var placeholder)) return $"<{placeholder}>";
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (type.IsArray) type = type.GetElementType()!;
        if (type == typeof(double) || type == typeof(float)) return "<number>";
        if (type == typeof(int) || type == typeof(long)) return "<integer>";
        if (option.Name.EndsWith("-column", StringComparison.Ordinal)) return "<column>";
        return "<value>";
    }

    private static string Sentence(string text, string addition) =>
        text.Length == 0 ? addition : text.EndsWith('.') || text.EndsWith(')') ? $"{text} {addition}" : $"{text}. {addition}";
}

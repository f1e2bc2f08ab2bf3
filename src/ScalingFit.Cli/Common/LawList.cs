using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Laws.Formulas;

namespace ScalingFit.Cli.Common;

/// <summary>A comma-separated list of laws, as --laws takes it (compare, report, plot --kind backtest): built-in names or formulas.</summary>
internal static class LawList
{
    /// <summary>The built-in laws compared by default, in the registry's order, as help lists them.</summary>
    public static string Compared => string.Join(", ", LawRegistry.All.Where(d => d.Compared).Select(d => d.Name));

    /// <summary>The error for a name that is neither a built-in law nor a formula, with the closest names, under the flag that gave it.</summary>
    public static OptionException Unknown(string name, string flag) =>
        new($"{flag}: {LawRegistry.Unknown(name).Message}{Help.Suggestions.Sentence(Help.Suggestions.For(name, LawRegistry.Names))}");

    /// <summary>The laws named, one-input laws taking <paramref name="input"/>; formulas are checked now and bound to the runs later.</summary>
    /// <exception cref="OptionException">No law named, an unknown one, or a malformed formula.</exception>
    public static List<LawRequest> Parse(string names, Quantity input)
    {
        var list = Split(names).Distinct().ToList();
        if (list.Count == 0) throw new OptionException("--laws names no law; e.g. --laws power,saturating,chinchilla.");
        return list.Select(name =>
        {
            if (LawRegistry.Find(name) is { } definition)
            {
                var settings = new LawSettings { Inputs = definition.TakesOneInput ? [LawInput.Of(input)] : null };
                return new LawRequest(name, definition, settings, null, ParameterConstraints.None, null, null, false);
            }
            if (!FormulaLaw.LooksLikeFormula(name)) throw Unknown(name, "--laws");
            FormulaLaw.Check(name);
            return new LawRequest(name, null, new LawSettings(), new FormulaOptions(), ParameterConstraints.None, null, null, false);
        }).ToList();
    }

    /// <summary>The columns besides N, D and C that any of the laws may take as inputs (see <see cref="LawRequest.InputColumns"/>).</summary>
    public static IReadOnlyList<string> InputColumns(IEnumerable<LawRequest> requests) =>
        requests.SelectMany(r => r.InputColumns).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The laws bound to the runs.</summary>
    public static List<LawSpec> Resolve(IEnumerable<LawRequest> requests, RunSet runs) => requests.Select(r => r.Resolve(runs)).ToList();

    /// <summary>Splits at commas outside parentheses (a formula's min(a, b) keeps its comma).</summary>
    private static IEnumerable<string> Split(string text)
    {
        int depth = 0, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                string item = text[start..i].Trim();
                if (item.Length > 0) yield return item;
                start = i + 1;
            }
            else if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
        }
    }
}

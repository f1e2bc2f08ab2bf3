using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Cli.Common;

/// <summary>A comma-separated list of laws, as --laws takes it (compare, plot --kind backtest).</summary>
internal static class LawList
{
    /// <summary>The laws named, one-input laws taking <paramref name="input"/>.</summary>
    /// <exception cref="OptionException">No law named, or an unknown one.</exception>
    public static List<LawSpec> Parse(string names, Quantity input)
    {
        var list = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (list.Count == 0) throw new OptionException("--laws names no law; e.g. --laws power,saturating,chinchilla.");
        return list.Select(name => LawSpec.Create(name, name is "power" or "saturating" ? [input] : null)).ToList();
    }
}

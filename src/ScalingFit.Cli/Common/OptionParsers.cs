using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Plotting;

namespace ScalingFit.Cli.Common;

/// <summary>The command line's own small languages: points, thresholds, ranges and constraints, each error naming its option.</summary>
internal static class OptionParsers
{
    /// <summary>A point such as "N=7e10,D=1.4e12" (any input of a law: N, D, C, L or a column).</summary>
    /// <exception cref="OptionException">The text is malformed.</exception>
    public static IReadOnlyDictionary<LawInput, double> Point(string text)
    {
        var point = new Dictionary<LawInput, double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0)
                throw new OptionException($"'{part}' in --at '{text}' is not of the form NAME=VALUE (N=…, D=…, C=… or a column of the law).");
            var input = LawInput.Column(part[..eq]);
            double value = NumberText.Parse(part[(eq + 1)..], $"{input.Name} in --at");
            if (!double.IsFinite(value)) throw new OptionException($"{input.Name} in --at must be a finite number, got {part[(eq + 1)..]}.");
            if (input.Quantity is not null && !(value > 0)) throw new OptionException($"{input.Name} in --at must be positive, got {part[(eq + 1)..]}.");
            if (!point.TryAdd(input, value)) throw new OptionException($"--at '{text}' gives {input.Name} twice.");
        }
        if (point.Count == 0) throw new OptionException("--at needs a point such as N=7e10 or N=7e10,D=1.4e12.");
        return point;
    }

    /// <summary>A threshold such as "N=1e9" or "C=1e21" for --holdout-above.</summary>
    /// <exception cref="OptionException">Not QUANTITY=VALUE with N, D or C.</exception>
    public static Holdout HoldoutAbove(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || !Quantities.TryParse(text[..eq], out var q) || q == Quantity.Loss)
            throw new OptionException($"--holdout-above '{text}' is not of the form N=VALUE, D=VALUE or C=VALUE.");
        double threshold = NumberText.Parse(text[(eq + 1)..], "--holdout-above");
        if (!(threshold > 0) || double.IsInfinity(threshold))
            throw new OptionException($"--holdout-above '{text}': the threshold must be a positive finite number.");
        return Holdout.Above(q, threshold);
    }

    /// <summary>"LOW:HIGH" (e.g. 1e18:1e26) with 0 &lt; LOW &lt; HIGH.</summary>
    /// <exception cref="OptionException">Not two positive numbers separated by ':' in increasing order.</exception>
    public static (double Low, double High) Range(string text, string option)
    {
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
            throw new OptionException($"{option} '{text}' is not a range; write LOW:HIGH, e.g. 1e18:1e26.");
        double low = NumberText.Parse(parts[0], $"the low end of {option}");
        double high = NumberText.Parse(parts[1], $"the high end of {option}");
        if (!(low > 0) || !(high > 0) || !double.IsFinite(low) || !double.IsFinite(high))
            throw new OptionException($"{option} '{text}' needs positive finite ends.");
        if (!(high > low))
            throw new OptionException($"{option} '{text}' runs backwards or is empty: the high end must exceed the low end.");
        return (low, high);
    }

    /// <summary>"N=1e12" (also D=… or C=…) for --extrapolate-to.</summary>
    /// <exception cref="OptionException">Not QUANTITY=VALUE with one of N, D, C and a positive finite value.</exception>
    public static ExtrapolationTarget Extrapolation(string text)
    {
        const string form = "write it as N=1e12, D=2e13 or C=1e25";
        var parts = text.Split('=', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Quantities.TryParse(parts[0], out var quantity))
            throw new OptionException($"--extrapolate-to '{text}' is not of the form QUANTITY=VALUE; {form}.");
        if (quantity == Quantity.Loss)
            throw new OptionException($"--extrapolate-to '{text}': a law is extrapolated along N, D or C, not the loss; {form}.");
        if (!NumberText.TryParse(parts[1], out double value) || !double.IsFinite(value) || value <= 0)
            throw new OptionException($"--extrapolate-to '{text}': '{parts[1]}' is not a positive number; {form}.");
        return new ExtrapolationTarget(quantity, value);
    }

    /// <summary>The parameters of --fix, --tie and --bound: NAME=VALUE, NAME=OTHER and NAME=LOW:HIGH, comma lists, repeatable.</summary>
    /// <exception cref="OptionException">A malformed item, naming its option.</exception>
    public static ParameterConstraints Constraints(IEnumerable<string> fix, IEnumerable<string> tie, IEnumerable<string> bound)
    {
        var fixes = new Dictionary<string, double>();
        foreach (var (name, value) in Items(fix, "--fix", "E=1.69"))
        {
            if (!NumberText.TryParse(value, out var v) || !double.IsFinite(v))
                throw new OptionException($"--fix {name}={value}: '{value}' is not a number; write --fix E=1.69.");
            if (!fixes.TryAdd(name, v)) throw new OptionException($"--fix gives {name} twice.");
        }
        var ties = Items(tie, "--tie", "alpha=beta").Select(p => new ParameterTie(p.Name, p.Value)).ToList();
        var bounds = new Dictionary<string, ParameterBounds>();
        foreach (var (name, value) in Items(bound, "--bound", "alpha=0:1"))
        {
            var ends = value.Split(':', StringSplitOptions.TrimEntries);
            double End(string text, double none) => text.Length == 0 ? none
                : NumberText.TryParse(text, out var v) && !double.IsNaN(v) ? v
                : throw new OptionException($"--bound {name}={value}: '{text}' is not a number; write --bound alpha=0:1 (either end may be left empty).");
            if (ends.Length != 2) throw new OptionException($"--bound {name}={value} is not a range; write --bound alpha=0:1 (either end may be left empty).");
            if (!bounds.TryAdd(name, new ParameterBounds(End(ends[0], double.NegativeInfinity), End(ends[1], double.PositiveInfinity))))
                throw new OptionException($"--bound gives {name} twice.");
        }
        return new ParameterConstraints { Fixed = fixes, Ties = ties, Bounds = bounds };
    }

    private static IEnumerable<(string Name, string Value)> Items(IEnumerable<string> values, string option, string example)
    {
        foreach (var value in values)
        {
            foreach (var item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int eq = item.IndexOf('=');
                if (eq <= 0 || eq == item.Length - 1)
                    throw new OptionException($"{option} '{item}' is not of the form NAME=VALUE; write {option} {example}.");
                yield return (item[..eq].Trim(), item[(eq + 1)..].Trim());
            }
        }
    }
}

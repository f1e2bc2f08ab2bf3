using System.Globalization;

namespace ScalingFit.Architecture;

/// <summary>
/// Keeps a borrowed family's rules from counting silently wrong. When the file's model_type is a
/// family ScalingFit counts, the borrowed rules must give the same count or the difference is an
/// error; otherwise every key that changes the count (<see cref="CountKeys"/>) must be read by the
/// borrowed rules or hold a value that changes nothing.
/// </summary>
internal static class FamilyCheck
{
    public static void Borrowed(ConfigKeys keys, FamilyRules rules, string? modelType, ArchitectureSpec overrides, ArchitectureSpec borrowed)
    {
        if (modelType is not null && ModelFamilies.FamilyOf(modelType) is { } own)
        {
            if (own == rules.Name) return;
            if (CompareWithOwnRules(keys, rules, ModelFamilies.Get(own), overrides, borrowed)) return;
        }
        foreach (var (key, entry) in CountKeys.Catalog)
        {
            if (keys.Read.Contains(key) || keys.Raw(key) is not { } value || entry.Neutral(value, keys, borrowed)) continue;
            string who = entry.Readers.Length > 0 ? $"the {entry.Readers} rules read it" : "no family ScalingFit knows reads it";
            string what = entry.Meaning is { } meaning
                ? $"this key ({value.GetRawText()}) changes the parameter count: {string.Format(null, meaning, rules.Name)}"
                : $"this key changes the parameter count ({value.GetRawText()}) and the {rules.Name} rules do not read it; {who}";
            throw new ArchitectureException(
                $"{what}. Choose a family whose rules read it, describe the architecture by hand, or count the checkpoint's tensors from its safetensors headers.",
                keys.Source, keys.Name(key));
        }
    }

    /// <summary>True when both rules give the same counts; an error naming the differences when they do not; false when the own rules cannot read the file.</summary>
    private static bool CompareWithOwnRules(ConfigKeys keys, FamilyRules borrowedRules, FamilyRules ownRules, ArchitectureSpec overrides, ArchitectureSpec borrowed)
    {
        TransformerShape own;
        try
        {
            own = (ownRules.Read(keys.Fresh(ownRules.Name), overrides, ownRules.Preset).Overlay(overrides) with { Family = ownRules.Name }).Build();
        }
        catch (ScalingFitException)
        {
            return false;
        }
        var shape = borrowed.Build();
        ParameterBreakdown a = ParameterCounter.Count(own), b = ParameterCounter.Count(shape);
        if (a.Total == b.Total && a.ActivePerToken == b.ActivePerToken) return true;
        var differences = Differences(own, shape);
        throw new ArchitectureException(
            $"'{ownRules.Name}' is a family ScalingFit counts: its rules give {Text(a.Total)} parameters, the {borrowedRules.Name} rules {Text(b.Total)}" +
            (differences.Count > 0 ? $" ({string.Join("; ", differences)})" : "") + $". Count it with its own family's rules ({ownRules.Name}).",
            keys.Source, keys.Name("model_type"));
    }

    private static List<string> Differences(TransformerShape own, TransformerShape borrowed)
    {
        (string What, Func<TransformerShape, string> Value)[] aspects =
        [
            ("norms per layer", s => s.NormsPerLayer.ToString(CultureInfo.InvariantCulture)),
            ("norm", s => s.Norm.Name()),
            ("query/key norms", s => s.QueryKeyNorm.Name()),
            ("output head", s => s.TiedEmbeddings ? "tied" : "untied"),
            ("MLP", s => s.GatedMlp ? "gated" : "plain"),
            ("biases", s => s.Bias.ToString()),
            ("key-value heads", s => s.KeyValueHeads.ToString(CultureInfo.InvariantCulture)),
            ("experts", s => s.Experts.ToString(CultureInfo.InvariantCulture)),
            ("attention", s => s.Latent is null ? "standard" : "latent"),
            ("positions", s => s.Positions.Name()),
        ];
        return aspects.Where(x => x.Value(own) != x.Value(borrowed))
            .Select(x => $"{x.What}: {x.Value(own)} under {own.Family}, {x.Value(borrowed)} under {borrowed.Family}")
            .ToList();
    }

    private static string Text(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

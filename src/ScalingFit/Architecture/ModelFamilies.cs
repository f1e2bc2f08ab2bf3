namespace ScalingFit.Architecture;

/// <summary>
/// The model families whose Hugging Face config.json ScalingFit reads (by model_type), each with
/// the keys it reads and the structure its implementation hard-codes: MLP, biases, norms,
/// positions, and whether the output head is tied by default.
/// </summary>
public static class ModelFamilies
{
    /// <summary>The name of a family described by hand, with no built-in rules.</summary>
    public const string Custom = "custom";

    private static readonly FamilyRules[] Rules = FamilyCatalog.All;

    private static readonly FamilyRules CustomRules = new(Custom, "described by hand", "what the options describe",
        new ArchitectureSpec { Family = Custom }, FamilyReaders.Custom);

    /// <summary>The model_type of every known family, in the order they are listed.</summary>
    public static IReadOnlyList<string> Names { get; } = Rules.Select(r => r.Name).ToList();

    /// <summary>The known families with the models they cover, for help and error messages.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Descriptions { get; } =
        Rules.Select(r => new KeyValuePair<string, string>(r.Name, r.Models)).ToList();

    /// <summary>The known families with what their rules count beyond attention, MLP and embeddings, for the documentation.</summary>
    public static IReadOnlyList<(string Name, string Models, string Counts)> Catalog { get; } =
        Rules.Select(r => (r.Name, r.Models, r.Counts)).ToList();

    /// <summary>Whether ScalingFit knows the rules of a family (model_type, or an older name such as RefinedWeb), case-insensitively.</summary>
    public static bool IsKnown(string family) => Find(family) is not null;

    /// <summary>The family a model_type belongs to (falcon for RefinedWeb), or null when it is not known.</summary>
    public static string? FamilyOf(string modelType) => Find(modelType)?.Name;

    /// <summary>
    /// The structure a family hard-codes (MLP, biases, norm, positions, tied default), as a
    /// description to overlay sizes on; an empty description for <see cref="Custom"/>.
    /// </summary>
    /// <exception cref="OptionException">The family is not known.</exception>
    public static ArchitectureSpec Preset(string family) => Get(family).Preset;

    internal static FamilyRules Get(string family) => Find(family)
        ?? (string.Equals(family, Custom, StringComparison.OrdinalIgnoreCase)
            ? CustomRules
            : throw new OptionException($"'{family}' is not a known model family; the known families are {KnownList}."));

    /// <summary>"gpt2 (GPT-2), gpt_neox (GPT-NeoX, Pythia), …".</summary>
    internal static string KnownList => string.Join(", ", Rules.Select(r => $"{r.Name} ({r.Models})"));

    private static FamilyRules? Find(string family)
    {
        string name = family.Trim();
        return Rules.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase) ||
                                         r.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)));
    }
}

/// <summary>A family: its name, the models it covers, what it counts, its hard-coded structure, how it reads config.json, and older model_type names.</summary>
internal sealed record FamilyRules(
    string Name, string Models, string Counts, ArchitectureSpec Preset,
    Func<ConfigKeys, ArchitectureSpec, ArchitectureSpec, ArchitectureSpec> Read, params string[] Aliases);

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

    private static readonly FamilyRules[] Rules =
    [
        new("gpt2", "GPT-2", Preset("gpt2", gated: false, BiasLayout.All, NormKind.LayerNorm, PositionKind.Learned, tied: true), FamilyReaders.Gpt2),
        new("gpt_neox", "GPT-NeoX, Pythia", Preset("gpt_neox", gated: false, BiasLayout.All, NormKind.LayerNorm, PositionKind.Rotary, tied: false), FamilyReaders.GptNeoX),
        new("opt", "OPT", Preset("opt", gated: false, BiasLayout.All, NormKind.LayerNorm, PositionKind.Learned, tied: true), FamilyReaders.Opt),
        new("bloom", "BLOOM", Preset("bloom", gated: false, BiasLayout.All, NormKind.LayerNorm, PositionKind.Alibi, tied: true) with
        {
            EmbeddingNorm = new(true, SettingOrigin.Default("bloom")),
        }, FamilyReaders.Bloom),
        new("llama", "Llama, Llama 2, Llama 3", Preset("llama", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: false), FamilyReaders.Llama),
        new("mistral", "Mistral", Preset("mistral", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: false), FamilyReaders.Mistral),
        new("mixtral", "Mixtral, a mixture of experts", Preset("mixtral", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: false), FamilyReaders.Mixtral),
        new("qwen2", "Qwen2", Preset("qwen2", gated: true, BiasLayout.QueryKeyValueOnly, NormKind.RmsNorm, PositionKind.Rotary, tied: false), FamilyReaders.Mistral),
    ];

    private static readonly FamilyRules CustomRules = new(Custom, "described by hand", new ArchitectureSpec { Family = Custom }, FamilyReaders.Custom);

    /// <summary>The model_type of every known family, in the order they are listed.</summary>
    public static IReadOnlyList<string> Names { get; } = Rules.Select(r => r.Name).ToList();

    /// <summary>The known families with the models they cover, for help and error messages.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Descriptions { get; } =
        Rules.Select(r => new KeyValuePair<string, string>(r.Name, r.Models)).ToList();

    /// <summary>Whether ScalingFit knows the rules of a family (model_type), case-insensitively.</summary>
    public static bool IsKnown(string family) => Find(family) is not null;

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

    private static FamilyRules? Find(string family) =>
        Rules.FirstOrDefault(r => string.Equals(r.Name, family.Trim(), StringComparison.OrdinalIgnoreCase));

    private static ArchitectureSpec Preset(string family, bool gated, BiasLayout bias, NormKind norm, PositionKind positions, bool tied)
    {
        var origin = SettingOrigin.Default(family);
        return new ArchitectureSpec
        {
            Family = family,
            GatedMlp = new(gated, origin),
            Bias = new(bias, origin),
            Norm = new(norm, origin),
            Positions = new(positions, origin),
            TiedEmbeddings = new(tied, origin),
        };
    }
}

/// <summary>A family: its name, the models it covers, its hard-coded structure and how it reads config.json.</summary>
internal sealed record FamilyRules(
    string Name, string Models, ArchitectureSpec Preset, Func<ConfigKeys, ArchitectureSpec, ArchitectureSpec, ArchitectureSpec> Read);

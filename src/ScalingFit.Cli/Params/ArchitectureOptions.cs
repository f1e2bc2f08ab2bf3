using System.CommandLine;
using ScalingFit.Architecture;

namespace ScalingFit.Cli.Params;

/// <summary>
/// The options of `params` that describe an architecture by hand (or override a config.json):
/// family rules, heads, grouped-query attention, gated MLP, biases, norm, positions, tying, experts.
/// </summary>
internal sealed class ArchitectureOptions
{
    public Option<string?> Family { get; } = new("--family")
    {
        Description = $"Count with a known family's rules ({string.Join(", ", ModelFamilies.Names)}) whatever the config's model_type says.",
    };
    public Option<long?> NHeads { get; } = new("--n-heads") { Description = "Number of attention (query) heads." };
    public Option<long?> KvHeads { get; } = new("--kv-heads") { Description = "Number of key-value heads (grouped-query attention; default: --n-heads)." };
    public Option<long?> HeadDim { get; } = new("--head-dim") { Description = "Size of one head (default: d_model / heads)." };
    public Option<bool> GatedMlp { get; } = new("--gated-mlp") { Description = "The MLP is gated (gate, up and down matrices, as in SwiGLU)." };
    public Option<string?> Bias { get; } = new("--bias") { Description = "Which linear layers have biases: none, qkv, attention or all." };
    public Option<string?> Norm { get; } = new("--norm") { Description = "Norm layers: layernorm (weight and bias) or rmsnorm (weight)." };
    public Option<string?> Positions { get; } = new("--positions") { Description = "Positions: learned (n_ctx × d_model parameters), rotary, alibi or none." };
    public Option<bool> Tied { get; } = new("--tied") { Description = "The output head shares the token embedding's matrix." };
    public Option<bool> Untied { get; } = new("--untied") { Description = "The output head has its own matrix." };
    public Option<long?> Experts { get; } = new("--experts") { Description = "Experts per MLP (mixture of experts)." };
    public Option<long?> ExpertsPerToken { get; } = new("--experts-per-token") { Description = "Experts each token is routed to." };

    public IEnumerable<Option> All => [Family, NHeads, KvHeads, HeadDim, GatedMlp, Bias, Norm, Positions, Tied, Untied, Experts, ExpertsPerToken];

    /// <summary>Whether any of these options is given, which makes a shape a hand description counted exactly.</summary>
    public bool AnyGiven(ParseResult parse) => All.Any(o => ParamsCommand.Given(parse, o));

    /// <summary>The values given on the command line, each tagged with its option, to overlay on a family or a config.</summary>
    public ArchitectureSpec Overrides(ParseResult parse, ShapeOptions shape)
    {
        if (parse.GetValue(Tied) && parse.GetValue(Untied)) throw new OptionException("--tied and --untied contradict each other; give one.");
        return new ArchitectureSpec
        {
            ModelWidth = Size(parse, shape.DModel),
            LayerCount = Size(parse, shape.NLayer),
            FeedForwardWidth = Size(parse, shape.DFf),
            VocabularySize = Size(parse, shape.Vocab),
            ContextLength = Size(parse, shape.NCtx),
            AttentionHeads = Size(parse, NHeads),
            KeyValueHeads = Size(parse, KvHeads),
            HeadDimension = Size(parse, HeadDim),
            Experts = Size(parse, Experts),
            ExpertsPerToken = Size(parse, ExpertsPerToken),
            GatedMlp = parse.GetValue(GatedMlp) ? new(true, Origin(GatedMlp)) : null,
            TiedEmbeddings = parse.GetValue(Tied) ? new(true, Origin(Tied)) : parse.GetValue(Untied) ? new(false, Origin(Untied)) : null,
            Bias = parse.GetValue(Bias) is { } bias ? new(BiasLayout.Parse(bias), Origin(Bias)) : null,
            Norm = parse.GetValue(Norm) is { } norm ? new(ArchitectureWords.ParseNorm(norm), Origin(Norm)) : null,
            Positions = parse.GetValue(Positions) is { } positions ? new(ArchitectureWords.ParsePositions(positions), Origin(Positions)) : null,
        };
    }

    private static Setting<long>? Size(ParseResult parse, Option<long?> option) =>
        parse.GetValue(option) is { } value ? new(value, Origin(option)) : null;

    private static SettingOrigin Origin(Option option) => SettingOrigin.Option(option.Name);
}

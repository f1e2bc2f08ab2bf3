using System.CommandLine;
using ScalingFit.Architecture;
using ScalingFit.Data;

namespace ScalingFit.Cli.Params;

/// <summary>
/// The options of `params` that give a shape (Kaplan's d_model, n_layer, d_attn, d_ff, vocabulary,
/// context), training tokens and what-if scaling.
/// </summary>
internal sealed class ShapeOptions
{
    public Option<long?> DModel { get; } = new("--d-model") { Description = "Width d_model of the residual stream." };
    public Option<long?> NLayer { get; } = new("--n-layer") { Description = "Number of layers n_layer." };
    public Option<long?> DAttn { get; } = new("--d-attn") { Description = "Attention width d_attn (heads × head size) for the Kaplan estimate (default: d_model)." };
    public Option<long?> DFf { get; } = new("--d-ff") { Description = "MLP width d_ff (default: 4·d_model)." };
    public Option<long?> Vocab { get; } = new("--vocab") { Description = "Vocabulary size n_vocab; with --n-ctx gives the embedding (n_vocab + n_ctx)·d_model." };
    public Option<long?> NCtx { get; } = new("--n-ctx") { Description = "Context length n_ctx, for the attention FLOP 2·n_layer·n_ctx·d_attn and learned positions." };
    public Option<string?> Tokens { get; } = new("--tokens") { Description = "Training tokens D, for the training compute 6·N·D (e.g. 3e11)." };
    public Option<string?> ScaleD { get; } = new("--scale-d") { Description = "What if the width (d_model, d_attn, d_ff) were k_d times larger: N' = k_n·k_d²·N." };
    public Option<string?> ScaleLayers { get; } = new("--scale-layers") { Description = "What if the depth n_layer were k_n times larger." };
    public Option<bool> Ladder { get; } = new("--ladder") { Description = "Show N over a ladder of 4 widths and 4 depths (steps: --scale-d and --scale-layers, default 2)." };

    public IEnumerable<Option> All => [DModel, NLayer, DAttn, DFf, Vocab, NCtx, Tokens, ScaleD, ScaleLayers, Ladder];

    public bool GivesShape(ParseResult parse) => ParamsCommand.Given(parse, DModel) || ParamsCommand.Given(parse, NLayer);

    public double? TrainingTokens(ParseResult parse) =>
        parse.GetValue(Tokens) is { } text ? NumberText.Parse(text, "--tokens") : null;

    /// <summary>The shape from --d-model, --n-layer and the optional sizes.</summary>
    public KaplanShape Shape(ParseResult parse)
    {
        if (parse.GetValue(DModel) is not { } d) throw new OptionException("--d-model is needed with --n-layer.");
        if (parse.GetValue(NLayer) is not { } layers) throw new OptionException("--n-layer is needed with --d-model.");
        return KaplanShape.Of(d, layers, parse.GetValue(DAttn), parse.GetValue(DFf), parse.GetValue(Vocab), parse.GetValue(NCtx));
    }

    /// <summary>What-if scaling when --scale-d or --scale-layers is given (the other factor is 1).</summary>
    public ScaledShape? Scaling(ParseResult parse, KaplanShape shape)
    {
        var (width, depth) = (Factor(parse, ScaleD), Factor(parse, ScaleLayers));
        return width is null && depth is null ? null : ShapeScaling.Scale(shape, width ?? 1, depth ?? 1);
    }

    /// <summary>The ladder when --ladder is given; its steps are the scale factors, default 2.</summary>
    public ShapeLadder? LadderOf(ParseResult parse, KaplanShape shape) =>
        parse.GetValue(Ladder) ? ShapeScaling.Ladder(shape, Factor(parse, ScaleD) ?? 2, Factor(parse, ScaleLayers) ?? 2) : null;

    private static double? Factor(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text ? NumberText.Parse(text, option.Name) : null;
}

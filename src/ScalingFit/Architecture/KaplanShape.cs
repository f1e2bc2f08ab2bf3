using System.Globalization;

namespace ScalingFit.Architecture;

/// <summary>
/// A transformer's shape as Kaplan et al. 2020 (Table 1) describe it: width d_model, depth n_layer,
/// attention width d_attn, feed-forward width d_ff, and optionally vocabulary n_vocab and context
/// n_ctx. Create it with <see cref="Of"/>, which applies Kaplan's defaults and checks the sizes.
/// </summary>
public sealed record KaplanShape
{
    /// <summary>d_model: the width of the residual stream.</summary>
    public required long ModelWidth { get; init; }

    /// <summary>n_layer: the number of transformer blocks.</summary>
    public required long LayerCount { get; init; }

    /// <summary>d_attn: the total width of the attention heads (heads × head size); usually d_model.</summary>
    public required long AttentionWidth { get; init; }

    /// <summary>d_ff: the width of the feed-forward layer; usually 4·d_model.</summary>
    public required long FeedForwardWidth { get; init; }

    /// <summary>n_vocab: the vocabulary size, when known.</summary>
    public long? VocabularySize { get; init; }

    /// <summary>n_ctx: the context length in tokens, when known.</summary>
    public long? ContextLength { get; init; }

    /// <summary>
    /// A shape with Kaplan's defaults d_attn = d_model and d_ff = 4·d_model.
    /// </summary>
    /// <exception cref="OptionException">A size is zero or negative, or 4·d_model overflows.</exception>
    public static KaplanShape Of(
        long modelWidth, long layerCount, long? attentionWidth = null, long? feedForwardWidth = null,
        long? vocabularySize = null, long? contextLength = null)
    {
        Positive(modelWidth, "d_model");
        Positive(layerCount, "n_layer");
        if (attentionWidth is { } a) Positive(a, "d_attn");
        if (feedForwardWidth is { } f) Positive(f, "d_ff");
        if (vocabularySize is { } v) Positive(v, "n_vocab");
        if (contextLength is { } t) Positive(t, "n_ctx");
        return Kaplan.Checked($"d_model {modelWidth}", () => new KaplanShape
        {
            ModelWidth = modelWidth,
            LayerCount = layerCount,
            AttentionWidth = attentionWidth ?? modelWidth,
            FeedForwardWidth = feedForwardWidth ?? checked(4 * modelWidth),
            VocabularySize = vocabularySize,
            ContextLength = contextLength,
        });
    }

    /// <summary>Whether d_attn = d_model and d_ff = 4·d_model, where 12·n_layer·d_model² is exact.</summary>
    public bool HasStandardWidths => AttentionWidth == ModelWidth && FeedForwardWidth == 4 * ModelWidth;

    private static void Positive(long value, string name)
    {
        if (value <= 0)
            throw new OptionException($"{name} must be a positive integer, got {value.ToString(CultureInfo.InvariantCulture)}.");
    }
}

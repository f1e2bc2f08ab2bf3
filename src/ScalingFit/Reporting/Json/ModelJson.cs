using ScalingFit.Architecture;

namespace ScalingFit.Reporting.Json;

/// <summary>The built-in catalog in JSON (<c>params --model list --json</c>): {"models": [...]}.</summary>
/// <param name="Models">Every model, in catalog order.</param>
public sealed record ModelsJson(IReadOnlyList<ModelJson> Models)
{
    /// <summary>The catalog's JSON.</summary>
    public static ModelsJson Of(IEnumerable<KnownModel> models) => new(models.Select(ModelJson.Of).ToList());
}

/// <summary>A model of the built-in catalog, with its published size and source.</summary>
/// <param name="Name">Its name, e.g. gpt3-175b.</param>
/// <param name="Family">Its family.</param>
/// <param name="NLayer">n_layer.</param>
/// <param name="DModel">d_model.</param>
/// <param name="NHeads">Attention heads.</param>
/// <param name="DHead">The size of one head.</param>
/// <param name="DFf">d_ff.</param>
/// <param name="Vocab">n_vocab.</param>
/// <param name="NCtx">n_ctx.</param>
/// <param name="PublishedParameters">The size its authors published.</param>
/// <param name="PublishedNonEmbedding">The non-embedding size published; null when none was.</param>
/// <param name="Source">Where the numbers come from.</param>
public sealed record ModelJson(
    string Name, string Family, long NLayer, long DModel, long NHeads, long DHead, long DFf, long Vocab, long NCtx,
    long PublishedParameters, long? PublishedNonEmbedding, string Source)
{
    /// <summary>A model's JSON.</summary>
    public static ModelJson Of(KnownModel m) => new(
        m.Name, m.Family, m.LayerCount, m.ModelWidth, m.AttentionHeads, m.HeadDimension, m.FeedForwardWidth, m.VocabularySize,
        m.ContextLength, m.PublishedParameters, m.PublishedNonEmbedding, m.Reference);
}

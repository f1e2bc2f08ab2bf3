using System.Globalization;

namespace ScalingFit.Architecture;

/// <summary>
/// The short way in: count a config.json exactly and set it beside the Kaplan estimate, or
/// estimate a shape. <see cref="ModelConfig"/>, <see cref="ParameterCounter"/> and
/// <see cref="Kaplan"/> give control over each step.
/// </summary>
public static class Architectures
{
    /// <summary>Reads a config.json and analyses it.</summary>
    /// <inheritdoc cref="ModelConfig.Read(Stream, string, string?, ArchitectureSpec?)"/>
    /// <param name="json">The config.json content.</param>
    /// <param name="source">The name used for the input in messages, e.g. the file's path.</param>
    /// <param name="family">A family whose rules to use instead of the file's model_type.</param>
    /// <param name="overrides">Values given by options, which win over the file's.</param>
    /// <param name="trainingTokens">Training tokens D for the training compute, or null.</param>
    public static ArchitectureAnalysis FromConfig(
        Stream json, string source, string? family = null, ArchitectureSpec? overrides = null, double? trainingTokens = null)
    {
        var spec = ModelConfig.Read(json, source, family, overrides);
        return Analyze(spec.Build(), trainingTokens) with { Source = source, ModelType = spec.ModelType };
    }

    /// <summary>Counts a shape exactly and compares it with Kaplan's formulas.</summary>
    /// <exception cref="OptionException">A count does not fit in 64 bits, or D is not positive.</exception>
    public static ArchitectureAnalysis Analyze(TransformerShape shape, double? trainingTokens = null)
    {
        if (trainingTokens is { } tokens) Guard.Positive(tokens, "the number of training tokens");
        var parameters = ParameterCounter.Count(shape);
        return Kaplan.Checked($"d_model {shape.ModelWidth}, n_layer {shape.LayerCount}", () =>
        {
            long n = parameters.ActiveNonEmbedding;
            return new ArchitectureAnalysis
            {
                Shape = shape,
                Parameters = parameters,
                KaplanEstimate = Kaplan.NonEmbeddingParameters(shape.ModelWidth, shape.LayerCount, shape.AttentionWidth, shape.FeedForwardWidth),
                SimplifiedEstimate = Kaplan.SimplifiedParameters(shape.ModelWidth, shape.LayerCount),
                ForwardFlopsPerToken = Kaplan.ForwardFlopsPerToken(n, shape.LayerCount, shape.ContextLength ?? 0, shape.AttentionWidth),
                TrainingFlopsPerToken = checked(Kaplan.TrainingFlopsPerParameterToken * n),
                TrainingTokens = trainingTokens,
                TrainingCompute = trainingTokens * Kaplan.TrainingFlopsPerParameterToken * n,
                Notes = Notes(shape),
            };
        });
    }

    private static List<string> Notes(TransformerShape s)
    {
        var notes = new List<string>
        {
            "non-embedding (Kaplan et al. 2020) leaves out the token embedding, the position embedding and an untied output head; " +
            (s.TiedEmbeddings ? "this model's output head is tied to the token embedding and counted once" : "this model's output head is untied and counted as embedding"),
        };
        if (s.GatedMlp)
            notes.Add("the MLP is gated: 3 matrices of d_model×d_ff where Kaplan's formula counts 2");
        if (s.KeyValueHeads != s.AttentionHeads)
            notes.Add($"grouped-query attention: {Text(s.KeyValueHeads)} key-value heads for {Text(s.AttentionHeads)} query heads, " +
                      "so K and V are narrower than Kaplan's formula assumes");
        if (s.AttentionWidth != s.ModelWidth)
            notes.Add($"d_attn = {Text(s.AttentionHeads)} heads × {Text(s.HeadDimension)} = {Text(s.AttentionWidth)}, not d_model; " +
                      "12·n_layer·d_model² assumes they are equal");
        if (s.IsMixtureOfExperts)
            notes.Add($"mixture of {Text(s.Experts)} experts with {Text(s.ExpertsPerToken)} per token: the total counts every expert, " +
                      "the active count and the FLOP per token only those a token uses; Kaplan's formula counts one MLP");
        if (s.ContextLength is null)
            notes.Add("the context length is not known: FLOP per token leave out the attention term 2·n_layer·n_ctx·d_attn");
        return notes;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

namespace ScalingFit.Architecture;

/// <summary>
/// Exact parameter counts of a <see cref="TransformerShape"/>, summed as the Hugging Face
/// implementations lay the weights out (GPT2Model, GPTNeoXModel, OPTModel, BloomModel,
/// LlamaModel, MistralModel, MixtralModel, Qwen2Model).
/// </summary>
public static class ParameterCounter
{
    /// <summary>Counts every parameter of the shape, by component.</summary>
    /// <exception cref="OptionException">A count does not fit in 64 bits.</exception>
    public static ParameterBreakdown Count(TransformerShape s) =>
        Kaplan.Checked($"d_model {s.ModelWidth}, n_layer {s.LayerCount}", () => CountChecked(s));

    private static ParameterBreakdown CountChecked(TransformerShape s)
    {
        checked
        {
            long d = s.ModelWidth, layers = s.LayerCount, a = s.AttentionWidth, kv = s.KeyValueWidth, f = s.FeedForwardWidth;
            long e = s.EmbeddingWidth, v = s.VocabularySize;
            long norm = s.Norm == NormKind.LayerNorm ? 2 * d : d;   // LayerNorm: weight and bias; RMSNorm: weight

            // Per layer: Q (d×a), K and V (d×kv each), output (a×d).
            long attention = d * a + 2 * d * kv + a * d;
            long attentionBias = (s.Bias.QueryKeyValue ? a + 2 * kv : 0) + (s.Bias.AttentionOutput ? d : 0);
            // One expert's MLP: up and down (d×f, f×d), plus a gate (d×f) when gated.
            long expert = (s.GatedMlp ? 3 : 2) * d * f;
            long expertBias = s.Bias.Mlp ? (s.GatedMlp ? 2 * f : f) + d : 0;
            long router = s.IsMixtureOfExperts ? d * s.Experts : 0;   // a d×E gate without bias (Mixtral)

            long tokenEmbedding = v * e;
            long positionEmbedding = s.PositionRows * d;
            long projections = e != d ? 2 * e * d : 0;                // OPT's project_in and project_out, no bias
            long norms = layers * 2 * norm + (s.FinalNorm ? norm : 0) + (s.EmbeddingNorm ? norm : 0);
            long outputHead = s.TiedEmbeddings ? 0 : v * e;

            var counts = new ParameterBreakdown
            {
                Attention = layers * attention,
                Mlp = layers * s.Experts * expert,
                Norms = norms,
                Biases = layers * (attentionBias + s.Experts * expertBias),
                Router = layers * router,
                Projections = projections,
                TokenEmbedding = tokenEmbedding,
                PositionEmbedding = positionEmbedding,
                OutputHead = outputHead,
                InactiveExperts = layers * (s.Experts - s.ExpertsPerToken) * (expert + expertBias),
            };
            _ = counts.Total;   // the sums are checked too, so an overflow surfaces here
            return counts;
        }
    }
}

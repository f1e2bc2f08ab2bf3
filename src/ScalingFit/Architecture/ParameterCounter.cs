using static ScalingFit.Architecture.LayerParameters;

namespace ScalingFit.Architecture;

/// <summary>
/// Exact parameter counts of a <see cref="TransformerShape"/>, summed as the transformers
/// implementations lay the weights out (GPT2Model, GPTNeoXModel, OPTModel, BloomModel, LlamaModel,
/// MistralModel, MixtralModel, Qwen2/3(Moe)Model, GemmaModel, Gemma2/3Model, Phi3Model,
/// DeepseekV2/V3Model, OlmoModel, Olmo2Model, GPTJModel, GPTNeoModel, Starcoder2Model,
/// FalconModel, MambaModel, Mamba2Model).
/// </summary>
public static class ParameterCounter
{
    /// <summary>Counts every parameter of the shape, by component; multi-token prediction modules are not included.</summary>
    /// <exception cref="OptionException">A count does not fit in 64 bits.</exception>
    public static ParameterBreakdown Count(TransformerShape s) =>
        Kaplan.Checked($"d_model {s.ModelWidth}, n_layer {s.LayerCount}", () => CountChecked(s));

    /// <summary>
    /// The multi-token prediction modules (DeepSeek-V3), each an embedding norm and a hidden norm,
    /// a 2·d_model → d_model projection, one decoder layer with experts and a head norm; the
    /// embedding and output head are shared with the model. Null when the shape has none.
    /// </summary>
    /// <exception cref="OptionException">A count does not fit in 64 bits.</exception>
    public static ParameterBreakdown? CountPredictionModules(TransformerShape s) => s.PredictionLayers == 0 ? null :
        Kaplan.Checked($"d_model {s.ModelWidth}, n_layer {s.LayerCount}", () =>
        {
            checked
            {
                long d = s.ModelWidth;
                var layer = Attention(s) + (s.IsMixtureOfExperts ? ExpertMlp(s) : DenseMlp(s));
                return Breakdown(s.PredictionLayers * layer, s.PredictionLayers * 3 * Norm(s.Norm, d), s.PredictionLayers * 2 * d * d, 0, 0, 0);
            }
        });

    private static ParameterBreakdown CountChecked(TransformerShape s)
    {
        checked
        {
            long d = s.ModelWidth, e = s.EmbeddingWidth, v = s.VocabularySize;
            var layers = s.StateSpace is { } mixer
                ? s.LayerCount * StateSpace(s, mixer)
                : s.LayerCount * Attention(s) + s.DenseLayers * DenseMlp(s) + s.ExpertLayers * ExpertMlp(s);
            long extraNorms = (s.FinalNorm ? Norm(s.Norm, d) : 0) + (s.EmbeddingNorm ? Norm(s.Norm, d) : 0);
            long projections = e != d ? 2 * e * d : 0;                // OPT's project_in and project_out, no bias
            long outputHead = (s.TiedEmbeddings ? 0 : v * e) + (s.OutputHeadBias ? v : 0);
            var counts = Breakdown(layers, extraNorms, projections, v * e, s.PositionRows * d, outputHead);
            _ = counts.Total;   // the sums are checked too, so an overflow surfaces here
            return counts;
        }
    }

    private static ParameterBreakdown Breakdown(
        Parts layers, long extraNorms, long projections, long tokenEmbedding, long positionEmbedding, long outputHead) => new()
    {
        Attention = layers.Attention,
        Mlp = layers.Mlp,
        Mixer = layers.Mixer,
        Norms = checked(layers.Norms + extraNorms),
        AttentionBiases = layers.AttentionBiases,
        MlpBiases = layers.MlpBiases,
        Router = layers.Router,
        Projections = projections,
        TokenEmbedding = tokenEmbedding,
        PositionEmbedding = positionEmbedding,
        OutputHead = outputHead,
        InactiveExperts = layers.InactiveExperts,
    };
}

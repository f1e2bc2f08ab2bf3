using ScalingFit.Architecture;

namespace ScalingFit.Reporting.Json;

/// <summary>The shape of an exact count (its "architecture"): sizes, layout and structure.</summary>
/// <param name="DModel">d_model, the width of the residual stream.</param>
/// <param name="NLayer">n_layer.</param>
/// <param name="NHeads">Attention (query) heads.</param>
/// <param name="KvHeads">Key-value heads.</param>
/// <param name="HeadDim">The size of one head.</param>
/// <param name="DAttn">d_attn = heads × value head size.</param>
/// <param name="DFf">d_ff, the MLP width.</param>
/// <param name="Vocab">n_vocab.</param>
/// <param name="NCtx">The configuration's context length; null when it has none.</param>
/// <param name="GatedMlp">Whether the MLP is gated (SwiGLU and kin).</param>
/// <param name="Norm">The norm layers: layernorm or rmsnorm.</param>
/// <param name="Positions">Positions: learned, rotary, alibi or none.</param>
/// <param name="PositionRows">Rows of a learned position table.</param>
/// <param name="Bias">Which linear layers have biases.</param>
/// <param name="Tied">Whether the output head shares the token embedding.</param>
/// <param name="FinalNorm">Whether a norm follows the last layer.</param>
/// <param name="EmbeddingNorm">Whether a norm follows the embedding.</param>
/// <param name="EmbeddingWidth">The width of the token embedding.</param>
/// <param name="Experts">Experts per MLP (1 for a dense model).</param>
/// <param name="ExpertsPerToken">Experts each token is routed to.</param>
/// <param name="ExpertWidth">One expert's width (0 for a dense model).</param>
/// <param name="DenseLayers">Leading layers with a dense MLP.</param>
/// <param name="SharedExpertWidth">The width of the always-active shared experts (0 for none).</param>
/// <param name="SharedExpertGate">Whether the shared expert has a gate.</param>
/// <param name="RouterBias">Whether the router has a bias.</param>
/// <param name="NormsPerLayer">Norm layers per layer.</param>
/// <param name="QueryKeyNorm">The query-key norm, if any.</param>
/// <param name="OutputHeadBias">Whether the output head has a bias.</param>
/// <param name="PredictionLayers">Multi-token prediction layers.</param>
/// <param name="Latent">Multi-head latent attention's ranks and head sizes; null without it.</param>
/// <param name="StateSpace">The state-space mixer; null for a transformer.</param>
public sealed record ShapeJson(
    long DModel, long NLayer, long NHeads, long KvHeads, long HeadDim, long DAttn, long DFf, long Vocab, long? NCtx, bool GatedMlp,
    string Norm, string Positions, long PositionRows, string Bias, bool Tied, bool FinalNorm, bool EmbeddingNorm, long EmbeddingWidth,
    long Experts, long ExpertsPerToken, long ExpertWidth, long DenseLayers, long SharedExpertWidth, bool SharedExpertGate, bool RouterBias,
    long NormsPerLayer, string QueryKeyNorm, bool OutputHeadBias, long PredictionLayers, LatentJson? Latent, StateSpaceJson? StateSpace)
{
    /// <summary>A shape's JSON.</summary>
    public static ShapeJson Of(TransformerShape s) => new(
        s.ModelWidth, s.LayerCount, s.AttentionHeads, s.KeyValueHeads, s.HeadDimension, s.AttentionWidth, s.FeedForwardWidth,
        s.VocabularySize, s.ContextLength, s.GatedMlp, s.Norm.Name(), s.Positions.Name(), s.PositionRows, s.Bias.ToString(),
        s.TiedEmbeddings, s.FinalNorm, s.EmbeddingNorm, s.EmbeddingWidth, s.Experts, s.ExpertsPerToken,
        s.IsMixtureOfExperts ? s.ExpertWidth : 0, s.DenseLayers, s.SharedExpertWidth, s.SharedExpertGate, s.RouterBias,
        s.NormsPerLayer, s.QueryKeyNorm.Name(), s.OutputHeadBias, s.PredictionLayers,
        s.Latent is { } l ? new LatentJson(l.QueryRank, l.KeyValueRank, l.NopeHeadDimension, l.RopeHeadDimension, l.ValueHeadDimension) : null,
        s.StateSpace is { } m
            ? new StateSpaceJson(m.Kind == StateSpaceKind.Mamba ? "mamba" : "mamba2", m.InnerWidth, m.StateSize, m.ConvolutionKernel,
                m.TimeStepRank, m.Heads, m.Groups, m.ConvolutionBias, m.ProjectionBias)
            : null);
}

/// <summary>Multi-head latent attention (DeepSeek-V2).</summary>
/// <param name="QueryRank">The rank of the query compression; null when queries are not compressed.</param>
/// <param name="KeyValueRank">The rank of the key-value compression.</param>
/// <param name="NopeHeadDim">The head size without rotary positions.</param>
/// <param name="RopeHeadDim">The head size with rotary positions.</param>
/// <param name="ValueHeadDim">The value head size.</param>
public sealed record LatentJson(long? QueryRank, long KeyValueRank, long NopeHeadDim, long RopeHeadDim, long ValueHeadDim);

/// <summary>A state-space mixer (Mamba, Mamba-2).</summary>
/// <param name="Kind">"mamba" or "mamba2".</param>
/// <param name="InnerWidth">The inner width.</param>
/// <param name="StateSize">The state size.</param>
/// <param name="ConvKernel">The convolution kernel size.</param>
/// <param name="TimeStepRank">The rank of the time-step projection.</param>
/// <param name="Heads">Heads (Mamba-2).</param>
/// <param name="Groups">Groups (Mamba-2).</param>
/// <param name="ConvBias">Whether the convolution has a bias.</param>
/// <param name="ProjectionBias">Whether the projections have biases.</param>
public sealed record StateSpaceJson(
    string Kind, long InnerWidth, long StateSize, long ConvKernel, long TimeStepRank, long Heads, long Groups, bool ConvBias, bool ProjectionBias);

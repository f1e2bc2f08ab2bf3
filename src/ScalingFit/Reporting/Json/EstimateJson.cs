using System.Text.Json.Serialization;
using ScalingFit.Architecture;

namespace ScalingFit.Reporting.Json;

/// <summary>
/// A Kaplan et al. 2020 estimate in JSON (<c>params --d-model --n-layer --json</c>, <c>params --model --json</c>),
/// with what-if scaling, a ladder, the catalog entry and its exact count where they were asked for.
/// </summary>
/// <param name="Shape">The shape estimated.</param>
/// <param name="Total">Non-embedding plus embedding parameters; null without n_vocab.</param>
/// <param name="Embedding">(n_vocab + n_ctx)·d_model; null without n_vocab.</param>
/// <param name="NonEmbedding">2·d_model·n_layer·(2·d_attn + d_ff).</param>
/// <param name="KaplanEstimate">The same as nonEmbedding.</param>
/// <param name="SimplifiedEstimate">12·n_layer·d_model².</param>
/// <param name="ForwardFlopsPerToken">2N + 2·n_layer·n_ctx·d_attn.</param>
/// <param name="ForwardIncludesContext">Whether the forward FLOP include the context term.</param>
/// <param name="TrainingFlopsPerToken">6N.</param>
/// <param name="TrainingTokens">D, when given; else left out.</param>
/// <param name="TrainingCompute">6·N·D in FLOP; left out without D.</param>
/// <param name="Components">The estimate by component.</param>
/// <param name="Model">The catalog entry; left out for a shape given by hand.</param>
/// <param name="Exact">The catalog model's exact count; left out when there is none.</param>
/// <param name="Scaling">What-if scaling of width and depth; left out when not asked for.</param>
/// <param name="Ladder">N over a grid of widths and depths; left out when not asked for.</param>
public sealed record KaplanEstimateJson(
    KaplanShapeJson Shape, long? Total, long? Embedding, long NonEmbedding, long KaplanEstimate, long SimplifiedEstimate,
    long ForwardFlopsPerToken, bool ForwardIncludesContext, long TrainingFlopsPerToken, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? TrainingTokens,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? TrainingCompute, KaplanComponentsJson Components,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ModelJson? Model,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ArchitectureJson? Exact,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ScalingJson? Scaling,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LadderJson? Ladder)
{
    /// <summary>"estimate".</summary>
    [JsonPropertyOrder(-1)]
    public string Kind => "estimate";

    /// <summary>An estimate's JSON, with the parts given.</summary>
    public static KaplanEstimateJson Of(KaplanEstimate e, ScaledShape? scaling = null, ShapeLadder? ladder = null,
        KnownModel? model = null, ArchitectureAnalysis? exact = null) => new(
        KaplanShapeJson.Of(e.Shape), e.TotalParameters, e.EmbeddingParameters, e.NonEmbeddingParameters, e.NonEmbeddingParameters,
        e.SimplifiedParameters, e.ForwardFlopsPerToken, e.ForwardIncludesContext, e.TrainingFlopsPerToken, e.TrainingTokens, e.TrainingCompute,
        new KaplanComponentsJson(e.AttentionParameters, e.FeedForwardParameters, e.TokenEmbeddingParameters, e.PositionEmbeddingParameters),
        model is null ? null : ModelJson.Of(model),
        exact is null ? null : ArchitectureJson.Of(exact),
        scaling is null ? null : ScalingJson.Of(scaling),
        ladder is null ? null : new LadderJson(ladder.WidthStep, ladder.DepthStep, ladder.Widths, ladder.Depths, ladder.Parameters));
}

/// <summary>The shape of a Kaplan estimate.</summary>
/// <param name="DModel">d_model.</param>
/// <param name="NLayer">n_layer.</param>
/// <param name="DAttn">d_attn.</param>
/// <param name="DFf">d_ff.</param>
/// <param name="Vocab">n_vocab; null when not given.</param>
/// <param name="NCtx">n_ctx; null when not given.</param>
public sealed record KaplanShapeJson(long DModel, long NLayer, long DAttn, long DFf, long? Vocab, long? NCtx)
{
    /// <summary>A shape's JSON.</summary>
    public static KaplanShapeJson Of(KaplanShape s) =>
        new(s.ModelWidth, s.LayerCount, s.AttentionWidth, s.FeedForwardWidth, s.VocabularySize, s.ContextLength);
}

/// <summary>A Kaplan estimate by component.</summary>
/// <param name="Attention">4·n_layer·d_model·d_attn.</param>
/// <param name="Mlp">2·n_layer·d_model·d_ff.</param>
/// <param name="TokenEmbedding">n_vocab·d_model; null without n_vocab.</param>
/// <param name="PositionEmbedding">n_ctx·d_model; null without n_ctx.</param>
public sealed record KaplanComponentsJson(long Attention, long Mlp, long? TokenEmbedding, long? PositionEmbedding);

/// <summary>What-if scaling: the width k_d and the depth k_n times larger, N' = k_n·k_d²·N.</summary>
/// <param name="WidthFactor">k_d.</param>
/// <param name="DepthFactor">k_n.</param>
/// <param name="From">The shape before.</param>
/// <param name="To">The shape after (rounded to whole sizes).</param>
/// <param name="FromParameters">N before.</param>
/// <param name="ToParameters">N after.</param>
/// <param name="WidthOnlyParameters">N with only the width scaled.</param>
/// <param name="DepthOnlyParameters">N with only the depth scaled.</param>
/// <param name="Ratio">toParameters/fromParameters.</param>
/// <param name="PredictedRatio">k_n·k_d².</param>
/// <param name="WidthContribution">k_d².</param>
/// <param name="DepthContribution">k_n.</param>
/// <param name="WidthShare">The share of the growth (in logs) due to width.</param>
/// <param name="Rounded">Whether rounding the sizes moved the ratio off k_n·k_d².</param>
public sealed record ScalingJson(
    double WidthFactor, double DepthFactor, KaplanShapeJson From, KaplanShapeJson To, long FromParameters, long ToParameters,
    long WidthOnlyParameters, long DepthOnlyParameters, double Ratio, double PredictedRatio, double WidthContribution,
    double DepthContribution, double WidthShare, bool Rounded)
{
    /// <summary>The scaling's JSON.</summary>
    public static ScalingJson Of(ScaledShape s) => new(
        s.WidthFactor, s.DepthFactor, KaplanShapeJson.Of(s.From.Shape), KaplanShapeJson.Of(s.To.Shape), s.From.NonEmbeddingParameters,
        s.To.NonEmbeddingParameters, s.WidthOnlyParameters, s.DepthOnlyParameters, s.Ratio, s.PredictedRatio, s.WidthFactor * s.WidthFactor,
        s.DepthFactor, s.WidthShare, s.IsRounded);
}

/// <summary>N over a grid of widths and depths.</summary>
/// <param name="WidthStep">The factor between widths.</param>
/// <param name="DepthStep">The factor between depths.</param>
/// <param name="Widths">The widths d_model.</param>
/// <param name="Depths">The depths n_layer.</param>
/// <param name="Parameters">N, one row per width, one column per depth.</param>
public sealed record LadderJson(
    double WidthStep, double DepthStep, IReadOnlyList<long> Widths, IReadOnlyList<long> Depths, IReadOnlyList<IReadOnlyList<long>> Parameters);

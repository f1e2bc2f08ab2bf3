using System.Text.Json.Serialization;
using ScalingFit.Architecture;

namespace ScalingFit.Reporting.Json;

/// <summary>
/// An exact parameter and FLOP count in JSON (<c>params --config --json</c>, <c>params --family</c>,
/// and the "exact" of an estimate or the "config" of a checkpoint). Counts are exact integers (a
/// 175B model does not fit in 32 bits); ratios and compute over a whole run are floating point.
/// </summary>
/// <param name="Source">The configuration file; left out for a shape given by hand.</param>
/// <param name="Family">The family whose counting rules were used.</param>
/// <param name="ModelType">The configuration's model_type; left out when it has none.</param>
/// <param name="Total">Every parameter.</param>
/// <param name="Embedding">Token and position embeddings and an untied output head.</param>
/// <param name="NonEmbedding">Total minus embedding.</param>
/// <param name="ActivePerToken">Parameters a token passes through (total minus the experts it is not routed to).</param>
/// <param name="ActiveNonEmbedding">Non-embedding parameters a token passes through.</param>
/// <param name="KaplanEstimate">Kaplan et al.'s N = 2·d_model·n_layer·(2·d_attn + d_ff) (d_ff of one expert); null for a state-space model.</param>
/// <param name="SimplifiedEstimate">12·n_layer·d_model²; null for a state-space model.</param>
/// <param name="KaplanRelativeError">(kaplanEstimate − nonEmbedding)/nonEmbedding; null without an estimate.</param>
/// <param name="SimplifiedRelativeError">(simplifiedEstimate − nonEmbedding)/nonEmbedding.</param>
/// <param name="KaplanRelativeErrorToActive">(kaplanEstimate − activeNonEmbedding)/activeNonEmbedding.</param>
/// <param name="SimplifiedRelativeErrorToActive">(simplifiedEstimate − activeNonEmbedding)/activeNonEmbedding.</param>
/// <param name="ForwardFlopsPerToken">Forward FLOP per token, 2N + 2·n_layer·n_ctx·d_attn with N the active non-embedding count (Kaplan et al. 2020, Table 1).</param>
/// <param name="ForwardIncludesContext">Whether the forward FLOP include the context term.</param>
/// <param name="TrainingFlopsPerToken">6N with N the active non-embedding count.</param>
/// <param name="TrainingTokens">D, when given; else left out.</param>
/// <param name="TrainingCompute">6·N·D in FLOP; left out without D.</param>
/// <param name="ContextLength">The context length used for the FLOP; null when none is known.</param>
/// <param name="ContextSource">"configuration" (the configuration's maximum) or "given"; null without a context length.</param>
/// <param name="Hoffmann">Hoffmann et al. 2022's FLOP count (Appendix F); null without a context length or for a state-space model.</param>
/// <param name="Components">The parameters by component, e.g. attention, mlp, norms.</param>
/// <param name="PredictionModules">Multi-token prediction modules outside the model proper; null when it has none.</param>
/// <param name="Section">The nested configuration section read (e.g. text_config); null for the top level.</param>
/// <param name="LeftOut">Parts of the configuration not counted (e.g. a vision tower).</param>
/// <param name="Defaults">Values the configuration left out and the family's defaults supplied: {key, family, value}.</param>
/// <param name="Architecture">The shape counted.</param>
/// <param name="Notes">What a person should know about the count.</param>
public sealed record ArchitectureJson(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source, string Family, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ModelType, long Total, long Embedding, long NonEmbedding, long ActivePerToken,
    long ActiveNonEmbedding, long? KaplanEstimate, long? SimplifiedEstimate, double KaplanRelativeError, double SimplifiedRelativeError,
    double KaplanRelativeErrorToActive, double SimplifiedRelativeErrorToActive, long ForwardFlopsPerToken, bool ForwardIncludesContext,
    long TrainingFlopsPerToken, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? TrainingTokens, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? TrainingCompute, long? ContextLength, string? ContextSource,
    HoffmannJson? Hoffmann, IReadOnlyDictionary<string, long> Components, PredictionModulesJson? PredictionModules, string? Section,
    IReadOnlyList<string> LeftOut, IReadOnlyList<TakenDefault> Defaults, ShapeJson Architecture, IReadOnlyList<string> Notes)
{
    /// <summary>"exact".</summary>
    [JsonPropertyOrder(-1)]
    public string Kind => "exact";

    /// <summary>The count's JSON.</summary>
    public static ArchitectureJson Of(ArchitectureAnalysis a)
    {
        var p = a.Parameters;
        return new(
            a.Source, a.Shape.Family, a.ModelType, p.Total, p.Embedding, p.NonEmbedding, p.ActivePerToken, p.ActiveNonEmbedding,
            a.KaplanEstimate, a.SimplifiedEstimate, a.KaplanRelativeError, a.SimplifiedRelativeError, a.KaplanRelativeErrorToActive,
            a.SimplifiedRelativeErrorToActive, a.ForwardFlopsPerToken, a.ForwardIncludesContext, a.TrainingFlopsPerToken, a.TrainingTokens,
            a.TrainingCompute, a.ContextLength,
            a.ContextLength is null ? null : a.ContextIsConfigurationMaximum ? "configuration" : "given",
            a.Hoffmann is { } h ? HoffmannJson.Of(h) : null,
            ComponentsOf(p),
            a.PredictionModules is { } m ? new PredictionModulesJson(m.Total, m.ActivePerToken, ComponentsOf(m)) : null,
            a.Section, a.LeftOut, a.Defaults, ShapeJson.Of(a.Shape), a.Notes);
    }

    /// <summary>A count's parameters by component name.</summary>
    internal static Dictionary<string, long> ComponentsOf(ParameterBreakdown p) => JsonMaps.Of(p.Components, c => c.Name, c => c.Count);
}

/// <summary>Hoffmann et al. 2022's FLOP count of a forward pass (Appendix F).</summary>
/// <param name="ContextLength">The context length counted.</param>
/// <param name="ForwardFlopsPerToken">Forward FLOP per token.</param>
/// <param name="TrainingFlopsPerToken">Three times that.</param>
/// <param name="Components">The forward FLOP by part.</param>
public sealed record HoffmannJson(long ContextLength, long ForwardFlopsPerToken, long TrainingFlopsPerToken, HoffmannComponentsJson Components)
{
    /// <summary>The count's JSON.</summary>
    public static HoffmannJson Of(HoffmannFlops h) => new(h.ContextLength, h.Forward, h.Training,
        new HoffmannComponentsJson(h.Embeddings, h.Projections, h.AttentionLogits, h.Softmax, h.ValueReductions, h.OutputProjection, h.Dense, h.Logits));
}

/// <summary>The parts of Hoffmann et al.'s forward FLOP per token.</summary>
/// <param name="Embeddings">The embedding lookup.</param>
/// <param name="Projections">Query, key and value projections.</param>
/// <param name="AttentionLogits">Query-key products.</param>
/// <param name="Softmax">The softmax.</param>
/// <param name="ValueReductions">The softmax-weighted sums of values.</param>
/// <param name="OutputProjection">The attention output projection.</param>
/// <param name="Dense">The feed-forward blocks.</param>
/// <param name="Logits">The output logits.</param>
public sealed record HoffmannComponentsJson(
    long Embeddings, long Projections, long AttentionLogits, long Softmax, long ValueReductions, long OutputProjection, long Dense, long Logits);

/// <summary>Multi-token prediction modules counted apart from the model.</summary>
/// <param name="Total">Their parameters.</param>
/// <param name="ActivePerToken">Those a token passes through.</param>
/// <param name="Components">Their parameters by component.</param>
public sealed record PredictionModulesJson(long Total, long ActivePerToken, IReadOnlyDictionary<string, long> Components);

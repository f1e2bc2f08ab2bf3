using System.Text.Json;
using ScalingFit.Architecture;
using static ScalingFit.Reporting.JsonOutput;

namespace ScalingFit.Reporting;

/// <summary>
/// Parameter counts and estimates as JSON with stable names. Counts are exact integers (a 175B model
/// does not fit in 32 bits); ratios and compute over a whole run are floating point.
/// </summary>
public static class ArchitectureJson
{
    /// <summary>
    /// An exact count: {"total", "embedding", "nonEmbedding", "kaplanEstimate", "simplifiedEstimate",
    /// "forwardFlopsPerToken", "components": {..}, "architecture": {..}, …}.
    /// </summary>
    public static string Exact(ArchitectureAnalysis a) => Write(w => WriteExact(w, a));

    /// <summary>
    /// A Kaplan estimate with, when given, what-if scaling ("scaling"), a ladder ("ladder"), the
    /// catalog entry ("model") and its exact count ("exact").
    /// </summary>
    public static string Estimate(KaplanEstimate e, ScaledShape? scaling = null, ShapeLadder? ladder = null,
        KnownModel? model = null, ArchitectureAnalysis? exact = null) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("kind", "estimate");
        WriteEstimateFields(w, e);
        if (model is not null) WriteModel(w, model);
        if (exact is not null)
        {
            w.WritePropertyName("exact");
            WriteExact(w, exact);
        }
        if (scaling is not null) WriteScaling(w, scaling);
        if (ladder is not null) WriteLadder(w, ladder);
        w.WriteEndObject();
    });

    /// <summary>The catalog: {"models": [{"name", "family", "nLayer", …}]}.</summary>
    public static string Models(IReadOnlyList<KnownModel> models) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("models");
        foreach (var m in models)
        {
            w.WriteStartObject();
            WriteModelFields(w, m);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>Writes an exact count as one JSON object.</summary>
    public static void WriteExact(Utf8JsonWriter w, ArchitectureAnalysis a)
    {
        var s = a.Shape;
        var p = a.Parameters;
        w.WriteStartObject();
        w.WriteString("kind", "exact");
        if (a.Source is not null) w.WriteString("source", a.Source);
        w.WriteString("family", s.Family);
        if (a.ModelType is not null) w.WriteString("modelType", a.ModelType);
        w.WriteNumber("total", p.Total);
        w.WriteNumber("embedding", p.Embedding);
        w.WriteNumber("nonEmbedding", p.NonEmbedding);
        w.WriteNumber("activePerToken", p.ActivePerToken);
        w.WriteNumber("activeNonEmbedding", p.ActiveNonEmbedding);
        NullableCount(w, "kaplanEstimate", a.KaplanEstimate);
        NullableCount(w, "simplifiedEstimate", a.SimplifiedEstimate);
        Number(w, "kaplanRelativeError", a.KaplanRelativeError);
        Number(w, "simplifiedRelativeError", a.SimplifiedRelativeError);
        Number(w, "kaplanRelativeErrorToActive", a.KaplanRelativeErrorToActive);
        Number(w, "simplifiedRelativeErrorToActive", a.SimplifiedRelativeErrorToActive);
        w.WriteNumber("forwardFlopsPerToken", a.ForwardFlopsPerToken);
        w.WriteBoolean("forwardIncludesContext", a.ForwardIncludesContext);
        w.WriteNumber("trainingFlopsPerToken", a.TrainingFlopsPerToken);
        if (a.TrainingTokens is { } d) Number(w, "trainingTokens", d);
        if (a.TrainingCompute is { } c) Number(w, "trainingCompute", c);
        NullableCount(w, "contextLength", a.ContextLength);
        if (a.ContextLength is null) w.WriteNull("contextSource");
        else w.WriteString("contextSource", a.ContextIsConfigurationMaximum ? "configuration" : "given");
        ArchitectureExtrasJson.WriteHoffmann(w, a.Hoffmann);
        WriteComponents(w, "components", p);
        ArchitectureExtrasJson.WritePredictionModules(w, a.PredictionModules);
        ArchitectureExtrasJson.WriteReading(w, a);
        w.WriteStartObject("architecture");
        w.WriteNumber("dModel", s.ModelWidth);
        w.WriteNumber("nLayer", s.LayerCount);
        w.WriteNumber("nHeads", s.AttentionHeads);
        w.WriteNumber("kvHeads", s.KeyValueHeads);
        w.WriteNumber("headDim", s.HeadDimension);
        w.WriteNumber("dAttn", s.AttentionWidth);
        w.WriteNumber("dFf", s.FeedForwardWidth);
        w.WriteNumber("vocab", s.VocabularySize);
        if (s.ContextLength is { } t) w.WriteNumber("nCtx", t);
        else w.WriteNull("nCtx");
        w.WriteBoolean("gatedMlp", s.GatedMlp);
        w.WriteString("norm", s.Norm.Name());
        w.WriteString("positions", s.Positions.Name());
        w.WriteNumber("positionRows", s.PositionRows);
        w.WriteString("bias", s.Bias.ToString());
        w.WriteBoolean("tied", s.TiedEmbeddings);
        w.WriteBoolean("finalNorm", s.FinalNorm);
        w.WriteBoolean("embeddingNorm", s.EmbeddingNorm);
        w.WriteNumber("embeddingWidth", s.EmbeddingWidth);
        w.WriteNumber("experts", s.Experts);
        w.WriteNumber("expertsPerToken", s.ExpertsPerToken);
        ArchitectureExtrasJson.WriteStructure(w, s);
        w.WriteEndObject();
        Strings(w, "notes", a.Notes);
        w.WriteEndObject();
    }

    /// <summary>Writes "name": {"attention": .., "mlp": .., …} for the components of a count.</summary>
    internal static void WriteComponents(Utf8JsonWriter w, string name, ParameterBreakdown p)
    {
        w.WriteStartObject(name);
        foreach (var component in p.Components) w.WriteNumber(component.Name, component.Count);
        w.WriteEndObject();
    }

    private static void WriteEstimateFields(Utf8JsonWriter w, KaplanEstimate e)
    {
        WriteShape(w, "shape", e.Shape);
        NullableCount(w, "total", e.TotalParameters);
        NullableCount(w, "embedding", e.EmbeddingParameters);
        w.WriteNumber("nonEmbedding", e.NonEmbeddingParameters);
        w.WriteNumber("kaplanEstimate", e.NonEmbeddingParameters);
        w.WriteNumber("simplifiedEstimate", e.SimplifiedParameters);
        w.WriteNumber("forwardFlopsPerToken", e.ForwardFlopsPerToken);
        w.WriteBoolean("forwardIncludesContext", e.ForwardIncludesContext);
        w.WriteNumber("trainingFlopsPerToken", e.TrainingFlopsPerToken);
        if (e.TrainingTokens is { } d) Number(w, "trainingTokens", d);
        if (e.TrainingCompute is { } c) Number(w, "trainingCompute", c);
        w.WriteStartObject("components");
        w.WriteNumber("attention", e.AttentionParameters);
        w.WriteNumber("mlp", e.FeedForwardParameters);
        NullableCount(w, "tokenEmbedding", e.TokenEmbeddingParameters);
        NullableCount(w, "positionEmbedding", e.PositionEmbeddingParameters);
        w.WriteEndObject();
    }

    private static void WriteScaling(Utf8JsonWriter w, ScaledShape s)
    {
        w.WriteStartObject("scaling");
        Number(w, "widthFactor", s.WidthFactor);
        Number(w, "depthFactor", s.DepthFactor);
        WriteShape(w, "from", s.From.Shape);
        WriteShape(w, "to", s.To.Shape);
        w.WriteNumber("fromParameters", s.From.NonEmbeddingParameters);
        w.WriteNumber("toParameters", s.To.NonEmbeddingParameters);
        w.WriteNumber("widthOnlyParameters", s.WidthOnlyParameters);
        w.WriteNumber("depthOnlyParameters", s.DepthOnlyParameters);
        Number(w, "ratio", s.Ratio);
        Number(w, "predictedRatio", s.PredictedRatio);
        Number(w, "widthContribution", s.WidthFactor * s.WidthFactor);
        Number(w, "depthContribution", s.DepthFactor);
        Number(w, "widthShare", s.WidthShare);
        w.WriteBoolean("rounded", s.IsRounded);
        w.WriteEndObject();
    }

    private static void WriteLadder(Utf8JsonWriter w, ShapeLadder l)
    {
        w.WriteStartObject("ladder");
        Number(w, "widthStep", l.WidthStep);
        Number(w, "depthStep", l.DepthStep);
        Counts(w, "widths", l.Widths);
        Counts(w, "depths", l.Depths);
        w.WriteStartArray("parameters");
        foreach (var row in l.Parameters) Counts(w, null, row);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteModel(Utf8JsonWriter w, KnownModel m)
    {
        w.WriteStartObject("model");
        WriteModelFields(w, m);
        w.WriteEndObject();
    }

    private static void WriteModelFields(Utf8JsonWriter w, KnownModel m)
    {
        w.WriteString("name", m.Name);
        w.WriteString("family", m.Family);
        w.WriteNumber("nLayer", m.LayerCount);
        w.WriteNumber("dModel", m.ModelWidth);
        w.WriteNumber("nHeads", m.AttentionHeads);
        w.WriteNumber("dHead", m.HeadDimension);
        w.WriteNumber("dFf", m.FeedForwardWidth);
        w.WriteNumber("vocab", m.VocabularySize);
        w.WriteNumber("nCtx", m.ContextLength);
        w.WriteNumber("publishedParameters", m.PublishedParameters);
        NullableCount(w, "publishedNonEmbedding", m.PublishedNonEmbedding);
        w.WriteString("source", m.Reference);
    }

    private static void WriteShape(Utf8JsonWriter w, string name, KaplanShape s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("dModel", s.ModelWidth);
        w.WriteNumber("nLayer", s.LayerCount);
        w.WriteNumber("dAttn", s.AttentionWidth);
        w.WriteNumber("dFf", s.FeedForwardWidth);
        NullableCount(w, "vocab", s.VocabularySize);
        NullableCount(w, "nCtx", s.ContextLength);
        w.WriteEndObject();
    }

    internal static void NullableCount(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void Counts(Utf8JsonWriter w, string? name, IEnumerable<long> values)
    {
        if (name is null) w.WriteStartArray();
        else w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }
}

using System.Text.Json;
using ScalingFit.Architecture;
using static ScalingFit.Reporting.ArchitectureJson;
using static ScalingFit.Reporting.JsonOutput;

namespace ScalingFit.Reporting;

/// <summary>The parts of an exact count's JSON beyond the totals: Hoffmann's FLOP, prediction modules, defaults taken, nested sections, structure.</summary>
internal static class ArchitectureExtrasJson
{
    /// <summary>"hoffmann": {"contextLength", "forwardFlopsPerToken", "trainingFlopsPerToken", "components": {..}} or null.</summary>
    public static void WriteHoffmann(Utf8JsonWriter w, HoffmannFlops? h)
    {
        if (h is null)
        {
            w.WriteNull("hoffmann");
            return;
        }
        w.WriteStartObject("hoffmann");
        w.WriteNumber("contextLength", h.ContextLength);
        w.WriteNumber("forwardFlopsPerToken", h.Forward);
        w.WriteNumber("trainingFlopsPerToken", h.Training);
        w.WriteStartObject("components");
        w.WriteNumber("embeddings", h.Embeddings);
        w.WriteNumber("projections", h.Projections);
        w.WriteNumber("attentionLogits", h.AttentionLogits);
        w.WriteNumber("softmax", h.Softmax);
        w.WriteNumber("valueReductions", h.ValueReductions);
        w.WriteNumber("outputProjection", h.OutputProjection);
        w.WriteNumber("dense", h.Dense);
        w.WriteNumber("logits", h.Logits);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>"predictionModules": {"total", "activePerToken", "components": {..}} or null.</summary>
    public static void WritePredictionModules(Utf8JsonWriter w, ParameterBreakdown? p)
    {
        if (p is null)
        {
            w.WriteNull("predictionModules");
            return;
        }
        w.WriteStartObject("predictionModules");
        w.WriteNumber("total", p.Total);
        w.WriteNumber("activePerToken", p.ActivePerToken);
        WriteComponents(w, "components", p);
        w.WriteEndObject();
    }

    /// <summary>"section", "leftOut" and "defaults": [{"key", "family", "value"}].</summary>
    public static void WriteReading(Utf8JsonWriter w, ArchitectureAnalysis a)
    {
        if (a.Section is null) w.WriteNull("section");
        else w.WriteString("section", a.Section);
        Strings(w, "leftOut", a.LeftOut);
        w.WriteStartArray("defaults");
        foreach (var d in a.Defaults)
        {
            w.WriteStartObject();
            w.WriteString("key", d.Key);
            w.WriteString("family", d.Family);
            w.WriteString("value", d.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The structure beyond the sizes, inside "architecture": experts' layout, norms, latent attention, state-space mixer.</summary>
    public static void WriteStructure(Utf8JsonWriter w, TransformerShape s)
    {
        w.WriteNumber("expertWidth", s.IsMixtureOfExperts ? s.ExpertWidth : 0);
        w.WriteNumber("denseLayers", s.DenseLayers);
        w.WriteNumber("sharedExpertWidth", s.SharedExpertWidth);
        w.WriteBoolean("sharedExpertGate", s.SharedExpertGate);
        w.WriteBoolean("routerBias", s.RouterBias);
        w.WriteNumber("normsPerLayer", s.NormsPerLayer);
        w.WriteString("queryKeyNorm", s.QueryKeyNorm.Name());
        w.WriteBoolean("outputHeadBias", s.OutputHeadBias);
        w.WriteNumber("predictionLayers", s.PredictionLayers);
        if (s.Latent is { } l)
        {
            w.WriteStartObject("latent");
            NullableCount(w, "queryRank", l.QueryRank);
            w.WriteNumber("keyValueRank", l.KeyValueRank);
            w.WriteNumber("nopeHeadDim", l.NopeHeadDimension);
            w.WriteNumber("ropeHeadDim", l.RopeHeadDimension);
            w.WriteNumber("valueHeadDim", l.ValueHeadDimension);
            w.WriteEndObject();
        }
        else w.WriteNull("latent");
        if (s.StateSpace is { } m)
        {
            w.WriteStartObject("stateSpace");
            w.WriteString("kind", m.Kind == StateSpaceKind.Mamba ? "mamba" : "mamba2");
            w.WriteNumber("innerWidth", m.InnerWidth);
            w.WriteNumber("stateSize", m.StateSize);
            w.WriteNumber("convKernel", m.ConvolutionKernel);
            w.WriteNumber("timeStepRank", m.TimeStepRank);
            w.WriteNumber("heads", m.Heads);
            w.WriteNumber("groups", m.Groups);
            w.WriteBoolean("convBias", m.ConvolutionBias);
            w.WriteBoolean("projectionBias", m.ProjectionBias);
            w.WriteEndObject();
        }
        else w.WriteNull("stateSpace");
    }
}

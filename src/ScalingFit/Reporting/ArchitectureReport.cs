using System.Globalization;
using ScalingFit.Architecture;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Reporting;

/// <summary>
/// The report of an exactly counted architecture: its shape and structure, parameters by
/// component, totals with and without embeddings, Kaplan's estimates beside the exact count, and
/// FLOP per token.
/// </summary>
public static class ArchitectureReport
{
    /// <summary>The report of one architecture.</summary>
    public static Document Build(ArchitectureAnalysis a)
    {
        var s = a.Shape;
        var p = a.Parameters;
        var blocks = new List<Block>
        {
            new Heading($"parameters of a {s.Family} {(s.StateSpace is null ? "transformer" : "state-space model")}" + (a.Source is null ? "" : $" ({a.Source})")),
            Architecture(a),
            new Table(
                [new("component", false), new("parameters"), new("share"), new("counted as", false)],
                p.Components.Where(c => c.Count > 0).Select(c => (IReadOnlyList<string>)
                    [c.Label, Count(c.Count), Percent((double)c.Count / p.Total), c.IsEmbedding ? "embedding" : "non-embedding"]).ToList()),
            Totals(a),
        };
        if (a.KaplanEstimate is not null) blocks.Add(Comparison(a));
        blocks.AddRange(
        [
            ArchitectureFlopsReport.Compute(a),
            new KeyValues(a.Notes.Select(n => new KeyValuePair<string, string>("note", n)).ToList()),
        ]);
        return new Document(blocks);
    }

    /// <summary>"d_model 4,096, n_layer 32, 32 heads × 128 (8 key-value heads), d_ff 14,336, vocab 32,000, context 32,768".</summary>
    public static string ShapeText(TransformerShape s)
    {
        if (s.StateSpace is { } m)
            return $"d_model {Count(s.ModelWidth)}, n_layer {Count(s.LayerCount)}, inner width {Count(m.InnerWidth)}, state {Count(m.StateSize)}, " +
                   $"convolution {Count(m.ConvolutionKernel)}" + (m.Heads > 0 ? $", {Count(m.Heads)} heads in {Count(m.Groups)} group(s)" : $", time-step rank {Count(m.TimeStepRank)}") +
                   $", vocab {Count(s.VocabularySize)}";
        if (s.Latent is { } l)
            return $"d_model {Count(s.ModelWidth)}, n_layer {Count(s.LayerCount)}, {Count(s.AttentionHeads)} heads × {Count(l.QueryKeyHeadDimension)} (values {Count(l.ValueHeadDimension)}), " +
                   $"d_ff {Count(s.FeedForwardWidth)}, vocab {Count(s.VocabularySize)}" + (s.ContextLength is { } c ? $", context {Count(c)}" : "");
        string kv = s.KeyValueHeads != s.AttentionHeads ? $" ({Count(s.KeyValueHeads)} key-value heads)" : "";
        string context = s.ContextLength is { } t ? $", context {Count(t)}" : "";
        string embedding = s.EmbeddingWidth != s.ModelWidth ? $", embedding width {Count(s.EmbeddingWidth)}" : "";
        return $"d_model {Count(s.ModelWidth)}, n_layer {Count(s.LayerCount)}, {Count(s.AttentionHeads)} heads × {Count(s.HeadDimension)}{kv}, " +
               $"d_ff {Count(s.FeedForwardWidth)}, vocab {Count(s.VocabularySize)}{context}{embedding}";
    }

    /// <summary>"gated MLP, rmsnorm, rotary positions, biases: none, output head untied".</summary>
    public static string StructureText(TransformerShape s)
    {
        if (s.StateSpace is { } m)
            return $"{(m.Kind == StateSpaceKind.Mamba ? "Mamba" : "Mamba-2")} mixers, {s.Norm.Name()}, " + (s.TiedEmbeddings ? "output head tied" : "output head untied");
        string positions = s.Positions == PositionKind.Learned
            ? $"learned positions ({Count(s.PositionRows)} rows)"
            : $"{s.Positions.Name()} positions";
        var parts = new List<string>
        {
            s.GatedMlp ? "gated MLP (3 matrices)" : "MLP (2 matrices)",
            s.Norm.Name(),
            positions,
            $"biases: {s.Bias}",
            s.TiedEmbeddings ? "output head tied" : "output head untied",
        };
        if (s.NormsPerLayer != 2) parts.Add($"{Count(s.NormsPerLayer)} norm{(s.NormsPerLayer == 1 ? "" : "s")} per layer");
        if (s.QueryKeyNorm != QueryKeyNorm.None) parts.Add($"query/key norms ({s.QueryKeyNorm.Name()})");
        if (s.Latent is not null) parts.Add("latent attention");
        if (!s.FinalNorm) parts.Add("no final norm");
        if (s.EmbeddingNorm) parts.Add("embedding norm");
        if (s.OutputHeadBias) parts.Add("head bias");
        if (s.IsMixtureOfExperts)
        {
            parts.Add($"{Count(s.Experts)} experts of width {Count(s.ExpertWidth)}, {Count(s.ExpertsPerToken)} per token");
            if (s.SharedExpertWidth > 0) parts.Add($"shared experts of width {Count(s.SharedExpertWidth)}{(s.SharedExpertGate ? " (gated)" : "")}");
            if (s.DenseLayers > 0) parts.Add($"{Count(s.DenseLayers)} dense layer{(s.DenseLayers == 1 ? "" : "s")}");
            if (s.RouterBias) parts.Add("router bias");
        }
        return string.Join(", ", parts);
    }

    private static KeyValues Architecture(ArchitectureAnalysis a)
    {
        string family = a.ModelType is { } type && !string.Equals(type, a.Shape.Family, StringComparison.OrdinalIgnoreCase)
            ? $"{a.Shape.Family} rules (model_type {type})"
            : a.Shape.Family;
        var items = new List<KeyValuePair<string, string>> { new("family", family) };
        if (a.Section is { } section) items.Add(new("counted", $"the language model in {section}"));
        items.Add(new("shape", ShapeText(a.Shape)));
        items.Add(new("structure", StructureText(a.Shape)));
        return new KeyValues(items);
    }

    private static KeyValues Totals(ArchitectureAnalysis a)
    {
        var p = a.Parameters;
        var items = new List<KeyValuePair<string, string>>
        {
            new("total", Count(p.Total)),
            new("embedding", $"{Count(p.Embedding)} (token and position embeddings and an untied output head)"),
            new("non-embedding", $"{Count(p.NonEmbedding)} (Kaplan's N: the total without the embedding)"),
        };
        if (a.Shape.IsMixtureOfExperts)
        {
            items.Add(new("active per token", Count(p.ActivePerToken)));
            items.Add(new("active non-embedding", Count(p.ActiveNonEmbedding)));
        }
        if (a.PredictionModules is { } mtp)
            items.Add(new("prediction modules", $"{Count(mtp.Total)} more ({Count(mtp.ActivePerToken)} active per token), not in the total"));
        return new KeyValues(items);
    }

    private static Table Comparison(ArchitectureAnalysis a)
    {
        bool moe = a.Shape.IsMixtureOfExperts;
        var columns = new List<TableColumn> { new("count", false), new("parameters"), new("vs exact") };
        if (moe) columns.Add(new("vs active"));
        var rows = new List<IReadOnlyList<string>> { Row("exact non-embedding", a.Parameters.NonEmbedding, "", moe ? "" : null) };
        if (moe) rows.Add(Row("exact active non-embedding", a.Parameters.ActiveNonEmbedding, "", ""));
        rows.Add(Row("12·n_layer·d_model²", a.SimplifiedEstimate!.Value, SignedPercent(a.SimplifiedRelativeError), moe ? SignedPercent(a.SimplifiedRelativeErrorToActive) : null));
        rows.Add(Row("2·d_model·n_layer·(2·d_attn + d_ff)", a.KaplanEstimate!.Value, SignedPercent(a.KaplanRelativeError), moe ? SignedPercent(a.KaplanRelativeErrorToActive) : null));
        return new Table(columns, rows, "Kaplan et al. 2020 against the exact count");
    }

    private static IReadOnlyList<string> Row(string name, long value, string error, string? active) =>
        active is null ? [name, Count(value), error] : [name, Count(value), error, active];
}

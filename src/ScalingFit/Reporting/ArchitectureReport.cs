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
            new Heading($"parameters of a {s.Family} transformer" + (a.Source is null ? "" : $" ({a.Source})")),
            Architecture(a),
            new Table(
                [new("component", false), new("parameters"), new("share"), new("counted as", false)],
                p.Components.Where(c => c.Count > 0).Select(c => (IReadOnlyList<string>)
                    [c.Label, Count(c.Count), Percent((double)c.Count / p.Total), c.IsEmbedding ? "embedding" : "non-embedding"]).ToList()),
            Totals(a),
            Comparison(a),
            Compute(a),
            new KeyValues(a.Notes.Select(n => new KeyValuePair<string, string>("note", n)).ToList()),
        };
        return new Document(blocks);
    }

    /// <summary>A relative error with its sign and two decimals: -0.14%, +3.20%.</summary>
    public static string SignedPercent(double fraction) =>
        double.IsFinite(fraction) ? (100 * fraction).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>"d_model 4,096, n_layer 32, 32 heads × 128 (8 key-value heads), d_ff 14,336, vocab 32,000, context 32,768".</summary>
    public static string ShapeText(TransformerShape s)
    {
        string kv = s.KeyValueHeads != s.AttentionHeads ? $" ({Count(s.KeyValueHeads)} key-value heads)" : "";
        string context = s.ContextLength is { } t ? $", context {Count(t)}" : "";
        string embedding = s.EmbeddingWidth != s.ModelWidth ? $", embedding width {Count(s.EmbeddingWidth)}" : "";
        return $"d_model {Count(s.ModelWidth)}, n_layer {Count(s.LayerCount)}, {Count(s.AttentionHeads)} heads × {Count(s.HeadDimension)}{kv}, " +
               $"d_ff {Count(s.FeedForwardWidth)}, vocab {Count(s.VocabularySize)}{context}{embedding}";
    }

    /// <summary>"gated MLP, rmsnorm, rotary positions, biases: none, output head untied".</summary>
    public static string StructureText(TransformerShape s)
    {
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
        if (!s.FinalNorm) parts.Add("no final norm");
        if (s.EmbeddingNorm) parts.Add("embedding norm");
        if (s.IsMixtureOfExperts) parts.Add($"{Count(s.Experts)} experts, {Count(s.ExpertsPerToken)} per token");
        return string.Join(", ", parts);
    }

    private static KeyValues Architecture(ArchitectureAnalysis a)
    {
        string family = a.ModelType is { } type && !string.Equals(type, a.Shape.Family, StringComparison.OrdinalIgnoreCase)
            ? $"{a.Shape.Family} rules (model_type {type})"
            : a.Shape.Family;
        return new KeyValues(
        [
            new("family", family),
            new("shape", ShapeText(a.Shape)),
            new("structure", StructureText(a.Shape)),
        ]);
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
        return new KeyValues(items);
    }

    private static Table Comparison(ArchitectureAnalysis a)
    {
        bool moe = a.Shape.IsMixtureOfExperts;
        var columns = new List<TableColumn> { new("count", false), new("parameters"), new("vs exact") };
        if (moe) columns.Add(new("vs active"));
        var rows = new List<IReadOnlyList<string>> { Row("exact non-embedding", a.Parameters.NonEmbedding, "", moe ? "" : null) };
        if (moe) rows.Add(Row("exact active non-embedding", a.Parameters.ActiveNonEmbedding, "", ""));
        rows.Add(Row("12·n_layer·d_model²", a.SimplifiedEstimate, SignedPercent(a.SimplifiedRelativeError), moe ? SignedPercent(a.SimplifiedRelativeErrorToActive) : null));
        rows.Add(Row("2·d_model·n_layer·(2·d_attn + d_ff)", a.KaplanEstimate, SignedPercent(a.KaplanRelativeError), moe ? SignedPercent(a.KaplanRelativeErrorToActive) : null));
        return new Table(columns, rows, "Kaplan et al. 2020 against the exact count");
    }

    private static IReadOnlyList<string> Row(string name, long value, string error, string? active) =>
        active is null ? [name, Count(value), error] : [name, Count(value), error, active];

    private static KeyValues Compute(ArchitectureAnalysis a)
    {
        string n = a.Shape.IsMixtureOfExperts ? "N the active non-embedding count" : "N the non-embedding count";
        var items = new List<KeyValuePair<string, string>>
        {
            new("forward FLOP per token", a.ForwardIncludesContext
                ? $"{Count(a.ForwardFlopsPerToken)} (2·N + 2·n_layer·n_ctx·d_attn at n_ctx {Count(a.Shape.ContextLength!.Value)}, {n})"
                : $"{Count(a.ForwardFlopsPerToken)} (2·N, {n}; no context length)"),
            new("training FLOP per token", $"{Count(a.TrainingFlopsPerToken)} (6·N)"),
        };
        if (a.TrainingCompute is { } c)
            items.Add(new("training compute", $"{Significant(c)} FLOP (6·N·D, D = {Significant(a.TrainingTokens!.Value)} tokens)"));
        return new KeyValues(items);
    }
}

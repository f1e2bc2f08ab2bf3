using ScalingFit.Architecture;
using static ScalingFit.NumberFormat;
using static ScalingFit.Reporting.ArchitectureReport;

namespace ScalingFit.Reporting;

/// <summary>
/// Reports of Kaplan et al. 2020 estimates: a shape's parameters and FLOP, what-if scaling, a
/// ladder of widths and depths, and the catalog of well-known models.
/// </summary>
public static class EstimateReport
{
    /// <summary>The estimate for one shape.</summary>
    public static Document Build(KaplanEstimate e)
    {
        var s = e.Shape;
        string defaults = s.HasStandardWidths ? " (d_attn = d_model, d_ff = 4·d_model)" : "";
        var items = new List<KeyValuePair<string, string>>
        {
            new("shape", $"d_model {Count(s.ModelWidth)}, n_layer {Count(s.LayerCount)}, d_attn {Count(s.AttentionWidth)}, d_ff {Count(s.FeedForwardWidth)}{defaults}" +
                         (s.VocabularySize is { } v ? $", n_vocab {Count(v)}" : "") + (s.ContextLength is { } t ? $", n_ctx {Count(t)}" : "")),
            new("N = 2·d·L·(2·d_attn + d_ff)", $"{Count(e.NonEmbeddingParameters)} non-embedding parameters"),
            new("12·L·d²", Count(e.SimplifiedParameters) + (s.HasStandardWidths ? " (the same: d_attn = d_ff/4 = d_model)" :
                $" ({SignedPercent((double)e.SimplifiedParameters / e.NonEmbeddingParameters - 1)} from N)")),
            new("attention 4·L·d·d_attn", Count(e.AttentionParameters)),
            new("MLP 2·L·d·d_ff", Count(e.FeedForwardParameters)),
            new("embedding (n_vocab + n_ctx)·d", e.EmbeddingParameters is { } emb ? Count(emb) : "needs --vocab and --n-ctx"),
        };
        if (e.TotalParameters is { } total) items.Add(new("total", Count(total)));
        items.Add(new("forward FLOP per token", e.ForwardIncludesContext
            ? $"{Count(e.ForwardFlopsPerToken)} (2·N + 2·L·n_ctx·d_attn)"
            : $"{Count(e.ForwardFlopsPerToken)} (2·N; give --n-ctx for the attention term 2·L·n_ctx·d_attn)"));
        items.Add(new("training FLOP per token", $"{Count(e.TrainingFlopsPerToken)} (6·N)"));
        if (e.TrainingCompute is { } c)
            items.Add(new("training compute", $"{Significant(c)} FLOP (6·N·D, D = {Significant(e.TrainingTokens!.Value)} tokens)"));
        return new Document(
        [
            new Heading($"Kaplan et al. 2020 estimate: d_model {Count(s.ModelWidth)}, n_layer {Count(s.LayerCount)}"),
            new KeyValues(items),
            new Paragraph("N counts the attention and MLP matrices of every layer; biases, norms and embeddings are left out (Kaplan et al. 2020, Table 1)."),
        ]);
    }

    /// <summary>What-if scaling: the shape before and after, and what width and depth each contributed.</summary>
    public static Document Scaling(ScaledShape s)
    {
        long n = s.From.NonEmbeddingParameters;
        IReadOnlyList<string> Row(string what, KaplanShape shape, long parameters) =>
            [what, Count(shape.ModelWidth), Count(shape.LayerCount), Count(parameters), $"{Times((double)parameters / n)}"];
        var rows = new List<IReadOnlyList<string>>
        {
            Row("from", s.From.Shape, n),
            Row($"width {Times(s.WidthFactor)} only", s.To.Shape with { LayerCount = s.From.Shape.LayerCount }, s.WidthOnlyParameters),
            Row($"depth {Times(s.DepthFactor)} only", s.From.Shape with { LayerCount = s.To.Shape.LayerCount }, s.DepthOnlyParameters),
            Row("both", s.To.Shape, s.To.NonEmbeddingParameters),
        };
        var items = new List<KeyValuePair<string, string>>
        {
            new("N' = k_n·k_d²·N", $"{Plain(s.DepthFactor)} × {Plain(s.WidthFactor)}² × {Count(n)} = " +
                                   $"{Count(n * s.PredictedRatio)} ({Times(s.PredictedRatio)})"),
            new("width", $"{Times(s.WidthFactor * s.WidthFactor)} (k_d², quadratic)" + Share(s.WidthShare)),
            new("depth", $"{Times(s.DepthFactor)} (k_n, linear)" + Share(1 - s.WidthShare)),
        };
        var blocks = new List<Block>
        {
            new Heading($"what if: width {Times(s.WidthFactor)}, depth {Times(s.DepthFactor)}", 2),
            new Table([new("", false), new("d_model"), new("n_layer"), new("N"), new("ratio")], rows),
            new KeyValues(items),
        };
        if (s.IsRounded)
            blocks.Add(new Warnings([$"the scaled sizes were rounded to whole numbers, so N' is ×{Significant(s.Ratio, 6)} rather than ×{Significant(s.PredictedRatio, 6)}."]));
        return new Document(blocks);
    }

    /// <summary>N over a ladder of widths (columns) and depths (rows).</summary>
    public static Document Ladder(ShapeLadder l)
    {
        long n = l.Base.NonEmbeddingParameters;
        var columns = new List<TableColumn> { new("n_layer \\ d_model", false) };
        columns.AddRange(l.Widths.Select(w => new TableColumn(Count(w))));
        var rows = l.Depths.Select((depth, j) => (IReadOnlyList<string>)new[] { Count(depth) }
            .Concat(l.Parameters[j].Select(p => $"{Count(p)} ({Times((double)p / n)})")).ToList()).ToList();
        return new Document(
        [
            new Heading($"ladder: width {Times(l.WidthStep)} per column, depth {Times(l.DepthStep)} per row", 2),
            new Table(columns, rows, "N = 2·d_model·n_layer·(2·d_attn + d_ff)"),
            new Paragraph($"Each column multiplies N by {Plain(l.WidthStep * l.WidthStep)} (width squared), each row by " +
                          $"{Plain(l.DepthStep)} (depth): width acts quadratically, depth linearly."),
        ]);
    }

    /// <summary>A well-known model: its published figures beside the estimate (and the exact count when its family is known).</summary>
    public static Document Known(KnownModel m, KaplanEstimate e, ArchitectureAnalysis? exact)
    {
        var items = new List<KeyValuePair<string, string>>
        {
            new("published shape", $"n_layer {Count(m.LayerCount)}, d_model {Count(m.ModelWidth)}, {Count(m.AttentionHeads)} heads × {Count(m.HeadDimension)}, " +
                                   $"d_ff {Count(m.FeedForwardWidth)}, n_vocab {Count(m.VocabularySize)}, n_ctx {Count(m.ContextLength)}"),
            new("published parameters", Count(m.PublishedParameters)),
            new("estimate N + embedding", $"{Count(e.TotalParameters!.Value)} ({SignedPercent((double)e.TotalParameters.Value / m.PublishedParameters - 1)} from published)"),
        };
        if (m.PublishedNonEmbedding is { } ne)
        {
            items.Add(new("published non-embedding", Count(ne)));
            items.Add(new("estimate N", $"{Count(e.NonEmbeddingParameters)} ({SignedPercent((double)e.NonEmbeddingParameters / ne - 1)} from published)"));
        }
        if (exact is not null)
        {
            items.Add(new($"exact ({m.Family} rules)", $"{Count(exact.Parameters.Total)} ({SignedPercent((double)exact.Parameters.Total / m.PublishedParameters - 1)} from published)"));
            if (exact.Parameters.Embedding != e.EmbeddingParameters)
                items.Add(new("note", $"Kaplan's embedding (n_vocab + n_ctx)·d_model assumes learned positions and an output head tied to the token embedding; " +
                                      $"under the {m.Family} rules ({StructureText(exact.Shape)}) the embedding is {Count(exact.Parameters.Embedding)}"));
        }
        if (m.AttentionHeads * m.HeadDimension != m.ModelWidth)
            items.Add(new("note", $"n_heads × d_head = {Count(m.AttentionHeads * m.HeadDimension)} is not d_model as published; the estimate takes d_attn = d_model, which the published count matches"));
        var head = new Document([new Heading($"{m.Name}: {m.Reference}"), new KeyValues(items)]);
        var estimate = new Document(Build(e).Blocks.Skip(1).ToList());
        return exact is null ? Document.Concat(head, estimate) : Document.Concat(head, estimate, ArchitectureReport.Build(exact));
    }

    /// <summary>The catalog of well-known models.</summary>
    public static Document Models(IReadOnlyList<KnownModel> models) => new(
    [
        new Heading("well-known models (scalingfit params --model NAME)"),
        new Table(
            [new("name", false), new("family", false), new("n_layer"), new("d_model"), new("heads"), new("d_ff"), new("n_vocab"), new("n_ctx"), new("published"), new("source", false)],
            models.Select(m => (IReadOnlyList<string>)
            [
                m.Name, m.Family, Count(m.LayerCount), Count(m.ModelWidth), Count(m.AttentionHeads), Count(m.FeedForwardWidth),
                Count(m.VocabularySize), Count(m.ContextLength), Count(m.PublishedParameters), m.Reference,
            ]).ToList()),
    ]);

    /// <summary>A factor for people: ×4.5, ×16, ×2.25.</summary>
    private static string Times(double factor) => "×" + Plain(factor);

    private static string Plain(double factor) =>
        Math.Abs(factor) < 1e6 ? factor.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : Significant(factor);

    private static string Share(double share) => double.IsFinite(share) ? $", {Percent(share)} of the change on a log scale" : "";
}

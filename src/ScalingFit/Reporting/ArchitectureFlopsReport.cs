using ScalingFit.Architecture;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Reporting;

/// <summary>FLOP per token of an exactly counted architecture: Kaplan's C_forward and 6·N beside Hoffmann et al.'s count.</summary>
internal static class ArchitectureFlopsReport
{
    public static KeyValues Compute(ArchitectureAnalysis a)
    {
        string n = a.Shape.IsMixtureOfExperts ? "N the active non-embedding count" : "N the non-embedding count";
        string context = a.ContextLength is { } t
            ? $"n_ctx {Count(t)}{(a.ContextIsConfigurationMaximum ? ", the configuration's maximum" : "")}"
            : "";
        var items = new List<KeyValuePair<string, string>>
        {
            new("forward FLOP per token", a.ForwardIncludesContext
                ? $"{Count(a.ForwardFlopsPerToken)} (Kaplan: 2·N + 2·n_layer·n_ctx·d_attn at {context}, {n})"
                : $"{Count(a.ForwardFlopsPerToken)} (Kaplan: 2·N, {n}{(a.Shape.StateSpace is null ? "; no context length" : "")})"),
        };
        if (a.Hoffmann is { } h)
        {
            items.Add(new("forward FLOP per token", $"{Count(h.Forward)} (Hoffmann et al. 2022, Appendix F, at {context}: " +
                $"embeddings {Count(h.Embeddings)} + layers {Count(h.Layers)} + logits {Count(h.Logits)})"));
            items.Add(new("  of the layers", $"projections {Count(h.Projections + h.OutputProjection)}, attention over the context " +
                $"{Count(h.AttentionLogits + h.Softmax + h.ValueReductions)}, dense {Count(h.Dense)}"));
        }
        items.Add(new("training FLOP per token", $"{Count(a.TrainingFlopsPerToken)} (6·N)" +
            (a.Hoffmann is { } ht ? $"; {Count(ht.Training)} (Hoffmann: 3 × forward)" : "")));
        if (a.TrainingCompute is { } c)
            items.Add(new("training compute", $"{Significant(c)} FLOP (6·N·D, D = {Significant(a.TrainingTokens!.Value)} tokens)" +
                (a.Hoffmann is { } hc ? $"; {Significant(hc.Training * a.TrainingTokens.Value)} FLOP (Hoffmann)" : "")));
        return new KeyValues(items);
    }
}

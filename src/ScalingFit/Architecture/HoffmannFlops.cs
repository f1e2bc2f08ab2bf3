using static ScalingFit.Architecture.LayerParameters;

namespace ScalingFit.Architecture;

/// <summary>
/// Forward FLOP per token as Hoffmann et al. 2022 ("Training Compute-Optimal Large Language
/// Models", Appendix F) count them, per sequence of seq_len tokens divided by seq_len: embeddings
/// 2·V·d; per layer the Q, K, V projections 2·3·d·(k·h), the key-query logits 2·T·(k·h), the softmax
/// 3·h·T, the softmax-value reductions 2·T·(k·h) and the output projection 2·(k·h)·d; the dense
/// block 2·(d·d_ff + d·d_ff); the final logits 2·d·V. Biases and norms are left out, as in the paper.
/// For architectures the paper did not have, the projection and dense terms are 2 FLOP per weight a
/// token uses (grouped-query K and V, gated MLPs, the experts a token is routed to, latent
/// projections), and the value reductions run over the value heads.
/// </summary>
public sealed record HoffmannFlops
{
    /// <summary>The context length T the attention terms are counted at.</summary>
    public required long ContextLength { get; init; }

    /// <summary>Embeddings: 2·V·d.</summary>
    public required long Embeddings { get; init; }

    /// <summary>Q, K and V projections, all layers: 2·3·d·(k·h) per layer in the paper's architecture.</summary>
    public required long Projections { get; init; }

    /// <summary>Key-query logits, all layers: 2·T·(k·h) per layer.</summary>
    public required long AttentionLogits { get; init; }

    /// <summary>Softmax, all layers: 3·h·T per layer.</summary>
    public required long Softmax { get; init; }

    /// <summary>Softmax-value reductions, all layers: 2·T·(k·h) per layer.</summary>
    public required long ValueReductions { get; init; }

    /// <summary>Attention output projection, all layers: 2·(k·h)·d per layer.</summary>
    public required long OutputProjection { get; init; }

    /// <summary>Dense blocks (MLPs), all layers: 2·(d·d_ff + d·d_ff) per layer in the paper's architecture.</summary>
    public required long Dense { get; init; }

    /// <summary>Final logits: 2·d·V.</summary>
    public required long Logits { get; init; }

    /// <summary>The layers: attention and dense blocks of every layer, without embeddings and logits.</summary>
    public long Layers => checked(Projections + AttentionLogits + Softmax + ValueReductions + OutputProjection + Dense);

    /// <summary>Forward FLOP per token: embeddings + layers + logits (Appendix F, "total forward pass FLOPs").</summary>
    public long Forward => checked(Embeddings + Layers + Logits);

    /// <summary>Training FLOP per token: 3 × forward (the backward pass costs twice the forward, as in Kaplan et al. 2020).</summary>
    public long Training => checked(3 * Forward);

    /// <summary>The count for a transformer at context length T; null for a state-space model, which the paper's count does not cover.</summary>
    /// <exception cref="OptionException">A count does not fit in 64 bits.</exception>
    public static HoffmannFlops? Count(TransformerShape s, long contextLength)
    {
        if (s.StateSpace is not null) return null;
        return Kaplan.Checked($"d_model {s.ModelWidth}, n_layer {s.LayerCount}", () =>
        {
            checked
            {
                long d = s.ModelWidth, v = s.VocabularySize, t = contextLength, h = s.AttentionHeads, layers = s.LayerCount;
                long queryKey = h * (s.Latent?.QueryKeyHeadDimension ?? s.HeadDimension);
                long value = s.AttentionWidth;
                long output = value * d;
                long projections = Attention(s).Attention - output;
                return new HoffmannFlops
                {
                    ContextLength = t,
                    Embeddings = 2 * v * d,
                    Projections = layers * 2 * projections,
                    AttentionLogits = layers * 2 * t * queryKey,
                    Softmax = layers * 3 * h * t,
                    ValueReductions = layers * 2 * t * value,
                    OutputProjection = layers * 2 * output,
                    Dense = 2 * ActiveMlpWeights(s),
                    Logits = 2 * d * v,
                };
            }
        });
    }
}

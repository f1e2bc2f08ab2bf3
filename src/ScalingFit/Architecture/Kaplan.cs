namespace ScalingFit.Architecture;

/// <summary>
/// The parameter and compute counts of Kaplan et al. 2020, "Scaling Laws for Neural Language
/// Models", Table 1, for a decoder-only transformer. Biases, norms and embeddings are left out of
/// N, which is why it is an estimate.
/// </summary>
public static class Kaplan
{
    /// <summary>FLOP per non-embedding parameter per training token: forward 2, backward 4 (Kaplan section 2.1).</summary>
    public const long TrainingFlopsPerParameterToken = 6;

    /// <summary>
    /// Non-embedding parameters N = 2·d_model·n_layer·(2·d_attn + d_ff): per layer the Q, K, V
    /// projections (3·d_model·d_attn), the output projection (d_attn·d_model) and the two
    /// feed-forward matrices (2·d_model·d_ff). Kaplan et al. 2020, Table 1.
    /// </summary>
    /// <exception cref="OverflowException">The count does not fit in 64 bits.</exception>
    public static long NonEmbeddingParameters(long modelWidth, long layerCount, long attentionWidth, long feedForwardWidth) =>
        checked(2 * modelWidth * layerCount * (2 * attentionWidth + feedForwardWidth));

    /// <summary>
    /// N ≈ 12·n_layer·d_model², the formula above with d_attn = d_ff/4 = d_model (Kaplan Eq. 2.1).
    /// </summary>
    /// <exception cref="OverflowException">The count does not fit in 64 bits.</exception>
    public static long SimplifiedParameters(long modelWidth, long layerCount) =>
        checked(12 * layerCount * modelWidth * modelWidth);

    /// <summary>
    /// Forward FLOP per token C_forward ≈ 2·N + 2·n_layer·n_ctx·d_attn: a multiply-add per
    /// non-embedding parameter, plus the attention scores over the context (Kaplan Table 1).
    /// </summary>
    /// <exception cref="OverflowException">The count does not fit in 64 bits.</exception>
    public static long ForwardFlopsPerToken(long nonEmbedding, long layerCount, long contextLength, long attentionWidth) =>
        checked(2 * nonEmbedding + 2 * layerCount * contextLength * attentionWidth);

    /// <summary>The estimate for a shape: parameters, embedding, FLOP per token and training compute 6·N·D.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="trainingTokens">Training tokens D, for the training compute; null to leave it out.</param>
    /// <exception cref="OptionException">A count does not fit in 64 bits, or D is not positive.</exception>
    public static KaplanEstimate Estimate(KaplanShape shape, double? trainingTokens = null)
    {
        if (trainingTokens is { } tokens) Guard.Positive(tokens, "the number of training tokens");
        return Checked($"d_model {shape.ModelWidth}, n_layer {shape.LayerCount}", () =>
        {
            long d = shape.ModelWidth, layers = shape.LayerCount, a = shape.AttentionWidth, f = shape.FeedForwardWidth;
            long n = NonEmbeddingParameters(d, layers, a, f);
            // Embed: (n_vocab + n_ctx)·d_model (Table 1), when both sizes are known.
            long? embedding = shape is { VocabularySize: { } v, ContextLength: { } t } ? checked((v + t) * d) : null;
            return new KaplanEstimate
            {
                Shape = shape,
                NonEmbeddingParameters = n,
                SimplifiedParameters = SimplifiedParameters(d, layers),
                AttentionParameters = checked(4 * layers * d * a),
                FeedForwardParameters = checked(2 * layers * d * f),
                TokenEmbeddingParameters = shape.VocabularySize is { } vocab ? checked(vocab * d) : null,
                PositionEmbeddingParameters = shape.ContextLength is { } context ? checked(context * d) : null,
                EmbeddingParameters = embedding,
                TotalParameters = embedding is { } e ? checked(n + e) : null,
                ForwardFlopsPerToken = ForwardFlopsPerToken(n, layers, shape.ContextLength ?? 0, a),
                TrainingFlopsPerToken = checked(TrainingFlopsPerParameterToken * n),
                TrainingTokens = trainingTokens,
                TrainingCompute = trainingTokens * TrainingFlopsPerParameterToken * n,
            };
        });
    }

    /// <summary>Runs 64-bit integer arithmetic and turns an overflow into a message naming the shape.</summary>
    internal static T Checked<T>(string what, Func<T> count)
    {
        try
        {
            return count();
        }
        catch (OverflowException)
        {
            throw new CountOverflowException($"the shape ({what}) is too large: its counts do not fit in a 64-bit integer.");
        }
    }
}

/// <summary>A shape whose counts do not fit in 64 bits; read from a file, it becomes an <see cref="ArchitectureException"/> naming the file.</summary>
internal sealed class CountOverflowException(string message) : OptionException(message)
{
}

using ScalingFit.Architecture;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Architecture;

/// <summary>
/// Hoffmann et al. 2022, Appendix F: the per-token FLOP count against the paper's Table A4 and the
/// appendix's formulas; the context length the FLOP are counted at.
/// </summary>
public class HoffmannFlopsTests
{
    /// <summary>A Chinchilla-style transformer: plain MLP, d_attn = heads × key size, vocabulary 32,000 (Appendix F).</summary>
    private static TransformerShape Chinchilla(long layers, long d, long ff, long heads, long keySize) => new()
    {
        Family = ModelFamilies.Custom,
        ModelWidth = d,
        LayerCount = layers,
        AttentionHeads = heads,
        KeyValueHeads = heads,
        HeadDimension = keySize,
        FeedForwardWidth = ff,
        VocabularySize = 32000,
        Positions = PositionKind.Rotary,
        GatedMlp = false,
        Bias = BiasLayout.None,
        Norm = NormKind.LayerNorm,
        TiedEmbeddings = true,
        EmbeddingWidth = d,
        DenseLayers = layers,
    };

    /// <summary>
    /// The parameter count the paper's 6ND uses for these models, as karpathy/nanoGPT's
    /// scaling_laws.ipynb reconstructs it (Gopher's architecture: attention and relative-position
    /// weights and biases, two LayerNorms, and the 32,000-row head; no input embedding).
    /// </summary>
    private static double GopherParameters(long layers, long d, long ff) =>
        layers * (3.0 * d * d + 3 * d + d * d + 2 * d + d * d + d + d * ff + ff + ff * d + d + 4 * d) + 2 * d + d * 32000.0;

    [Theory]
    [InlineData(10, 640, 2560, 10, 64, 1.03)]
    [InlineData(20, 1024, 4096, 16, 64, 1.10)]
    [InlineData(24, 1280, 5120, 10, 128, 1.08)]
    [InlineData(26, 1792, 7168, 14, 128, 1.04)]
    [InlineData(28, 2048, 8192, 16, 128, 1.03)]
    [InlineData(40, 3584, 14336, 28, 128, 0.99)]
    public void Count_ChinchillaModels_ReproducesTableA4Ratios(long layers, long d, long ff, long heads, long keySize, double published)
    {
        // Table A4 compares the layers' FLOP (as the paper's authors confirmed, without embeddings and
        // logits) at a sequence of 2,048 tokens with 6·N per token.
        var h = HoffmannFlops.Count(Chinchilla(layers, d, ff, heads, keySize), 2048)!;
        double ratio = 3.0 * h.Layers / (6 * GopherParameters(layers, d, ff));
        Assert.Equal(published, Math.Round(ratio, 2));
    }

    [Fact]
    public void Count_OneModel_FollowsAppendixFTerms()
    {
        long t = 2048, v = 32000, d = 640, layers = 10, ff = 2560, heads = 10, k = 64;
        var h = HoffmannFlops.Count(Chinchilla(layers, d, ff, heads, k), t)!;
        // Per sequence in the appendix, divided here by seq_len.
        Assert.Equal(2 * v * d, h.Embeddings);
        Assert.Equal(layers * 2 * 3 * d * (k * heads), h.Projections);
        Assert.Equal(layers * 2 * t * (k * heads), h.AttentionLogits);
        Assert.Equal(layers * 3 * heads * t, h.Softmax);
        Assert.Equal(layers * 2 * t * (k * heads), h.ValueReductions);
        Assert.Equal(layers * 2 * (k * heads) * d, h.OutputProjection);
        Assert.Equal(layers * 2 * (d * ff + d * ff), h.Dense);
        Assert.Equal(2 * d * v, h.Logits);
        Assert.Equal(h.Embeddings + h.Layers + h.Logits, h.Forward);
        Assert.Equal(3 * h.Forward, h.Training);
    }

    [Fact]
    public void Count_MixtureOfExperts_DenseCountsTheExpertsATokenUses()
    {
        var a = PublishedCountTests.Count("mixtral-8x7b");
        var h = HoffmannFlops.Count(a.Shape, 4096)!;
        Assert.Equal(32L * 2 * (2 * 3 * 4096 * 14336 + 4096 * 8), h.Dense);                 // 2 experts of 3 matrices, and the router
    }

    [Fact]
    public void Analyze_NoContextGiven_UsesTheConfigurationsMaximumAndSaysSo()
    {
        var a = PublishedCountTests.Count("llama-3.2-1b-instruct");
        Assert.Equal(131072, a.ContextLength);
        Assert.True(a.ContextIsConfigurationMaximum);
        Assert.Contains(a.Notes, n => n.Contains("the configuration's maximum context", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_ContextGiven_CountsAttentionAtIt()
    {
        var a = Architectures.FromConfig(PublishedConfigs.Open("llama-3.2-1b-instruct"), "config.json", contextLength: 8192);
        Assert.False(a.ContextIsConfigurationMaximum);
        Assert.Equal(2 * a.Parameters.ActiveNonEmbedding + 2L * 16 * 8192 * 2048, a.ForwardFlopsPerToken);   // Kaplan: 2N + 2·L·n_ctx·d_attn
        Assert.Equal(16L * 2 * 8192 * 2048, a.Hoffmann!.AttentionLogits);
        Assert.DoesNotContain(a.Notes, n => n.Contains("maximum context", StringComparison.Ordinal));
    }
}

using ScalingFit.Architecture;

namespace ScalingFit.Tests.Architecture;

public class KaplanTests
{
    [Fact]
    public void Estimate_Width768Depth12_IsTwelveLdSquared()
    {
        var e = Kaplan.Estimate(KaplanShape.Of(768, 12));
        Assert.Equal(84_934_656, e.NonEmbeddingParameters);   // the example
        Assert.Equal(12L * 12 * 768 * 768, e.SimplifiedParameters);
        Assert.Equal(e.SimplifiedParameters, e.NonEmbeddingParameters);
        Assert.Equal(4L * 12 * 768 * 768, e.AttentionParameters);
        Assert.Equal(2L * 12 * 768 * 3072, e.FeedForwardParameters);
        Assert.Null(e.EmbeddingParameters);
        Assert.Null(e.TotalParameters);
    }

    [Fact]
    public void Estimate_ExplicitWidths_FollowsFullFormula()
    {
        long d = 1024, layers = 8, a = 512, f = 3000;
        var e = Kaplan.Estimate(KaplanShape.Of(d, layers, a, f));
        Assert.Equal(2 * d * layers * (2 * a + f), e.NonEmbeddingParameters);
        Assert.Equal(12 * layers * d * d, e.SimplifiedParameters);
        Assert.Equal(e.AttentionParameters + e.FeedForwardParameters, e.NonEmbeddingParameters);
        Assert.False(e.Shape.HasStandardWidths);
    }

    [Fact]
    public void Estimate_VocabularyContextTokens_EmbeddingFlopAndCompute()
    {
        long d = 768, layers = 12, vocab = 50257, context = 1024;
        var e = Kaplan.Estimate(KaplanShape.Of(d, layers, vocabularySize: vocab, contextLength: context), trainingTokens: 3e11);
        long n = 12 * layers * d * d;
        Assert.Equal((vocab + context) * d, e.EmbeddingParameters);
        Assert.Equal(n + (vocab + context) * d, e.TotalParameters);
        Assert.Equal(2 * n + 2 * layers * context * d, e.ForwardFlopsPerToken);
        Assert.True(e.ForwardIncludesContext);
        Assert.Equal(6 * n, e.TrainingFlopsPerToken);
        Assert.Equal(6.0 * n * 3e11, e.TrainingCompute!.Value, 1e-9 * e.TrainingCompute.Value);
    }

    [Fact]
    public void Estimate_NoContext_ForwardIsTwoN()
    {
        var e = Kaplan.Estimate(KaplanShape.Of(512, 6));
        Assert.Equal(2 * e.NonEmbeddingParameters, e.ForwardFlopsPerToken);
        Assert.False(e.ForwardIncludesContext);
    }

    [Theory]
    [InlineData(0, 12, "d_model")]
    [InlineData(768, -1, "n_layer")]
    public void Of_NonPositiveSize_ThrowsNamingIt(long d, long layers, string name)
    {
        var e = Assert.Throws<OptionException>(() => KaplanShape.Of(d, layers));
        Assert.Contains(name, e.Message);
    }

    [Fact]
    public void Estimate_BeyondSixtyFourBits_ThrowsInsteadOfWrapping()
    {
        var e = Assert.ThrowsAny<OptionException>(() => Kaplan.Estimate(KaplanShape.Of(1_000_000_000, 1_000_000)));
        Assert.Contains("64-bit", e.Message);
    }

    [Fact]
    public void Estimate_Gpt3_175BShape_CountExceedsInt32()
    {
        var e = Kaplan.Estimate(KaplanShape.Of(12288, 96));
        Assert.Equal(12L * 96 * 12288 * 12288, e.NonEmbeddingParameters);
        Assert.True(e.NonEmbeddingParameters > int.MaxValue);
    }
}

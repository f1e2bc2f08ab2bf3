using ScalingFit.Architecture;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Architecture;

/// <summary>Exact counts from public config.json files against the parameter counts published for those checkpoints.</summary>
public class PublishedCountTests
{
    private static ArchitectureAnalysis Count(string json) => Architectures.FromConfig(
        new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "config.json");

    [Fact]
    public void FromConfig_Gpt2Small_MatchesPublishedTotalAndNonEmbedding()
    {
        var a = Count(ModelConfigs.Gpt2Small);
        Assert.Equal(124_439_808, a.Parameters.Total);
        Assert.Equal(85_056_000, a.Parameters.NonEmbedding);
        Assert.Equal(a.Parameters.Total, a.Parameters.ActivePerToken);
    }

    [Fact]
    public void FromConfig_Gpt2Small_KaplanErrorIsMinusPointOneFourPercent()
    {
        var a = Count(ModelConfigs.Gpt2Small);
        double expected = (12.0 * 12 * 768 * 768 - 85_056_000) / 85_056_000;   // about -0.143%
        Assert.Equal(expected, a.KaplanRelativeError, 12);
        Assert.Equal(expected, a.SimplifiedRelativeError, 12);
        Assert.InRange(a.KaplanRelativeError, -0.0015, -0.0014);
    }

    [Fact]
    public void FromConfig_Pythia70M_MatchesPythiaTable1()
    {
        var a = Count(ModelConfigs.Pythia70M);
        Assert.Equal(70_426_624, a.Parameters.Total);          // Biderman et al. 2023, Table 1
        Assert.Equal(18_915_328, a.Parameters.NonEmbedding);
        Assert.Equal(50304L * 512, a.Parameters.OutputHead);  // untied
    }

    [Fact]
    public void FromConfig_Llama2_7B_MatchesPublishedTotal()
    {
        var a = Count(ModelConfigs.Llama2_7B);
        Assert.Equal(6_738_415_616, a.Parameters.Total);
        long nonEmbedding = 6_738_415_616 - 2L * 32000 * 4096;   // untied: embedding and head
        Assert.Equal(nonEmbedding, a.Parameters.NonEmbedding);
        // The gated MLP has 3 matrices where Kaplan's formula counts 2: the full formula misses about a fifth.
        Assert.Equal((2.0 * 4096 * 32 * (2 * 4096 + 11008) - nonEmbedding) / nonEmbedding, a.KaplanRelativeError, 12);
        Assert.Equal((12.0 * 32 * 4096 * 4096 - nonEmbedding) / nonEmbedding, a.SimplifiedRelativeError, 12);
    }

    [Fact]
    public void FromConfig_Mistral7B_MatchesPublishedTotal() =>
        Assert.Equal(7_241_732_096, Count(ModelConfigs.Mistral7B).Parameters.Total);

    [Fact]
    public void FromConfig_Mixtral8x7B_MatchesPublishedTotalAndActive()
    {
        var a = Count(ModelConfigs.Mixtral8x7B);
        Assert.Equal(46_702_792_704, a.Parameters.Total);
        Assert.Equal(12_879_925_248, a.Parameters.ActivePerToken);
        Assert.Equal(32L * 4096 * 8, a.Parameters.Router);
        long activeNonEmbedding = 12_879_925_248 - 2L * 32000 * 4096;
        Assert.Equal((2.0 * 4096 * 32 * (2 * 4096 + 14336) - activeNonEmbedding) / activeNonEmbedding, a.KaplanRelativeErrorToActive, 12);
    }

    [Fact]
    public void FromConfig_Qwen2_05B_MatchesPublishedTotal()
    {
        var a = Count(ModelConfigs.Qwen2_05B);
        Assert.Equal(494_032_768, a.Parameters.Total);
        Assert.Equal(0, a.Parameters.OutputHead);               // tie_word_embeddings: true
        Assert.Equal(24L * (896 + 2 * 2 * 64), a.Parameters.Biases);   // q, k, v biases only
    }

    [Fact]
    public void FromConfig_Opt125M_MatchesPublishedTotalWithTwoExtraPositionRows()
    {
        var a = Count(ModelConfigs.Opt125M);
        Assert.Equal(125_239_296, a.Parameters.Total);
        Assert.Equal(2050L * 768, a.Parameters.PositionEmbedding);
    }

    [Fact]
    public void FromConfig_Bloom560M_MatchesPublishedTotal()
    {
        var a = Count(ModelConfigs.Bloom560M);
        Assert.Equal(559_214_592, a.Parameters.Total);
        Assert.Equal(0, a.Parameters.PositionEmbedding);        // ALiBi
    }
}

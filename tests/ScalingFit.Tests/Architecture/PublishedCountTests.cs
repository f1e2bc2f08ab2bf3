using ScalingFit.Architecture;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Architecture;

/// <summary>
/// Exact counts of published config.json files (Configs/SOURCES.md) against the counts published
/// for those checkpoints: index total sizes, papers' tables and model cards, at the precision they
/// are published with.
/// </summary>
public class PublishedCountTests
{
    internal static ArchitectureAnalysis Count(string name, string? family = null) =>
        Architectures.FromConfig(PublishedConfigs.Open(name), $"{name}.json", family);

    /// <summary>Whether a count rounds to a published figure given in units (1e9 for "8.2B") to a number of decimals.</summary>
    internal static void Rounds(double published, double unit, int decimals, long count) =>
        Assert.Equal(published, Math.Round(count / unit, decimals, MidpointRounding.AwayFromZero));

    [Fact]
    public void Bloom176B_MatchesIndexTotalSize() =>
        Assert.Equal(352_494_542_848 / 2, Count("bloom-176b").Parameters.Total);          // bfloat16: 2 bytes a parameter

    [Fact]
    public void Llama2_7B_MatchesIndexTotalSize()
    {
        var a = Count("llama-2-7b-chat");
        Assert.Equal(13_476_831_232 / 2, a.Parameters.Total);
        Assert.Equal(13_476_831_232 / 2 - 2L * 32000 * 4096, a.Parameters.NonEmbedding);   // untied: embedding and head
    }

    [Fact]
    public void Phi3Mini_MatchesIndexTotalSize() =>
        Assert.Equal(7_642_159_104 / 2, Count("phi-3-mini-slerp").Parameters.Total);

    [Fact]
    public void Falcon40B_RefinedWebKeys_MatchIndexWithTiedHeadListedTwice()
    {
        var a = Count("falcon-40b");
        Assert.Equal("falcon", a.Shape.Family);
        Assert.Equal(2, a.Shape.NormsPerLayer);                                            // ln_attn and ln_mlp
        Assert.Equal(8, a.Shape.KeyValueHeads);
        Assert.True(a.Shape.TiedEmbeddings);
        Assert.Equal(83_671_941_120 / 2, a.Parameters.Total + 65024L * 8192);             // the .bin index counts lm_head.weight too
    }

    [Fact]
    public void Gpt2_MatchesNanoGptWithoutPositionTable()
    {
        var a = Count("gpt2");
        Assert.Equal(123_653_376, a.Parameters.Total - a.Parameters.PositionEmbedding);
        Assert.Equal(1024L * 768, a.Parameters.PositionEmbedding);
    }

    [Fact]
    public void Gpt2Medium_Rounds_To355M() => Rounds(355, 1e6, 0, Count("gpt2-medium").Parameters.Total);

    [Fact]
    public void Gemma2B_NonEmbeddingMatchesGemmaTable2()
    {
        var a = Count("gemma-2b");
        Assert.Equal(1_981_884_416, a.Parameters.NonEmbedding);
        Assert.Equal(0, a.Parameters.OutputHead);                                          // tied by Gemma's default
        Assert.Contains(a.Defaults, d => d.Key == "tie_word_embeddings" && d.Family == "gemma" && d.Value == "true");
    }

    [Theory]
    [InlineData("gemma-2-2b", 2_024_517_888)]
    [InlineData("gemma-2-9b", 8_324_201_984)]
    [InlineData("gemma-2-27b", 26_047_480_320)]
    public void Gemma2_NonEmbeddingMatchesGemma2Table(string name, long published)
    {
        var a = Count(name);
        Assert.Equal(published, a.Parameters.NonEmbedding);
        Assert.Equal(4, a.Shape.NormsPerLayer);
    }

    [Fact]
    public void Gemma3_1B_MatchesGemma3Table1()
    {
        var a = Count("gemma-3-1b-it");
        Rounds(302, 1e6, 0, a.Parameters.TokenEmbedding);
        Rounds(698, 1e6, 0, a.Parameters.NonEmbedding);
        Assert.Equal(QueryKeyNorm.PerHead, a.Shape.QueryKeyNorm);
    }

    [Fact]
    public void Qwen3_06B_MatchesModelCard()
    {
        var a = Count("qwen3-0.6b");
        Rounds(0.6, 1e9, 1, a.Parameters.Total);
        Rounds(0.44, 1e9, 2, a.Parameters.NonEmbedding);
    }

    [Fact]
    public void Qwen3_8B_MatchesModelCard()
    {
        var a = Count("qwen3-8b");
        Rounds(8.2, 1e9, 1, a.Parameters.Total);
        Rounds(6.95, 1e9, 2, a.Parameters.NonEmbedding);
    }

    [Fact]
    public void GptJ_WithinFourHundredthsOfAPercentOfModelCard()
    {
        // The card's 6,053,381,344 counts the original checkpoint; GPTJForCausalLM (head with bias, one
        // LayerNorm per layer, vocabulary 50,400) builds 2,498,560 fewer, which the card does not explain.
        var a = Count("gpt-j-6b");
        Assert.InRange((double)a.Parameters.Total / 6_053_381_344 - 1, -0.0005, 0);
        Assert.Equal(50400L * 4096 + 50400, a.Parameters.OutputHead);
    }

    [Theory]
    [InlineData("llama-3.2-1b-instruct", 1.23)]
    [InlineData("llama-3.2-3b-instruct", 3.21)]
    public void Llama32_MatchesModelCardToTwoDecimals(string name, double published)
    {
        long total = Count(name).Parameters.Total;
        Assert.Equal(published, Math.Floor(total / 1e7) / 100);                            // the card writes 1.23B for 1.2358e9
    }

    [Fact]
    public void Phi4Mini_Rounds_To38B() => Rounds(3.8, 1e9, 1, Count("phi-4-mini-instruct").Parameters.Total);

    [Theory]
    [InlineData("smollm2-135m", 135e6)]
    [InlineData("smollm2-360m", 360e6)]
    public void SmolLM2_WithinOnePercentOfItsNominalSize(string name, double nominal) =>
        Assert.InRange(Count(name).Parameters.Total / nominal - 1, -0.01, 0.01);
}

using ScalingFit.Architecture;
using static ScalingFit.Tests.Architecture.PublishedCountTests;

namespace ScalingFit.Tests.Architecture;

/// <summary>Mixtures of experts and nested configurations: totals and counts active per token against their published figures.</summary>
public class PublishedExpertCountTests
{
    [Fact]
    public void Mixtral8x7B_MatchesAnnouncement()
    {
        var a = Count("mixtral-8x7b");
        Rounds(46.7, 1e9, 1, a.Parameters.Total);
        Rounds(12.9, 1e9, 1, a.Parameters.ActivePerToken);
        Assert.Equal(32L * 4096 * 8, a.Parameters.Router);
    }

    [Fact]
    public void Mixtral8x22B_MatchesIndexTotalSize() =>
        Assert.Equal(281_241_268_224 / 2, Count("wizardlm-2-8x22b").Parameters.Total);

    [Fact]
    public void Qwen15MoE_MatchesModelCard()
    {
        var a = Count("qwen1.5-moe-a2.7b");
        Rounds(14.3, 1e9, 1, a.Parameters.Total);
        Rounds(2.7, 1e9, 1, a.Parameters.ActivePerToken);
        Assert.Equal(5632, a.Shape.SharedExpertWidth);
        Assert.True(a.Shape.SharedExpertGate);
        Assert.Equal(24L * (2048 * 60 + 2048), a.Parameters.Router);                       // router d×60 and shared gate d×1 per layer
    }

    [Fact]
    public void DeepSeekV2Lite_MatchesPaper()
    {
        var a = Count("deepseek-v2-lite");
        Rounds(15.7, 1e9, 1, a.Parameters.Total);
        Assert.Equal(1, a.Shape.DenseLayers);                                              // first_k_dense_replace
        Assert.Null(a.Shape.Latent!.QueryRank);                                             // V2-Lite does not compress queries
        // The paper's 2.4B activated lies between the active count without embedding and head and the one with the head.
        Assert.InRange(2.4e9, a.Parameters.ActiveNonEmbedding, a.Parameters.ActivePerToken - a.Parameters.TokenEmbedding);
    }

    [Fact]
    public void DeepSeekV3_MatchesReadmeWithPredictionModuleApart()
    {
        var a = Count("deepseek-v3");
        Rounds(671, 1e9, 0, a.Parameters.Total);
        Rounds(36.6, 1e9, 1, a.Parameters.ActivePerToken - a.Parameters.TokenEmbedding);    // "36.6B (including 0.9B for the output head)"
        Rounds(0.9, 1e9, 1, a.Parameters.OutputHead);
        Assert.Equal(58L * 256, a.Parameters.Router - 58L * 7168 * 256);                     // e_score_correction_bias in the 58 expert layers
        // The README gives 11.5B for the MTP module without the shared embedding and head; the module's
        // decoder layer alone is 11.50B, and its 2·d×d projection and norms bring it to 11.61B.
        Assert.InRange(a.PredictionModules!.Total, 11.5e9, 11.7e9);
        Assert.Equal(1, a.Shape.PredictionLayers);
    }

    [Fact]
    public void Gemma3_27B_NestedTextConfig_NonEmbeddingMatchesGemma3Table1()
    {
        var a = Count("medgemma-27b-it");
        Assert.Equal("gemma3_text", a.Shape.Family);
        Assert.Equal("text_config", a.Section);
        Assert.Contains(a.LeftOut, x => x.StartsWith("vision_config (siglip_vision_model)", StringComparison.Ordinal));
        Rounds(25_600, 1e6, 0, a.Parameters.NonEmbedding);
        Assert.Contains(a.Notes, n => n.Contains("left out vision_config", StringComparison.Ordinal));
    }
}

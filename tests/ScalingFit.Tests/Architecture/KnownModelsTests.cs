using ScalingFit.Architecture;

namespace ScalingFit.Tests.Architecture;

public class KnownModelsTests
{
    [Fact]
    public void All_HasGpt3Gpt2AndPythiaWithUniqueNames()
    {
        var names = KnownModels.All.Select(m => m.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(8, names.Count(n => n.StartsWith("gpt3-", StringComparison.Ordinal)));
        Assert.Equal(4, names.Count(n => n.StartsWith("gpt2-", StringComparison.Ordinal)));
        Assert.Equal(8, names.Count(n => n.StartsWith("pythia-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Find_Gpt3_175B_HasTable21Shape()
    {
        var m = KnownModels.Find("GPT3-175B");
        Assert.Equal((96L, 12288L, 96L, 128L, 2048L), (m.LayerCount, m.ModelWidth, m.AttentionHeads, m.HeadDimension, m.ContextLength));
        Assert.Equal(175_000_000_000, m.PublishedParameters);
    }

    [Fact]
    public void Estimate_Gpt3_175B_LandsNearPublished175B()
    {
        var e = Kaplan.Estimate(KnownModels.Find("gpt3-175b").Shape);
        double n = 12.0 * 96 * 12288 * 12288;                    // 1.7395e11
        double embedding = (50257.0 + 2048) * 12288;             // 6.43e8
        Assert.Equal(n, e.NonEmbeddingParameters);
        Assert.Equal(n + embedding, e.TotalParameters!.Value);
        Assert.InRange(e.TotalParameters.Value / 175e9, 0.99, 1.01);
    }

    [Fact]
    public void Estimate_EveryGpt3Model_WithinThreePercentOfTable21()
    {
        // Table 2.1 rounds to two or three digits; N + (n_vocab + n_ctx)·d_model with d_attn = d_model lands
        // within 2% of it (2.7B is farthest, -1.8%).
        foreach (var m in KnownModels.All.Where(m => m.Family == "gpt3"))
        {
            double d = m.ModelWidth, total = 12 * m.LayerCount * d * d + (50257 + 2048) * d;
            Assert.Equal(total, Kaplan.Estimate(m.Shape).TotalParameters!.Value);
            Assert.InRange(total / m.PublishedParameters, 0.97, 1.03);
        }
    }

    [Fact]
    public void ExactShape_EveryPythia_MatchesTable1TotalAndNonEmbedding()
    {
        foreach (var m in KnownModels.All.Where(m => m.Name.StartsWith("pythia-", StringComparison.Ordinal)))
        {
            var p = ParameterCounter.Count(m.ExactShape()!);
            Assert.Equal(m.PublishedParameters, p.Total);
            Assert.Equal(m.PublishedNonEmbedding, p.NonEmbedding);
        }
    }

    [Fact]
    public void ExactShape_Gpt2Small_Is124439808() =>
        Assert.Equal(124_439_808, ParameterCounter.Count(KnownModels.Find("gpt2-small").ExactShape()!).Total);

    [Fact]
    public void ExactShape_Gpt3_HasNoFamilyRules() => Assert.Null(KnownModels.Find("gpt3-13b").ExactShape());

    [Fact]
    public void Find_UnknownName_ListsKnownNames()
    {
        var e = Assert.Throws<OptionException>(() => KnownModels.Find("gpt5"));
        Assert.Contains("gpt3-175b", e.Message);
        Assert.Contains("pythia-70m", e.Message);
    }
}

using ScalingFit.Architecture;
using static ScalingFit.Tests.Architecture.PublishedCountTests;

namespace ScalingFit.Tests.Architecture;

/// <summary>
/// Published configurations of families the first set lacked (mamba, qwen3_moe) and a nested
/// configuration saved sparsely (LLaVA 1.5), against counts published for them (sources in
/// Configs/SOURCES.md).
/// </summary>
public class PublishedFamiliesMoreTests
{
    [Fact]
    public void Mamba28B_MatchesTheCountItsLoadersPrint()
    {
        // state-spaces/mamba-2.8b-hf: 2,768,345,600 parameters (sum of numel, as printed by two independent
        // public sources; see SOURCES.md). The head is tied (MambaConfig's default, stated).
        var a = Count("mamba-2.8b");
        Assert.Equal(2_768_345_600, a.Parameters.Total);
        Assert.Contains(a.Defaults, d => d.Key == "tie_word_embeddings" && d.Value == "true");
    }

    [Fact]
    public void Qwen3_30B_A3B_MatchesModelCard()
    {
        // Model card: "Number of Parameters: 30.5B in total and 3.3B activated; Number of Paramaters (Non-Embedding): 29.9B".
        var a = Count("qwen3-30b-a3b");
        Rounds(30.5, 1e9, 1, a.Parameters.Total);
        // 3,353,032,704 active: the card's "3.3B" truncates (3.35B rounds to 3.4B), as its "A3B" does.
        Assert.InRange(a.Parameters.ActivePerToken, 3_300_000_000, 3_399_999_999);
        Rounds(29.9, 1e9, 1, a.Parameters.NonEmbedding);                                  // without the embedding and the untied head
        Assert.Equal(48L * 2048 * 128, a.Parameters.Router);                               // a router of d × 128 experts per layer
        Assert.Equal(0, a.Shape.DenseLayers);                                              // mlp_only_layers [] and decoder_sparse_step 1
    }

    [Fact]
    public void Llava15_SparseTextConfig_IsLlama2_7BWithItsVocabularyAndStatesTheDefaults()
    {
        // transformers saves a nested text_config as its difference from LlamaConfig: hidden_size 4096, 32 layers
        // and heads, intermediate_size 11008 are absent. Llama-2-7B holds 6,738,415,616 parameters (its index's
        // total_size / 2); LLaVA's language model adds 64 vocabulary rows to the embedding and to the untied head.
        var a = Count("llava-1.5-7b");
        Assert.Equal(6_738_415_616 + 2L * (32064 - 32000) * 4096, a.Parameters.Total);
        foreach (var key in new[] { "hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size" })
            Assert.Contains(a.Defaults, d => d.Key == "text_config." + key && d.Family == "llama");
        Assert.Contains("vision_config (clip_vision_model)", a.LeftOut);
    }
}

using ScalingFit.Architecture;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Architecture;

/// <summary>Borrowing a family's rules never gives a silently wrong count; defaults and nested sections are stated.</summary>
public class FamilyCheckTests
{
    private static ArchitectureAnalysis Read(string json, string? family = null) =>
        Architectures.FromConfig(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "config.json", family);

    private static string Renamed(string name, string from, string to) => PublishedConfigs.Text(name).Replace($"\"model_type\": \"{from}\"", $"\"model_type\": \"{to}\"");

    [Fact]
    public void Borrowed_KnownFamilyWithOtherCount_ErrorNamesBothCountsAndTheDifferences()
    {
        var e = Assert.Throws<ArchitectureException>(() => Read(PublishedConfigs.Text("gemma-2-9b"), "llama"));
        Assert.Equal("model_type", e.Key);
        Assert.Contains("9,241,705,984", e.Message);                                        // gemma2's own count
        Assert.Contains("norms per layer: 4 under gemma2, 2 under llama", e.Message);
        Assert.Contains("output head: tied under gemma2, untied under llama", e.Message);
    }

    [Fact]
    public void Borrowed_KnownFamilyWithSameCount_Counts()
    {
        var own = Read(PublishedConfigs.Text("mistral-7b-v0.3"));
        var borrowed = Read(PublishedConfigs.Text("mistral-7b-v0.3"), "llama");
        Assert.Equal(own.Parameters.Total, borrowed.Parameters.Total);
        Assert.Equal("llama", borrowed.Shape.Family);
    }

    [Fact]
    public void Borrowed_UnknownMixtureOfExpertsUnderLlama_NamesTheExpertKeyAndItsFamilies()
    {
        var e = Assert.Throws<ArchitectureException>(() => Read(Renamed("deepseek-v3", "deepseek_v3", "my_moe"), "llama"));
        Assert.Equal("num_experts_per_tok", e.Key);
        Assert.Contains("the llama rules do not read it", e.Message);
        Assert.Contains("deepseek_v3", e.Message);
    }

    [Fact]
    public void Borrowed_UnknownLatentAttentionUnderLlama_NamesTheLatentKey()
    {
        string[] experts = ["n_routed_experts", "num_experts_per_tok", "moe_intermediate_size", "n_shared_experts", "first_k_dense_replace", "moe_layer_freq", "num_nextn_predict_layers"];
        string json = string.Join("\n", Renamed("deepseek-v3", "deepseek_v3", "my_mla").Split('\n').Where(line => !experts.Any(k => line.Contains($"\"{k}\"", StringComparison.Ordinal))));
        var e = Assert.Throws<ArchitectureException>(() => Read(json, "llama"));
        Assert.Equal("q_lora_rank", e.Key);
        Assert.Contains("deepseek_v2, deepseek_v3", e.Message);
    }

    [Fact]
    public void Borrowed_MixtralRulesOnAnotherMixture_NameTheKeyTheyNeed()
    {
        var e = Assert.Throws<ArchitectureException>(() => Read(Renamed("deepseek-v3", "deepseek_v3", "my_moe"), "mixtral"));
        Assert.Equal("num_local_experts", e.Key);
    }

    [Fact]
    public void Borrowed_KeyValueHeadsUnderNeoXRules_AreAnError()
    {
        var e = Assert.Throws<ArchitectureException>(() => Read(Renamed("llama-3.2-1b-instruct", "llama", "my_model"), "gpt_neox"));
        Assert.Contains(e.Key, new[] { "num_key_value_heads", "head_dim" });
        Assert.Contains("gpt_neox rules do not read it", e.Message);
    }

    [Fact]
    public void Borrowed_NeutralValuesOfUnreadKeys_AreAccepted()
    {
        string json = Renamed("llama-2-7b-chat", "llama", "my_llama")
            .Replace("\"pretraining_tp\": 1,", "\"pretraining_tp\": 1, \"mlp_only_layers\": [], \"num_nextn_predict_layers\": 0, \"n_shared_experts\": 0,");
        Assert.Equal(13_476_831_232 / 2, Read(json, "llama").Parameters.Total);
    }

    [Fact]
    public void Borrowed_TieDefault_IsStated()
    {
        string json = Renamed("llama-3.2-1b-instruct", "llama", "my_llama").Replace("\"tie_word_embeddings\": true,", "");
        var a = Read(json, "llama");
        Assert.Contains(a.Defaults, d => d is { Key: "tie_word_embeddings", Family: "llama", Value: "false" });
        Assert.Contains(a.Notes, n => n.Contains("no 'tie_word_embeddings': took the llama default, false", StringComparison.Ordinal));
        Assert.Equal(128256L * 2048, a.Parameters.OutputHead);
    }

    [Fact]
    public void Nested_TieAtTopLevel_AppliesToTheLanguageModel()
    {
        string json = PublishedConfigs.Text("medgemma-27b-it").Replace("\"transformers_version\"", "\"tie_word_embeddings\": false, \"transformers_version\"");
        var a = Read(json);
        Assert.False(a.Shape.TiedEmbeddings);
        Assert.Empty(a.Defaults);
    }
}

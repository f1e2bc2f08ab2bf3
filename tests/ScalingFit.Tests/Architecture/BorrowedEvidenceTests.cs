using ScalingFit.Architecture;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Architecture;

/// <summary>
/// Rules borrowed for a model_type ScalingFit does not know: what they assume for absent keys is
/// stated, keys that say the model differs (its norm, its biases) stop the count, and MoE families
/// never fall back to a dense count because a key is missing. Each case counted silently wrong before.
/// </summary>
public class BorrowedEvidenceTests
{
    private static ArchitectureAnalysis Read(string json, string? family = null) =>
        Architectures.FromConfig(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "config.json", family);

    private static string Renamed(string name, string from) =>
        PublishedConfigs.Text(name).Replace($"\"model_type\": \"{from}\"", "\"model_type\": \"unknown_family\"");

    [Fact]
    public void FalconRules_OnBloomKeys_StateTheMultiQueryAndBiasTheyAssume()
    {
        // BLOOM's file names neither multi_query nor bias: FalconConfig's defaults (one key-value head, no biases)
        // give 147.7B of its 176.2B. The count is the rules' to give, but never without saying what it assumed.
        var a = Read(Renamed("bloom-176b", "bloom"), "falcon");
        Assert.Contains(a.Defaults, d => d is { Key: "multi_query", Family: "falcon", Value: "true" });
        Assert.Contains(a.Defaults, d => d is { Key: "bias", Family: "falcon", Value: "false" });
        Assert.Contains(a.Notes, n => n.Contains("'multi_query'", StringComparison.Ordinal));
    }

    [Fact]
    public void LlamaRules_OnAFileNamingLayerNormEpsilon_StopAtThatKey()
    {
        // RedPajama-INCITE-7B (gpt_neox) read as llama came out 9.0B for 6.9B: a gated MLP and RMSNorm it does not have.
        var e = Assert.Throws<ArchitectureException>(() => Read(Renamed("redpajama-incite-7b-base", "gpt_neox"), "llama"));
        Assert.Equal("layer_norm_eps", e.Key);
        Assert.Contains("LayerNorms, and the llama rules count RMSNorm", e.Message);
    }

    [Fact]
    public void NormGivenByOption_SettlesTheEvidence()
    {
        var a = Read(Renamed("redpajama-incite-7b-base", "gpt_neox"), "gpt_neox");
        Assert.Equal(NormKind.LayerNorm, a.Shape.Norm);
        var overrides = new ArchitectureSpec { Norm = new(NormKind.LayerNorm, SettingOrigin.Option("--norm")) };
        var stable = Architectures.FromConfig(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Renamed("qwen3-0.6b", "qwen3")
            .Replace("\"rms_norm_eps\"", "\"layer_norm_eps\""))), "config.json", "qwen3", overrides);
        Assert.Equal(NormKind.LayerNorm, stable.Shape.Norm);
    }

    [Fact]
    public void Qwen2Rules_OnAFileSayingAttentionBiasFalse_StopThere()
    {
        // Qwen2's rules put biases on Q, K and V whatever the file says; Qwen3's attention_bias false was taken as neutral.
        var e = Assert.Throws<ArchitectureException>(() => Read(Renamed("qwen3-0.6b", "qwen3"), "qwen2"));
        Assert.Equal("attention_bias", e.Key);
    }

    [Fact]
    public void LlamaRules_OnAFileSayingAttentionBiasFalse_Count()
    {
        var a = Read(Renamed("qwen3-0.6b", "qwen3"), "llama");
        Assert.Equal(BiasLayout.None, a.Shape.Bias);
    }

    [Theory]
    [InlineData("qwen1.5-moe-a2.7b", "num_experts")]
    [InlineData("deepseek-v2-lite", "n_routed_experts")]
    public void MixtureOfExperts_WithoutItsExpertCount_IsAnErrorNotADenseModel(string name, string key)
    {
        string json = PublishedConfigs.Text(name);
        string line = json.Split('\n').Single(l => l.Contains($"\"{key}\"", StringComparison.Ordinal));
        var e = Assert.Throws<ArchitectureException>(() => Read(json.Replace(line + "\n", "")));
        Assert.Equal(key, e.Key);
    }

    [Fact]
    public void MixtureOfExperts_WithExpertCountNull_IsDense()
    {
        string json = PublishedConfigs.Text("deepseek-v2-lite").Replace("\"n_routed_experts\": 64", "\"n_routed_experts\": null");
        Assert.False(Read(json).Shape.IsMixtureOfExperts);
    }

    [Fact]
    public void QwenExpertLayers_AreCountedWithoutWalkingTheLayers()
    {
        // decoder_sparse_step 2 on 6 layers puts experts in layers 1, 3 and 5; mlp_only_layers [1, 3] leaves layer 5.
        string json = PublishedConfigs.Text("qwen1.5-moe-a2.7b").Replace("\"num_hidden_layers\": 24", "\"num_hidden_layers\": 6")
            .Replace("\"decoder_sparse_step\": 1", "\"decoder_sparse_step\": 2, \"mlp_only_layers\": [1, 3, 3]");
        Assert.Equal(5, Read(json).Shape.DenseLayers);
    }

    [Fact]
    public void SizesBeyondSixtyFourBits_InAFile_AreAnErrorNamingTheFile()
    {
        // Before: an OptionException (exit 2, as if an option were wrong) without the file.
        string json = PublishedConfigs.Text("qwen3-0.6b").Replace("\"vocab_size\": 151936", "\"vocab_size\": 4611686018427387904");
        var e = Assert.Throws<ArchitectureException>(() => Read(json));
        Assert.Equal("config.json", e.Source);
        Assert.Contains("64-bit", e.Message);
    }

    [Fact]
    public void MambaExpandBeyondSixtyFourBits_IsAnErrorNotACrash()
    {
        string json = PublishedConfigs.Text("mamba-2.8b").Replace("\"intermediate_size\": 5120,", "").Replace("\"expand\": 2", "\"expand\": 4611686018427387904");
        Assert.Contains("64-bit", Assert.Throws<ArchitectureException>(() => Read(json)).Message);
    }

    [Fact]
    public void Opt_WithoutElementwiseAffine_HasNormsWithoutParameters()
    {
        // A small synthetic OPT (no published model): nn.LayerNorm(elementwise_affine=False) holds no parameters.
        const string json = """
            {"model_type": "opt", "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4, "ffn_dim": 256,
             "vocab_size": 100, "max_position_embeddings": 32, "do_layer_norm_before": true, "layer_norm_elementwise_affine": false}
            """;
        var plain = Read(json);
        var affine = Read(json.Replace("\"layer_norm_elementwise_affine\": false", "\"layer_norm_elementwise_affine\": true"));
        Assert.Equal(0, plain.Parameters.Norms);
        Assert.Equal((2 * 2 + 1) * 2 * 64, affine.Parameters.Norms);                     // two per layer and a final one, weight and bias
        Assert.Equal(affine.Parameters.Total - affine.Parameters.Norms, plain.Parameters.Total);
    }
}

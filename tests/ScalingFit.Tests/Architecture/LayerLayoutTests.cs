using ScalingFit.Architecture;

namespace ScalingFit.Tests.Architecture;

/// <summary>
/// The families without a published config.json in the tests (mamba, mamba2, olmo, olmo2,
/// qwen3_moe, gpt_neo, falcon's old 7B keys): counts against the weight shapes of their
/// transformers modeling code written out term by term, on small synthetic configurations that
/// describe no published model.
/// </summary>
public class LayerLayoutTests
{
    private static ParameterBreakdown Count(string json) => ParameterCounter.Count(ModelConfig.Parse(json).Build());

    [Fact]
    public void Mamba_MixerFollowsMambaMixer()
    {
        // d 64, 2 layers, state 16, kernel 4, expand 2 (inner 128), time_step_rank auto = ⌈64/16⌉ = 4, vocabulary 100, tied.
        var p = Count("""{"model_type": "mamba", "hidden_size": 64, "num_hidden_layers": 2, "vocab_size": 100, "time_step_rank": "auto"}""");
        long d = 64, i = 128, n = 16, k = 4, r = 4;
        long mixer = d * 2 * i + i * k + i + i * (r + 2 * n) + r * i + i + i * n + i + i * d;   // in_proj, conv1d (+bias), x_proj, dt_proj (+bias), A_log, D, out_proj
        Assert.Equal(2 * mixer, p.Mixer);
        Assert.Equal((2 + 1) * d, p.Norms);                                                  // a norm per layer and norm_f
        Assert.Equal(100 * d, p.TokenEmbedding);
        Assert.Equal(0, p.OutputHead);
        Assert.Equal(0, p.Attention + p.Mlp);
    }

    [Fact]
    public void Mamba2_MixerFollowsMamba2Mixer()
    {
        // d 64, expand 2 (inner 128) = 4 heads × 32, 2 groups, state 8, kernel 4, untied by default.
        var p = Count("""{"model_type": "mamba2", "hidden_size": 64, "num_hidden_layers": 1, "vocab_size": 100, "num_heads": 4, "head_dim": 32, "n_groups": 2, "state_size": 8}""");
        long d = 64, i = 128, h = 4, g = 2, n = 8, k = 4, channels = i + 2 * g * n;
        long mixer = d * (i + channels + h) + channels * k + channels + 3 * h + i * d;       // in_proj, conv1d (+bias), dt_bias, A_log, D, out_proj
        Assert.Equal(mixer, p.Mixer);
        Assert.Equal(d + i + d, p.Norms);                                                     // layer norm, gated norm of inner, norm_f
        Assert.Equal(100 * d, p.OutputHead);
    }

    [Fact]
    public void Mamba2_HeadsNotMatchingInnerWidth_NamesNumHeads()
    {
        var e = Assert.Throws<ArchitectureException>(() =>
            ModelConfig.Parse("""{"model_type": "mamba2", "hidden_size": 64, "num_hidden_layers": 1, "vocab_size": 100, "num_heads": 3, "head_dim": 32}"""));
        Assert.Equal("num_heads", e.Key);
    }

    [Fact]
    public void Olmo_NormsHaveNoParameters()
    {
        var p = Count("""{"model_type": "olmo", "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4, "intermediate_size": 128, "vocab_size": 100}""");
        Assert.Equal(0, p.Norms);
        Assert.Equal(2 * 3 * 64 * 128, p.Mlp);
    }

    [Fact]
    public void Olmo2_QueryAndKeyNormsSpanAllHeads()
    {
        var p = Count("""{"model_type": "olmo2", "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2, "intermediate_size": 128, "vocab_size": 100}""");
        Assert.Equal(2 * (2 * 64 + 64 + 32) + 64, p.Norms);                                  // post-attention, post-MLP, q_norm (4×16), k_norm (2×16); norm
    }

    [Fact]
    public void Qwen3Moe_MlpOnlyLayersAndSparseStep_KeepDenseLayers()
    {
        // 4 layers; decoder_sparse_step 2 puts experts in layers 1 and 3; mlp_only_layers [3] keeps layer 3 dense.
        var p = Count("""
            {"model_type": "qwen3_moe", "hidden_size": 64, "num_hidden_layers": 4, "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 16,
             "intermediate_size": 256, "moe_intermediate_size": 32, "num_experts": 8, "num_experts_per_tok": 2, "decoder_sparse_step": 2,
             "mlp_only_layers": [3], "vocab_size": 100}
            """);
        long d = 64;
        Assert.Equal(3 * 3 * d * 256 + 8 * 3 * d * 32, p.Mlp);                                // 3 dense layers, 1 expert layer
        Assert.Equal(d * 8, p.Router);
        Assert.Equal(6 * 3 * d * 32, p.InactiveExperts);
        Assert.Equal(4 * (2 * d + 2 * 16) + d, p.Norms);                                     // q_norm and k_norm of one head each
    }

    [Fact]
    public void GptNeo_QueryKeyValueWithoutBiasOutputAndMlpWithBias()
    {
        var p = Count("""{"model_type": "gpt_neo", "hidden_size": 64, "num_layers": 2, "num_heads": 4, "vocab_size": 100, "max_position_embeddings": 128, "intermediate_size": null}""");
        long d = 64, f = 4 * 64;
        Assert.Equal(2 * (d + f + d), p.Biases);                                              // out_proj, c_fc, c_proj
        Assert.Equal(128 * d, p.PositionEmbedding);
        Assert.Equal(0, p.OutputHead);
    }

    [Fact]
    public void FalconOldKeys_MultiQueryOneNormPerLayer()
    {
        var p = Count("""{"model_type": "RefinedWebModel", "hidden_size": 64, "n_layer": 2, "n_head": 4, "vocab_size": 100, "multi_query": true, "parallel_attn": true, "bias": false}""");
        long d = 64, head = 16;
        Assert.Equal(2 * (d * d + 2 * d * head + d * d), p.Attention);                        // one key and one value head
        Assert.Equal((2 + 1) * 2 * d, p.Norms);                                               // input_layernorm per layer, ln_f
    }
}

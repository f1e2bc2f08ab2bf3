using System.Text.Json;

namespace ScalingFit.Architecture;

/// <summary>
/// The configuration keys that change a parameter count, with the families whose rules read them
/// and the values that change nothing under the borrowed rules (num_key_value_heads equal to the
/// heads, a bias flag that says what the rules already count, no shared experts). A key here that a
/// borrowed family's rules do not read is an error, never a silently wrong count.
/// </summary>
internal static class CountKeys
{
    private const string Grouped = "llama, mistral, mixtral, qwen2, qwen2_moe, qwen3, qwen3_moe, gemma, gemma2, gemma3_text, phi3, starcoder2, olmo, olmo2";
    private const string Experts = "qwen2_moe, qwen3_moe";
    private const string DeepSeek = "deepseek_v2, deepseek_v3";
    private const string Mamba = "mamba, mamba2";
    private const string LayerNorms = "gpt2, gpt_neox, gpt_neo, gptj, opt, bloom, falcon, starcoder2";

    private const string NormMeaning =
        "it marks the model's norms as {0}, and the {1} rules count {2}; give --norm layernorm (a weight and a bias per channel) " +
        "or --norm rmsnorm (a weight per channel) for what the model's norms hold";

    /// <summary>Key → (the families that read it, whether a value changes nothing under the borrowed rules, what it means when it is not a size).</summary>
    public static IReadOnlyDictionary<string, CountKey> Catalog { get; } =
        new Dictionary<string, CountKey>(StringComparer.Ordinal)
        {
            ["num_key_value_heads"] = new(Grouped, (v, k, _) => Equals(v, k, "num_attention_heads")),
            ["num_kv_heads"] = new("falcon", (v, k, _) => Equals(v, k, "num_attention_heads")),
            ["n_head_kv"] = new("falcon", (v, k, _) => Equals(v, k, "n_head")),
            ["head_dim"] = new(Grouped, HeadSizeOfWidth),
            ["intermediate_size"] = new("gpt_neox, gpt_neo, " + Grouped + ", " + DeepSeek, Never),
            ["n_inner"] = new("gpt2, gptj", Never),
            ["ffn_dim"] = new("opt", Never),
            ["ffn_hidden_size"] = new("falcon", Never),
            ["word_embed_proj_dim"] = new("opt", (v, k, _) => Equals(v, k, "hidden_size")),
            // Bias flags change nothing when they say what the borrowed rules count already.
            ["attention_bias"] = new("gpt_neox, llama, qwen3, qwen3_moe, gemma, gemma2, gemma3_text, olmo, olmo2, " + DeepSeek,
                (v, _, s) => Flag(v) is { } b && b == Bias(s).QueryKeyValue && b == Bias(s).AttentionOutput || ByOption(s.Bias)),
            ["mlp_bias"] = new("llama", (v, _, s) => Flag(v) == Bias(s).Mlp || ByOption(s.Bias)),
            ["use_qkv_bias"] = new("", (v, _, s) => Flag(v) == Bias(s).QueryKeyValue || ByOption(s.Bias)),
            ["qkv_bias"] = new("", (v, _, s) => Flag(v) == Bias(s).QueryKeyValue || ByOption(s.Bias)),
            ["use_bias"] = new("starcoder2, " + Mamba, Everywhere),
            ["bias"] = new("falcon", Everywhere),
            ["enable_bias"] = new("opt", Everywhere),
            ["num_local_experts"] = new("mixtral", AtMostOne),
            ["num_experts"] = new(Experts, AtMostOne),
            ["num_experts_per_tok"] = new("mixtral, " + Experts + ", " + DeepSeek, AtMostOne),
            ["moe_intermediate_size"] = new(Experts + ", " + DeepSeek, Never),
            ["shared_expert_intermediate_size"] = new("qwen2_moe", Zero),
            ["decoder_sparse_step"] = new(Experts, Never),
            ["mlp_only_layers"] = new(Experts, EmptyList),
            ["n_routed_experts"] = new(DeepSeek, AtMostOne),
            ["n_shared_experts"] = new(DeepSeek, Zero),
            ["first_k_dense_replace"] = new(DeepSeek, Never),
            ["moe_layer_freq"] = new(DeepSeek, Never),
            ["q_lora_rank"] = new(DeepSeek, Never),
            ["kv_lora_rank"] = new(DeepSeek, Never),
            ["qk_nope_head_dim"] = new(DeepSeek, Never),
            ["qk_rope_head_dim"] = new(DeepSeek, Never),
            ["v_head_dim"] = new(DeepSeek, Never),
            ["num_nextn_predict_layers"] = new("deepseek_v3", Zero),
            ["new_decoder_architecture"] = new("falcon", False),
            ["multi_query"] = new("falcon", False),
            ["parallel_attn"] = new("falcon", False),
            ["num_ln_in_parallel_attn"] = new("falcon", Never),
            ["state_size"] = new(Mamba, Never),
            ["conv_kernel"] = new(Mamba, Never),
            ["expand"] = new(Mamba, Never),
            ["time_step_rank"] = new("mamba", Never),
            ["n_groups"] = new("mamba2", Never),
            ["use_conv_bias"] = new(Mamba, Never),
            ["qk_layernorm"] = new("", QueryKeyNorms),
            ["use_qk_norm"] = new("", QueryKeyNorms),
            ["layer_norm_elementwise_affine"] = new("opt", True),
            // The epsilon a configuration names tells which norm its model has.
            ["layer_norm_eps"] = new(LayerNorms, (_, k, s) => IsNorm(s, NormKind.LayerNorm) || k.Has("rms_norm_eps"), string.Format(null, NormMeaning, "LayerNorms", "{0}", "RMSNorm")),
            ["layer_norm_epsilon"] = new(LayerNorms, (_, k, s) => IsNorm(s, NormKind.LayerNorm) || k.Has("rms_norm_eps") || s.StateSpace is not null,
                string.Format(null, NormMeaning, "LayerNorms", "{0}", "RMSNorm")),
            ["rms_norm_eps"] = new(Grouped + ", " + DeepSeek, (_, k, s) => IsNorm(s, NormKind.RmsNorm) || k.Has("layer_norm_eps") || k.Has("layer_norm_epsilon"),
                string.Format(null, NormMeaning, "RMSNorms", "{0}", "LayerNorm")),
        };

    private static bool Never(JsonElement value, ConfigKeys keys, ArchitectureSpec spec) => false;

    private static bool False(JsonElement value, ConfigKeys keys, ArchitectureSpec spec) => value.ValueKind == JsonValueKind.False;

    private static bool True(JsonElement value, ConfigKeys keys, ArchitectureSpec spec) => value.ValueKind == JsonValueKind.True;

    private static bool Zero(JsonElement value, ConfigKeys keys, ArchitectureSpec spec) => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) && n == 0;

    private static bool AtMostOne(JsonElement value, ConfigKeys keys, ArchitectureSpec spec) => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) && n <= 1;

    private static bool EmptyList(JsonElement value, ConfigKeys keys, ArchitectureSpec spec) => value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0;

    /// <summary>A flag for biases on every linear layer, which changes nothing when the rules count biases on all of them or on none.</summary>
    private static bool Everywhere(JsonElement value, ConfigKeys keys, ArchitectureSpec spec) =>
        ByOption(spec.Bias) || Flag(value) is { } b && (b ? Bias(spec) == BiasLayout.All : Bias(spec) == BiasLayout.None);

    private static bool QueryKeyNorms(JsonElement value, ConfigKeys keys, ArchitectureSpec spec) =>
        Flag(value) is { } b && b == (spec.QueryKeyNorm?.Value is { } q && q != QueryKeyNorm.None);

    private static bool? Flag(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static BiasLayout Bias(ArchitectureSpec spec) => spec.Bias?.Value ?? BiasLayout.None;

    private static bool ByOption<T>(Setting<T>? setting) => setting?.Origin.Source == SettingSource.Option;

    private static bool IsNorm(ArchitectureSpec spec, NormKind kind) => spec.Norm?.Value == kind || ByOption(spec.Norm);

    private static bool Equals(JsonElement value, ConfigKeys keys, string other) =>
        keys.Raw(other) is { } o && value.ValueKind == JsonValueKind.Number && o.ValueKind == JsonValueKind.Number && value.GetRawText() == o.GetRawText();

    private static bool HeadSizeOfWidth(JsonElement value, ConfigKeys keys, ArchitectureSpec spec) =>
        keys.Raw("hidden_size") is { ValueKind: JsonValueKind.Number } d && keys.Raw("num_attention_heads") is { ValueKind: JsonValueKind.Number } h &&
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long size) && d.TryGetInt64(out long width) && h.TryGetInt64(out long heads) &&
        heads > 0 && width == heads * size;
}

/// <summary>A key that changes the count: the families that read it, when its value changes nothing under borrowed rules, and what it means when it is not a size (a format with {0} for the family).</summary>
internal sealed record CountKey(string Readers, Func<JsonElement, ConfigKeys, ArchitectureSpec, bool> Neutral, string? Meaning = null);

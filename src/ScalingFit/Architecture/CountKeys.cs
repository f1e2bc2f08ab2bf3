using System.Text.Json;

namespace ScalingFit.Architecture;

/// <summary>
/// The configuration keys that change a parameter count, with the families whose rules read them
/// and the values that change nothing (num_key_value_heads equal to the heads, a flag left false,
/// no shared experts). A key here that a borrowed family's rules do not read is an error, never a
/// silently wrong count.
/// </summary>
internal static class CountKeys
{
    private const string Grouped = "llama, mistral, mixtral, qwen2, qwen2_moe, qwen3, qwen3_moe, gemma, gemma2, gemma3_text, phi3, starcoder2, olmo, olmo2";
    private const string Experts = "qwen2_moe, qwen3_moe";
    private const string DeepSeek = "deepseek_v2, deepseek_v3";
    private const string Mamba = "mamba, mamba2";

    /// <summary>Key → (the families that read it, whether a value changes nothing).</summary>
    public static IReadOnlyDictionary<string, (string Readers, Func<JsonElement, ConfigKeys, bool> Neutral)> Catalog { get; } =
        new Dictionary<string, (string, Func<JsonElement, ConfigKeys, bool>)>(StringComparer.Ordinal)
        {
            ["num_key_value_heads"] = (Grouped, (v, k) => Equals(v, k, "num_attention_heads")),
            ["num_kv_heads"] = ("falcon", (v, k) => Equals(v, k, "num_attention_heads")),
            ["n_head_kv"] = ("falcon", (v, k) => Equals(v, k, "n_head")),
            ["head_dim"] = (Grouped, HeadSizeOfWidth),
            ["intermediate_size"] = ("gpt_neox, gpt_neo, " + Grouped + ", " + DeepSeek, Never),
            ["n_inner"] = ("gpt2, gptj", Never),
            ["ffn_dim"] = ("opt", Never),
            ["ffn_hidden_size"] = ("falcon", Never),
            ["word_embed_proj_dim"] = ("opt", (v, k) => Equals(v, k, "hidden_size")),
            ["attention_bias"] = ("gpt_neox, llama, qwen3, qwen3_moe, gemma, gemma2, gemma3_text, olmo, olmo2, " + DeepSeek, False),
            ["mlp_bias"] = ("llama", False),
            ["use_bias"] = ("starcoder2, " + Mamba, False),
            ["bias"] = ("falcon", False),
            ["enable_bias"] = ("opt", True),
            ["num_local_experts"] = ("mixtral", AtMostOne),
            ["num_experts"] = (Experts, AtMostOne),
            ["num_experts_per_tok"] = ("mixtral, " + Experts + ", " + DeepSeek, AtMostOne),
            ["moe_intermediate_size"] = (Experts + ", " + DeepSeek, Never),
            ["shared_expert_intermediate_size"] = ("qwen2_moe", Zero),
            ["decoder_sparse_step"] = (Experts, Never),
            ["mlp_only_layers"] = (Experts, EmptyList),
            ["n_routed_experts"] = (DeepSeek, AtMostOne),
            ["n_shared_experts"] = (DeepSeek, Zero),
            ["first_k_dense_replace"] = (DeepSeek, Never),
            ["moe_layer_freq"] = (DeepSeek, Never),
            ["q_lora_rank"] = (DeepSeek, Never),
            ["kv_lora_rank"] = (DeepSeek, Never),
            ["qk_nope_head_dim"] = (DeepSeek, Never),
            ["qk_rope_head_dim"] = (DeepSeek, Never),
            ["v_head_dim"] = (DeepSeek, Never),
            ["num_nextn_predict_layers"] = ("deepseek_v3", Zero),
            ["new_decoder_architecture"] = ("falcon", False),
            ["multi_query"] = ("falcon", False),
            ["parallel_attn"] = ("falcon", False),
            ["num_ln_in_parallel_attn"] = ("falcon", Never),
            ["state_size"] = (Mamba, Never),
            ["conv_kernel"] = (Mamba, Never),
            ["expand"] = (Mamba, Never),
            ["time_step_rank"] = ("mamba", Never),
            ["n_groups"] = ("mamba2", Never),
            ["use_conv_bias"] = (Mamba, Never),
            ["qk_layernorm"] = ("", False),
            ["use_qk_norm"] = ("", False),
            ["use_qkv_bias"] = ("", False),
            ["qkv_bias"] = ("", False),
        };

    private static bool Never(JsonElement value, ConfigKeys keys) => false;

    private static bool False(JsonElement value, ConfigKeys keys) => value.ValueKind == JsonValueKind.False;

    private static bool True(JsonElement value, ConfigKeys keys) => value.ValueKind == JsonValueKind.True;

    private static bool Zero(JsonElement value, ConfigKeys keys) => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) && n == 0;

    private static bool AtMostOne(JsonElement value, ConfigKeys keys) => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) && n <= 1;

    private static bool EmptyList(JsonElement value, ConfigKeys keys) => value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0;

    private static bool Equals(JsonElement value, ConfigKeys keys, string other) =>
        keys.Raw(other) is { } o && value.ValueKind == JsonValueKind.Number && o.ValueKind == JsonValueKind.Number && value.GetRawText() == o.GetRawText();

    private static bool HeadSizeOfWidth(JsonElement value, ConfigKeys keys) =>
        keys.Raw("hidden_size") is { ValueKind: JsonValueKind.Number } d && keys.Raw("num_attention_heads") is { ValueKind: JsonValueKind.Number } h &&
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long size) && d.TryGetInt64(out long width) && h.TryGetInt64(out long heads) &&
        heads > 0 && width == heads * size;
}

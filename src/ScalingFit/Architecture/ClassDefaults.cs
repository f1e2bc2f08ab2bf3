namespace ScalingFit.Architecture;

/// <summary>
/// The defaults of the transformers configuration classes for the sizes a count needs, where a
/// configuration may leave them out: a nested text_config is saved as its difference from its class
/// (google/gemma-3-4b-it names four sizes of its Gemma3TextConfig), and head_dim defaults to a number
/// that is not d_model / heads in Gemma (256) and Qwen3 (128).
/// </summary>
/// <remarks>
/// From huggingface/transformers, src/transformers/models/*/configuration_*.py (LlamaConfig, GemmaConfig,
/// Gemma2Config and Qwen3Config at 008e574391258935f3ecc3035c882e73bbcac419, Gemma3TextConfig at
/// 008f5c8c29be84d4721dc6d1e0fcd72300580be4). LlamaConfig's num_key_value_heads and head_dim default
/// to the heads and d_model / heads, which the readers already take.
/// </remarks>
internal static class ClassDefaults
{
    private static readonly Dictionary<string, Dictionary<string, long>> Defaults = new(StringComparer.Ordinal)
    {
        ["llama"] = new()
        {
            ["vocab_size"] = 32000, ["hidden_size"] = 4096, ["intermediate_size"] = 11008, ["num_hidden_layers"] = 32,
            ["num_attention_heads"] = 32, ["max_position_embeddings"] = 2048,
        },
        ["gemma"] = new()
        {
            ["vocab_size"] = 256000, ["hidden_size"] = 3072, ["intermediate_size"] = 24576, ["num_hidden_layers"] = 28,
            ["num_attention_heads"] = 16, ["num_key_value_heads"] = 16, ["head_dim"] = 256, ["max_position_embeddings"] = 8192,
        },
        ["gemma2"] = new()
        {
            ["vocab_size"] = 256000, ["hidden_size"] = 2304, ["intermediate_size"] = 9216, ["num_hidden_layers"] = 26,
            ["num_attention_heads"] = 8, ["num_key_value_heads"] = 4, ["head_dim"] = 256, ["max_position_embeddings"] = 8192,
        },
        ["gemma3_text"] = new()
        {
            ["vocab_size"] = 262208, ["hidden_size"] = 2304, ["intermediate_size"] = 9216, ["num_hidden_layers"] = 26,
            ["num_attention_heads"] = 8, ["num_key_value_heads"] = 4, ["head_dim"] = 256, ["max_position_embeddings"] = 131072,
        },
        ["qwen3"] = new()
        {
            ["vocab_size"] = 151936, ["hidden_size"] = 4096, ["intermediate_size"] = 22016, ["num_hidden_layers"] = 32,
            ["num_attention_heads"] = 32, ["num_key_value_heads"] = 32, ["head_dim"] = 128, ["max_position_embeddings"] = 32768,
        },
    };

    /// <summary>The default of a key in a family's configuration class, or null when ScalingFit does not take one.</summary>
    public static long? Of(string family, string key) =>
        Defaults.TryGetValue(family, out var keys) && keys.TryGetValue(key, out long value) ? value : null;
}

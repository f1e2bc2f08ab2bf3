namespace ScalingFit.Tests.Support;

/// <summary>
/// The configurations the older tests use, now the published files of Architecture/Configs (see
/// SOURCES.md there), and one synthetic OPT configuration for the embedding projections, marked
/// as such: it describes no published model.
/// </summary>
public static class ModelConfigs
{
    /// <summary>openai-community/gpt2.</summary>
    public static string Gpt2Small => PublishedConfigs.Text("gpt2");

    /// <summary>meta-llama/Llama-2-7b-chat-hf.</summary>
    public static string Llama2_7B => PublishedConfigs.Text("llama-2-7b-chat");

    /// <summary>mistralai/Mistral-7B-v0.3.</summary>
    public static string Mistral7B => PublishedConfigs.Text("mistral-7b-v0.3");

    /// <summary>mistralai/Mixtral-8x7B-v0.1.</summary>
    public static string Mixtral8x7B => PublishedConfigs.Text("mixtral-8x7b");

    /// <summary>Qwen/Qwen2-0.5B.</summary>
    public static string Qwen2_05B => PublishedConfigs.Text("qwen2-0.5b");

    /// <summary>togethercomputer/RedPajama-INCITE-7B-Base, a GPT-NeoX model.</summary>
    public static string GptNeoX7B => PublishedConfigs.Text("redpajama-incite-7b-base");

    /// <summary>
    /// A synthetic OPT configuration (no published model): a 64-wide embedding projected to a
    /// width of 128, no final norm (do_layer_norm_before false), 2 layers.
    /// </summary>
    public const string SyntheticOpt = """
        {
          "model_type": "opt",
          "hidden_size": 128,
          "word_embed_proj_dim": 64,
          "num_hidden_layers": 2,
          "num_attention_heads": 4,
          "ffn_dim": 512,
          "vocab_size": 1000,
          "max_position_embeddings": 256,
          "do_layer_norm_before": false
        }
        """;
}

namespace ScalingFit.Architecture;

/// <summary>
/// How each family's config.json names its sizes, following the Hugging Face configuration classes
/// (GPT2Config, GPTNeoXConfig, OPTConfig, BloomConfig, LlamaConfig, MistralConfig, MixtralConfig,
/// Qwen2Config; Gemma, Gemma 2, Gemma 3, Qwen3, OLMo 2 read as Llama with their preset's norms).
/// Each reader takes the keys, the options (which win over keys) and the family preset.
/// </summary>
internal static class FamilyReaders
{
    public static ArchitectureSpec Gpt2(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p) => p with
    {
        ModelWidth = Width(k, o, "n_embd", "hidden_size"),
        LayerCount = Layers(k, o, "n_layer", "num_hidden_layers"),
        AttentionHeads = Heads(k, o, "n_head", "num_attention_heads"),
        FeedForwardWidth = k.Optional(o.FeedForwardWidth, "n_inner"),   // null means 4·n_embd
        VocabularySize = Vocabulary(k, o),
        // The learned position table has n_positions rows.
        ContextLength = k.Required(o.ContextLength, "the number of positions", "--n-ctx", "n_positions", "max_position_embeddings", "n_ctx"),
        TiedEmbeddings = k.Flag(o.TiedEmbeddings, "tie_word_embeddings", true, p.Family),
    };

    public static ArchitectureSpec GptNeoX(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p) => Common(k, o, p) with
    {
        FeedForwardWidth = FeedForward(k, o, "intermediate_size"),
        // attention_bias (default true) covers query_key_value and dense; the MLP always has biases.
        Bias = (k.Bool("attention_bias")?.Value ?? k.Assume("attention_bias", true, p.Family)) is false
            ? new(new BiasLayout(false, false, true), SettingOrigin.Key(k.Source, k.Name("attention_bias")))
            : p.Bias,
    };

    public static ArchitectureSpec Opt(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p)
    {
        var context = k.Required(o.ContextLength, "the number of positions", "--n-ctx", "max_position_embeddings");
        var layerNormBefore = k.Bool("do_layer_norm_before")?.Value ?? true;
        var removeFinal = k.Bool("_remove_final_layer_norm")?.Value ?? false;
        return Common(k, o, p) with
        {
            FeedForwardWidth = FeedForward(k, o, "ffn_dim"),
            ContextLength = context,
            // OPTLearnedPositionalEmbedding keeps 2 extra rows (its offset): 2050 for 2048 positions.
            PositionRows = new(context.Value + 2, context.Origin),
            EmbeddingWidth = k.Count("word_embed_proj_dim"),
            FinalNorm = new(layerNormBefore && !removeFinal, SettingOrigin.Key(k.Source, "do_layer_norm_before")),
            Bias = k.Bool("enable_bias") is { Value: false } off ? new(BiasLayout.None, off.Origin) : p.Bias,
            // OPTDecoderLayer and OPTDecoder: nn.LayerNorm(elementwise_affine=layer_norm_elementwise_affine); without it, no parameters.
            Norm = k.Bool("layer_norm_elementwise_affine") is { Value: false } plain ? new(NormKind.Parameterless, plain.Origin) : p.Norm,
        };
    }

    public static ArchitectureSpec Bloom(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p) => p with
    {
        ModelWidth = Width(k, o, "hidden_size", "n_embed"),
        LayerCount = Layers(k, o, "n_layer", "num_hidden_layers"),
        AttentionHeads = Heads(k, o, "n_head", "num_attention_heads"),
        FeedForwardWidth = o.FeedForwardWidth,   // BloomMLP is always 4·hidden_size
        VocabularySize = Vocabulary(k, o),
        ContextLength = k.Optional(o.ContextLength, "seq_length"),
        TiedEmbeddings = k.Flag(o.TiedEmbeddings, "tie_word_embeddings", true, p.Family),
    };

    public static ArchitectureSpec Llama(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p)
    {
        // attention_bias puts a bias on q, k, v and o; mlp_bias on gate, up and down (both default false).
        var attention = k.Bool("attention_bias");
        var mlp = k.Bool("mlp_bias");
        var spec = Mistral(k, o, p);
        if (attention is null && mlp is null) return spec;
        bool a = attention?.Value ?? false, m = mlp?.Value ?? false;
        return spec with { Bias = new(new BiasLayout(a, a, m), (attention ?? mlp)!.Origin) };
    }

    /// <summary>Mistral, Qwen2 and the common part of Llama and Mixtral: grouped-query attention, explicit head_dim.</summary>
    public static ArchitectureSpec Mistral(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p) => Common(k, o, p) with
    {
        FeedForwardWidth = FeedForward(k, o, "intermediate_size"),
        KeyValueHeads = k.Optional(o.KeyValueHeads, "num_key_value_heads"),
        HeadDimension = k.Optional(o.HeadDimension, "head_dim"),
    };

    public static ArchitectureSpec Mixtral(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p) => Mistral(k, o, p) with
    {
        Experts = k.Required(o.Experts, "the number of experts", "--experts", "num_local_experts"),
        ExpertsPerToken = k.Required(o.ExpertsPerToken, "the experts per token", "--experts-per-token", "num_experts_per_tok"),
    };

    /// <summary>A family described by hand: the usual Hugging Face key names, structure from the options.</summary>
    public static ArchitectureSpec Custom(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p) => Common(k, o, p) with
    {
        FeedForwardWidth = k.Optional(o.FeedForwardWidth, "intermediate_size", "ffn_dim", "n_inner"),
        KeyValueHeads = k.Optional(o.KeyValueHeads, "num_key_value_heads"),
        HeadDimension = k.Optional(o.HeadDimension, "head_dim"),
        Experts = k.Optional(o.Experts, "num_local_experts", "num_experts"),
        ExpertsPerToken = k.Optional(o.ExpertsPerToken, "num_experts_per_tok"),
        TiedEmbeddings = o.TiedEmbeddings ?? k.Bool("tie_word_embeddings"),
    };

    /// <summary>The keys most families share: hidden_size, num_hidden_layers, num_attention_heads, vocab_size, max_position_embeddings.</summary>
    internal static ArchitectureSpec Common(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p) => p with
    {
        ModelWidth = Width(k, o, "hidden_size"),
        LayerCount = Layers(k, o, "num_hidden_layers"),
        AttentionHeads = Heads(k, o, "num_attention_heads"),
        VocabularySize = Vocabulary(k, o),
        ContextLength = k.Optional(o.ContextLength, "max_position_embeddings"),
        TiedEmbeddings = p.TiedEmbeddings is { } tied ? k.Flag(o.TiedEmbeddings, "tie_word_embeddings", tied.Value, p.Family) : null,
    };

    internal static Setting<long> Width(ConfigKeys k, ArchitectureSpec o, params string[] keys) =>
        k.Required(o.ModelWidth, "the model width", "--d-model", keys);

    internal static Setting<long> Layers(ConfigKeys k, ArchitectureSpec o, params string[] keys) =>
        k.Required(o.LayerCount, "the number of layers", "--n-layer", keys);

    internal static Setting<long> Heads(ConfigKeys k, ArchitectureSpec o, params string[] keys) =>
        k.Required(o.AttentionHeads, "the number of attention heads", "--n-heads", keys);

    internal static Setting<long> FeedForward(ConfigKeys k, ArchitectureSpec o, string key) =>
        k.Required(o.FeedForwardWidth, "the MLP width", "--d-ff", key);

    internal static Setting<long> Vocabulary(ConfigKeys k, ArchitectureSpec o) =>
        k.Required(o.VocabularySize, "the vocabulary size", "--vocab", "vocab_size");
}

namespace ScalingFit.Architecture;

/// <summary>
/// The readers of GPTJConfig, GPTNeoConfig, Starcoder2Config, Phi3Config and FalconConfig (with
/// the keys of the original RefinedWeb and RefinedWebModel configurations).
/// </summary>
internal static class MoreFamilyReaders
{
    /// <summary>GPT-J: n_embd, n_layer, n_head, n_inner (null: 4·n_embd), n_positions; rotary_dim has no parameters.</summary>
    public static ArchitectureSpec GptJ(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p)
    {
        k.Consider("rotary_dim");
        return p with
        {
            ModelWidth = FamilyReaders.Width(k, o, "n_embd", "hidden_size"),
            LayerCount = FamilyReaders.Layers(k, o, "n_layer", "num_hidden_layers"),
            AttentionHeads = FamilyReaders.Heads(k, o, "n_head", "num_attention_heads"),
            FeedForwardWidth = k.Optional(o.FeedForwardWidth, "n_inner"),
            VocabularySize = FamilyReaders.Vocabulary(k, o),
            ContextLength = k.Optional(o.ContextLength, "n_positions", "max_position_embeddings"),
            TiedEmbeddings = k.Flag(o.TiedEmbeddings, "tie_word_embeddings", p.TiedEmbeddings!.Value, p.Family),
        };
    }

    /// <summary>GPT-Neo: hidden_size, num_layers, num_heads, intermediate_size (null: 4·hidden_size), a learned position table of max_position_embeddings rows.</summary>
    public static ArchitectureSpec GptNeo(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p) => p with
    {
        ModelWidth = FamilyReaders.Width(k, o, "hidden_size"),
        LayerCount = FamilyReaders.Layers(k, o, "num_layers", "num_hidden_layers"),
        AttentionHeads = FamilyReaders.Heads(k, o, "num_heads", "num_attention_heads"),
        FeedForwardWidth = k.Optional(o.FeedForwardWidth, "intermediate_size"),
        VocabularySize = FamilyReaders.Vocabulary(k, o),
        ContextLength = k.Required(o.ContextLength, "the number of positions", "--n-ctx", "max_position_embeddings"),
        TiedEmbeddings = k.Flag(o.TiedEmbeddings, "tie_word_embeddings", p.TiedEmbeddings!.Value, p.Family),
    };

    /// <summary>StarCoder2: grouped-query attention, a plain MLP, LayerNorms; use_bias (default true) puts biases on every linear layer.</summary>
    public static ArchitectureSpec Starcoder2(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p)
    {
        var spec = FamilyReaders.Mistral(k, o, p);
        return k.Bool("use_bias") is { } bias
            ? spec with { Bias = new(bias.Value ? BiasLayout.All : BiasLayout.None, bias.Origin) }
            : spec with { Bias = new(BiasLayout.All, SettingOrigin.Default(p.Family, k.Name("use_bias"))) };
    }

    /// <summary>Phi-3: fused qkv_proj and gate_up_proj of the Llama sizes, no biases (attention_bias and mlp_bias are not used).</summary>
    public static ArchitectureSpec Phi3(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p)
    {
        k.Consider("attention_bias", "mlp_bias");
        return FamilyReaders.Mistral(k, o, p);
    }

    /// <summary>
    /// Falcon (FalconConfig): hidden_size (n_embed), num_hidden_layers (n_layer), num_attention_heads
    /// (n_head), num_kv_heads (n_head_kv), ffn_hidden_size (default 4·hidden_size). The new decoder
    /// architecture (Falcon-40B, -180B; model_type RefinedWeb) has num_kv_heads key-value heads and
    /// two LayerNorms per layer (one when num_ln_in_parallel_attn is 1); the old one (Falcon-7B;
    /// RefinedWebModel) has one key-value head under multi_query, one LayerNorm with parallel_attn
    /// and two without. bias puts biases on every linear layer; alibi replaces rotary positions.
    /// </summary>
    public static ArchitectureSpec Falcon(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p)
    {
        // The original model_types say which architecture they are; under any other, an absent key takes
        // FalconConfig's default, stated in the output (a BLOOM read as falcon would otherwise lose its
        // key-value heads to multi_query silently).
        string? type = k.Text("model_type");
        string family = p.Family;
        var newArchitecture = k.Bool("new_decoder_architecture")?.Value ?? type switch
        {
            "RefinedWeb" => true,
            "RefinedWebModel" => false,
            _ => k.Assume("new_decoder_architecture", false, family),
        };
        var heads = FamilyReaders.Heads(k, o, "num_attention_heads", "n_head");
        var keyValueHeads = k.Optional(o.KeyValueHeads, "num_kv_heads", "n_head_kv") ?? heads;
        bool multiQuery = newArchitecture || (k.Bool("multi_query")?.Value ?? k.Assume("multi_query", true, family));
        bool twoNorms = newArchitecture && (k.Count("num_ln_in_parallel_attn")?.Value ?? 2) == 2;
        bool parallel = twoNorms || (k.Bool("parallel_attn")?.Value ?? k.Assume("parallel_attn", true, family));
        long norms = twoNorms ? 2 : parallel ? 1 : 2;
        var origin = SettingOrigin.Key(k.Source, k.Name(newArchitecture ? "new_decoder_architecture" : "parallel_attn"));
        var spec = p with
        {
            ModelWidth = FamilyReaders.Width(k, o, "hidden_size", "n_embed"),
            LayerCount = FamilyReaders.Layers(k, o, "num_hidden_layers", "n_layer"),
            AttentionHeads = heads,
            KeyValueHeads = newArchitecture || !multiQuery ? keyValueHeads : new(1, SettingOrigin.Key(k.Source, k.Name("multi_query"))),
            FeedForwardWidth = k.Optional(o.FeedForwardWidth, "ffn_hidden_size"),
            VocabularySize = FamilyReaders.Vocabulary(k, o),
            ContextLength = k.Optional(o.ContextLength, "max_position_embeddings"),
            NormsPerLayer = new(norms, origin),
            TiedEmbeddings = k.Flag(o.TiedEmbeddings, "tie_word_embeddings", p.TiedEmbeddings!.Value, p.Family),
        };
        if ((k.Bool("bias") ?? new(k.Assume("bias", false, family), SettingOrigin.Default(family, k.Name("bias")))) is { Value: true } bias)
            spec = spec with { Bias = new(BiasLayout.All, bias.Origin) };
        if (k.Bool("alibi") is { Value: true } alibi) spec = spec with { Positions = new(PositionKind.Alibi, alibi.Origin) };
        return spec;
    }
}

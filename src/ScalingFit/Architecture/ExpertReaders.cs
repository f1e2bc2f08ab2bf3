namespace ScalingFit.Architecture;

/// <summary>
/// The readers of the mixture-of-experts families that vary by layer (Qwen2MoeConfig,
/// Qwen3MoeConfig, DeepseekV2Config, DeepseekV3Config): which layers have experts, the experts'
/// width, the shared experts, and (DeepSeek) multi-head latent attention.
/// </summary>
internal static class ExpertReaders
{
    /// <summary>Qwen3-MoE: Qwen3 attention (q/k norms, no biases) and routed experts without shared ones.</summary>
    public static ArchitectureSpec Qwen3Moe(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p) =>
        QwenExperts(FamilyReaders.Llama(k, o, p), k, o, shared: false);

    /// <summary>Qwen2-MoE: Qwen2 attention (q, k, v biases), routed experts and a gated shared expert.</summary>
    public static ArchitectureSpec Qwen2Moe(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p) =>
        QwenExperts(FamilyReaders.Mistral(k, o, p), k, o, shared: true);

    /// <summary>
    /// DeepSeek-V2 and V3: latent attention (q_lora_rank, kv_lora_rank, qk_nope_head_dim,
    /// qk_rope_head_dim, v_head_dim), dense MLPs in the first first_k_dense_replace layers (and those
    /// off moe_layer_freq), routed experts and n_shared_experts shared ones of moe_intermediate_size;
    /// V3 adds a router bias and num_nextn_predict_layers multi-token prediction modules.
    /// </summary>
    public static ArchitectureSpec DeepSeek(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p)
    {
        var spec = FamilyReaders.Common(k, o, p) with { FeedForwardWidth = FamilyReaders.FeedForward(k, o, "intermediate_size") };
        // Every head has its own keys and values under latent attention: num_key_value_heads is not used.
        k.Consider("num_key_value_heads", "head_dim");
        var latent = new LatentAttention(
            k.Count("q_lora_rank")?.Value,
            Required(k, "kv_lora_rank", "the rank of the key-value compression"),
            Required(k, "qk_nope_head_dim", "the size of the query/key head part without rotary positions"),
            Required(k, "qk_rope_head_dim", "the size of the rotary part of a query/key head"),
            Required(k, "v_head_dim", "the size of a value head"));
        spec = spec with { Latent = new(latent, SettingOrigin.Key(k.Source, k.Name("kv_lora_rank"))) };
        if (k.Bool("attention_bias") is { Value: true } bias)
            spec = spec with { Bias = new(BiasLayout.Attention, bias.Origin) };
        if (p.PredictionLayers is not null)
            spec = spec with { PredictionLayers = k.Whole("num_nextn_predict_layers") ?? new(0, SettingOrigin.Default(p.Family)) };
        // n_routed_experts: null builds dense MLPs (DeepseekV2Model); absent, the configuration class would take its
        // own default, which is not the model's, so the key is required.
        if (o.Experts is null && k.IsNull("n_routed_experts")) return spec;
        var experts = o.Experts ?? k.Count("n_routed_experts") ?? throw k.Missing("the number of routed experts (null for dense MLPs)", "--experts", ["n_routed_experts"]);
        long width = (o.ExpertWidth ?? k.Count("moe_intermediate_size") ?? throw k.Missing("the width of one expert", null, ["moe_intermediate_size"])).Value;
        long shared = (k.Whole("n_shared_experts")?.Value ?? 0) * width;
        long firstDense = k.Whole("first_k_dense_replace")?.Value ?? 0, frequency = k.Count("moe_layer_freq")?.Value ?? 1;
        long layers = spec.LayerCount!.Value;
        // Layer i has experts when i ≥ first_k_dense_replace and i % moe_layer_freq == 0 (DeepseekV2DecoderLayer):
        // the multiples of the frequency in [first, L), counted without walking the layers.
        long first = Math.Min(firstDense, layers);
        long dense = layers - (CeilingDivide(layers, frequency) - CeilingDivide(first, frequency));
        return spec with
        {
            Experts = experts,
            ExpertsPerToken = k.Required(o.ExpertsPerToken, "the experts per token", "--experts-per-token", "num_experts_per_tok"),
            ExpertWidth = new(width, SettingOrigin.Key(k.Source, k.Name("moe_intermediate_size"))),
            SharedExpertWidth = new(shared, SettingOrigin.Key(k.Source, k.Name("n_shared_experts"))),
            DenseLayers = new(dense, SettingOrigin.Key(k.Source, k.Name("first_k_dense_replace"))),
        };
    }

    /// <summary>
    /// Qwen's expert layers: layer i has experts unless it is in mlp_only_layers or (i + 1) is not a
    /// multiple of decoder_sparse_step (Qwen2MoeDecoderLayer); experts of moe_intermediate_size, a
    /// router of num_experts, and for Qwen2-MoE a shared expert of shared_expert_intermediate_size
    /// with a d_model → 1 gate.
    /// </summary>
    private static ArchitectureSpec QwenExperts(ArchitectureSpec spec, ConfigKeys k, ArchitectureSpec o, bool shared)
    {
        // num_experts 0 (or null) builds dense MLPs; absent, the configuration class would take its own default
        // (60 for Qwen2-MoE, 128 for Qwen3-MoE), which need not be the model's, so the key is required.
        if (o.Experts is null && k.IsNull("num_experts")) return spec;
        var experts = o.Experts ?? k.Whole("num_experts") ?? throw k.Missing("the number of experts (0 for dense MLPs)", "--experts", ["num_experts"]);
        if (experts.Value <= 1) return spec;
        long step = k.Count("decoder_sparse_step")?.Value ?? 1;
        var mlpOnly = k.Numbers("mlp_only_layers")?.Value ?? [];
        long layers = spec.LayerCount!.Value;
        // Layers whose (i + 1) is a multiple of the step have experts, less those listed in mlp_only_layers.
        long sparse = layers / step - mlpOnly.Distinct().LongCount(i => i < layers && (i + 1) % step == 0);
        long dense = layers - sparse;
        var width = o.ExpertWidth ?? k.Count("moe_intermediate_size") ?? throw k.Missing("the width of one expert", null, ["moe_intermediate_size"]);
        spec = spec with
        {
            Experts = experts,
            ExpertsPerToken = k.Required(o.ExpertsPerToken, "the experts per token", "--experts-per-token", "num_experts_per_tok"),
            ExpertWidth = width,
            DenseLayers = new(dense, SettingOrigin.Key(k.Source, k.Name("decoder_sparse_step"))),
        };
        if (!shared || k.Whole("shared_expert_intermediate_size") is not { Value: > 0 } sharedWidth) return spec;
        return spec with { SharedExpertWidth = sharedWidth, SharedExpertGate = new(true, sharedWidth.Origin) };
    }

    private static long CeilingDivide(long a, long b) => a / b + (a % b > 0 ? 1 : 0);

    private static long Required(ConfigKeys k, string key, string what) =>
        (k.Count(key) ?? throw k.Missing(what, null, [key])).Value;
}

namespace ScalingFit.Architecture;

/// <summary>The known families, in the order help lists them, with their presets and readers.</summary>
internal static class FamilyCatalog
{
    public static FamilyRules[] All { get; } =
    [
        new("gpt2", "GPT-2", "learned positions, biases everywhere, LayerNorm", Preset("gpt2", gated: false, BiasLayout.All, NormKind.LayerNorm, PositionKind.Learned, tied: true), FamilyReaders.Gpt2),
        new("gpt_neox", "GPT-NeoX, Pythia", "rotary, biases (attention_bias), LayerNorm, untied", Preset("gpt_neox", gated: false, BiasLayout.All, NormKind.LayerNorm, PositionKind.Rotary, tied: false), FamilyReaders.GptNeoX),
        new("gpt_neo", "GPT-Neo", "learned positions, no Q/K/V biases, LayerNorm", Preset("gpt_neo", gated: false, new BiasLayout(false, true, true), NormKind.LayerNorm, PositionKind.Learned, tied: true), MoreFamilyReaders.GptNeo),
        new("gptj", "GPT-J", "parallel attention and MLP with one LayerNorm, MLP and head biases", Preset("gptj", gated: false, new BiasLayout(false, false, true), NormKind.LayerNorm, PositionKind.Rotary, tied: false) with
        {
            NormsPerLayer = new(1, SettingOrigin.Default("gptj")),
            OutputHeadBias = new(true, SettingOrigin.Default("gptj")),
        }, MoreFamilyReaders.GptJ),
        new("opt", "OPT", "learned positions with 2 extra rows, projections (word_embed_proj_dim)", Preset("opt", gated: false, BiasLayout.All, NormKind.LayerNorm, PositionKind.Learned, tied: true), FamilyReaders.Opt),
        new("bloom", "BLOOM", "ALiBi, an embedding LayerNorm, biases everywhere", Preset("bloom", gated: false, BiasLayout.All, NormKind.LayerNorm, PositionKind.Alibi, tied: true) with
        {
            EmbeddingNorm = new(true, SettingOrigin.Default("bloom")),
        }, FamilyReaders.Bloom),
        new("falcon", "Falcon (also RefinedWeb, RefinedWebModel)", "multi-query or grouped KV heads, one or two LayerNorms per layer, bias, ALiBi", Preset("falcon", gated: false, BiasLayout.None, NormKind.LayerNorm, PositionKind.Rotary, tied: true), MoreFamilyReaders.Falcon, "RefinedWeb", "RefinedWebModel"),
        new("llama", "Llama, Llama 2, Llama 3", "gated MLP, grouped-query attention, attention_bias, mlp_bias", Preset("llama", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: false), FamilyReaders.Llama),
        new("mistral", "Mistral", "gated MLP, grouped-query attention", Preset("mistral", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: false), FamilyReaders.Mistral),
        new("mixtral", "Mixtral, a mixture of experts", "num_local_experts experts of intermediate_size, router", Preset("mixtral", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: false), FamilyReaders.Mixtral),
        new("qwen2", "Qwen2, Qwen2.5", "Q, K, V biases", Preset("qwen2", gated: true, BiasLayout.QueryKeyValueOnly, NormKind.RmsNorm, PositionKind.Rotary, tied: false), FamilyReaders.Mistral),
        new("qwen2_moe", "Qwen1.5-MoE, Qwen2-MoE", "experts of moe_intermediate_size, a gated shared expert, decoder_sparse_step, mlp_only_layers", Preset("qwen2_moe", gated: true, BiasLayout.QueryKeyValueOnly, NormKind.RmsNorm, PositionKind.Rotary, tied: false), ExpertReaders.Qwen2Moe),
        new("qwen3", "Qwen3", "query and key norms per head", Preset("qwen3", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: false) with
        {
            QueryKeyNorm = new(QueryKeyNorm.PerHead, SettingOrigin.Default("qwen3")),
        }, FamilyReaders.Llama),
        new("qwen3_moe", "Qwen3-MoE", "query and key norms, experts of moe_intermediate_size, decoder_sparse_step, mlp_only_layers", Preset("qwen3_moe", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: false) with
        {
            QueryKeyNorm = new(QueryKeyNorm.PerHead, SettingOrigin.Default("qwen3_moe")),
        }, ExpertReaders.Qwen3Moe),
        new("gemma", "Gemma", "head_dim, output head tied by default", Preset("gemma", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: true), FamilyReaders.Llama),
        new("gemma2", "Gemma 2", "four norms per layer, tied head", Norms(Preset("gemma2", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: true), 4), FamilyReaders.Llama),
        new("gemma3_text", "Gemma 3 (text; gemma3 for the multimodal text_config)", "four norms per layer, query and key norms, tied head", Norms(Preset("gemma3_text", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: true), 4) with
        {
            QueryKeyNorm = new(QueryKeyNorm.PerHead, SettingOrigin.Default("gemma3_text")),
        }, FamilyReaders.Llama, "gemma3"),
        new("phi3", "Phi-3, Phi-3.5, Phi-4", "fused qkv_proj and gate_up_proj", Preset("phi3", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: false), MoreFamilyReaders.Phi3),
        new("starcoder2", "StarCoder2", "plain MLP, LayerNorm, use_bias, tied head", Preset("starcoder2", gated: false, BiasLayout.All, NormKind.LayerNorm, PositionKind.Rotary, tied: true), MoreFamilyReaders.Starcoder2),
        new("olmo", "OLMo", "LayerNorms without parameters", Preset("olmo", gated: true, BiasLayout.None, NormKind.Parameterless, PositionKind.Rotary, tied: false), FamilyReaders.Llama),
        new("olmo2", "OLMo 2", "norms after attention and MLP, query and key norms over all heads", Preset("olmo2", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: false) with
        {
            QueryKeyNorm = new(QueryKeyNorm.FullWidth, SettingOrigin.Default("olmo2")),
        }, FamilyReaders.Llama),
        new("deepseek_v2", "DeepSeek-V2", "latent attention, routed and shared experts, first_k_dense_replace", Preset("deepseek_v2", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: false), ExpertReaders.DeepSeek),
        new("deepseek_v3", "DeepSeek-V3, DeepSeek-R1", "latent attention, routed and shared experts, router bias, multi-token prediction apart", Preset("deepseek_v3", gated: true, BiasLayout.None, NormKind.RmsNorm, PositionKind.Rotary, tied: false) with
        {
            RouterBias = new(true, SettingOrigin.Default("deepseek_v3")),
            PredictionLayers = new(0, SettingOrigin.Default("deepseek_v3")),
        }, ExpertReaders.DeepSeek),
        new("mamba", "Mamba", "state-space mixers, one RMSNorm per layer, tied head", Preset("mamba", gated: false, BiasLayout.None, NormKind.RmsNorm, PositionKind.None, tied: true), StateSpaceReaders.Mamba),
        new("mamba2", "Mamba-2, Codestral Mamba", "state-space mixers with heads and groups, gated norms", Preset("mamba2", gated: false, BiasLayout.None, NormKind.RmsNorm, PositionKind.None, tied: false), StateSpaceReaders.Mamba2),
    ];

    private static ArchitectureSpec Norms(ArchitectureSpec preset, long perLayer) =>
        preset with { NormsPerLayer = new(perLayer, SettingOrigin.Default(preset.Family)) };

    private static ArchitectureSpec Preset(string family, bool gated, BiasLayout bias, NormKind norm, PositionKind positions, bool tied)
    {
        var origin = SettingOrigin.Default(family);
        return new ArchitectureSpec
        {
            Family = family,
            GatedMlp = new(gated, origin),
            Bias = new(bias, origin),
            Norm = new(norm, origin),
            Positions = new(positions, origin),
            TiedEmbeddings = new(tied, origin),
        };
    }
}

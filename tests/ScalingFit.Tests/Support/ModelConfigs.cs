namespace ScalingFit.Tests.Support;

/// <summary>
/// The config.json files of public checkpoints, written from the values their Hugging Face
/// repositories publish (the repository is named above each; keys that do not affect parameter
/// counts may be trimmed). Their published parameter counts are the truths the tests match.
/// </summary>
public static class ModelConfigs
{
    /// <summary>openai-community/gpt2</summary>
    public const string Gpt2Small = """
        {
          "activation_function": "gelu_new",
          "architectures": ["GPT2LMHeadModel"],
          "attn_pdrop": 0.1,
          "bos_token_id": 50256,
          "embd_pdrop": 0.1,
          "eos_token_id": 50256,
          "initializer_range": 0.02,
          "layer_norm_epsilon": 1e-05,
          "model_type": "gpt2",
          "n_ctx": 1024,
          "n_embd": 768,
          "n_head": 12,
          "n_layer": 12,
          "n_positions": 1024,
          "resid_pdrop": 0.1,
          "summary_activation": null,
          "summary_first_dropout": 0.1,
          "summary_proj_to_labels": true,
          "summary_type": "cls_index",
          "summary_use_proj": true,
          "task_specific_params": {"text-generation": {"do_sample": true, "max_length": 50}},
          "vocab_size": 50257
        }
        """;

    /// <summary>EleutherAI/pythia-70m</summary>
    public const string Pythia70M = """
        {
          "architectures": ["GPTNeoXForCausalLM"],
          "bos_token_id": 0,
          "eos_token_id": 0,
          "hidden_act": "gelu",
          "hidden_size": 512,
          "initializer_range": 0.02,
          "intermediate_size": 2048,
          "layer_norm_eps": 1e-05,
          "max_position_embeddings": 2048,
          "model_type": "gpt_neox",
          "num_attention_heads": 8,
          "num_hidden_layers": 6,
          "rotary_emb_base": 10000,
          "rotary_pct": 0.25,
          "tie_word_embeddings": false,
          "torch_dtype": "float16",
          "transformers_version": "4.24.0",
          "use_cache": true,
          "use_parallel_residual": true,
          "vocab_size": 50304
        }
        """;

    /// <summary>meta-llama/Llama-2-7b-hf</summary>
    public const string Llama2_7B = """
        {
          "architectures": ["LlamaForCausalLM"],
          "bos_token_id": 1,
          "eos_token_id": 2,
          "hidden_act": "silu",
          "hidden_size": 4096,
          "initializer_range": 0.02,
          "intermediate_size": 11008,
          "max_position_embeddings": 4096,
          "model_type": "llama",
          "num_attention_heads": 32,
          "num_hidden_layers": 32,
          "num_key_value_heads": 32,
          "pretraining_tp": 1,
          "rms_norm_eps": 1e-05,
          "rope_scaling": null,
          "tie_word_embeddings": false,
          "torch_dtype": "float16",
          "transformers_version": "4.31.0.dev0",
          "use_cache": true,
          "vocab_size": 32000
        }
        """;

    /// <summary>mistralai/Mistral-7B-v0.1</summary>
    public const string Mistral7B = """
        {
          "architectures": ["MistralForCausalLM"],
          "bos_token_id": 1,
          "eos_token_id": 2,
          "hidden_act": "silu",
          "hidden_size": 4096,
          "initializer_range": 0.02,
          "intermediate_size": 14336,
          "max_position_embeddings": 32768,
          "model_type": "mistral",
          "num_attention_heads": 32,
          "num_hidden_layers": 32,
          "num_key_value_heads": 8,
          "rms_norm_eps": 1e-05,
          "rope_theta": 10000.0,
          "sliding_window": 4096,
          "tie_word_embeddings": false,
          "torch_dtype": "bfloat16",
          "transformers_version": "4.34.0.dev0",
          "use_cache": true,
          "vocab_size": 32000
        }
        """;

    /// <summary>mistralai/Mixtral-8x7B-v0.1</summary>
    public const string Mixtral8x7B = """
        {
          "architectures": ["MixtralForCausalLM"],
          "attention_dropout": 0.0,
          "bos_token_id": 1,
          "eos_token_id": 2,
          "hidden_act": "silu",
          "hidden_size": 4096,
          "initializer_range": 0.02,
          "intermediate_size": 14336,
          "max_position_embeddings": 32768,
          "model_type": "mixtral",
          "num_attention_heads": 32,
          "num_experts_per_tok": 2,
          "num_hidden_layers": 32,
          "num_key_value_heads": 8,
          "num_local_experts": 8,
          "output_router_logits": false,
          "rms_norm_eps": 1e-05,
          "rope_theta": 1000000.0,
          "router_aux_loss_coef": 0.02,
          "sliding_window": null,
          "tie_word_embeddings": false,
          "torch_dtype": "bfloat16",
          "transformers_version": "4.36.0.dev0",
          "use_cache": true,
          "vocab_size": 32000
        }
        """;

    /// <summary>Qwen/Qwen2-0.5B</summary>
    public const string Qwen2_05B = """
        {
          "architectures": ["Qwen2ForCausalLM"],
          "attention_dropout": 0.0,
          "bos_token_id": 151643,
          "eos_token_id": 151643,
          "hidden_act": "silu",
          "hidden_size": 896,
          "initializer_range": 0.02,
          "intermediate_size": 4864,
          "max_position_embeddings": 131072,
          "max_window_layers": 24,
          "model_type": "qwen2",
          "num_attention_heads": 14,
          "num_hidden_layers": 24,
          "num_key_value_heads": 2,
          "rms_norm_eps": 1e-06,
          "rope_theta": 1000000.0,
          "sliding_window": 131072,
          "tie_word_embeddings": true,
          "torch_dtype": "bfloat16",
          "transformers_version": "4.40.1",
          "use_cache": true,
          "use_sliding_window": false,
          "vocab_size": 151936
        }
        """;

    /// <summary>facebook/opt-125m</summary>
    public const string Opt125M = """
        {
          "_name_or_path": "facebook/opt-125m",
          "_remove_final_layer_norm": false,
          "activation_dropout": 0.0,
          "activation_function": "relu",
          "architectures": ["OPTForCausalLM"],
          "attention_dropout": 0.0,
          "bos_token_id": 2,
          "do_layer_norm_before": true,
          "dropout": 0.1,
          "eos_token_id": 2,
          "ffn_dim": 3072,
          "hidden_size": 768,
          "init_std": 0.02,
          "layerdrop": 0.0,
          "max_position_embeddings": 2048,
          "model_type": "opt",
          "num_attention_heads": 12,
          "num_hidden_layers": 12,
          "pad_token_id": 1,
          "prefix": "</s>",
          "torch_dtype": "float16",
          "transformers_version": "4.21.0.dev0",
          "use_cache": true,
          "vocab_size": 50272,
          "word_embed_proj_dim": 768
        }
        """;

    /// <summary>bigscience/bloom-560m</summary>
    public const string Bloom560M = """
        {
          "apply_residual_connection_post_layernorm": false,
          "architectures": ["BloomForCausalLM"],
          "attention_dropout": 0.0,
          "attention_softmax_in_fp32": true,
          "bias_dropout_fusion": true,
          "bos_token_id": 1,
          "eos_token_id": 2,
          "hidden_dropout": 0.0,
          "hidden_size": 1024,
          "initializer_range": 0.02,
          "layer_norm_epsilon": 1e-05,
          "masked_softmax_fusion": true,
          "model_type": "bloom",
          "n_head": 16,
          "n_inner": null,
          "n_layer": 24,
          "offset_alibi": 100,
          "pad_token_id": 3,
          "pretraining_tp": 1,
          "skip_bias_add": true,
          "skip_bias_add_qkv": false,
          "slow_but_exact": false,
          "unk_token_id": 0,
          "use_cache": true,
          "vocab_size": 250880
        }
        """;

    /// <summary>facebook/opt-350m: a 512-wide embedding projected to 1024, and post-layer norms (no final norm).</summary>
    public const string Opt350M = """
        {
          "_remove_final_layer_norm": false,
          "activation_function": "relu",
          "architectures": ["OPTForCausalLM"],
          "do_layer_norm_before": false,
          "ffn_dim": 4096,
          "hidden_size": 1024,
          "max_position_embeddings": 2048,
          "model_type": "opt",
          "num_attention_heads": 16,
          "num_hidden_layers": 24,
          "vocab_size": 50272,
          "word_embed_proj_dim": 512
        }
        """;
}

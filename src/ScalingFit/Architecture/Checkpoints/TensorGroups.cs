using System.Text.RegularExpressions;

namespace ScalingFit.Architecture;

/// <summary>
/// Sorts a checkpoint's tensors into the groups a parameter count has, by the names the
/// transformers implementations give them: norms (any part naming a norm or ln_*), quantization
/// scales, the output head (lm_head, embed_out), embeddings, MLP and experts, attention,
/// state-space mixers, and the rest.
/// </summary>
public static partial class TensorGroups
{
    /// <summary>The groups, with stable names for JSON and labels for people, in report order.</summary>
    public static IReadOnlyList<(string Name, string Label)> All { get; } =
    [
        ("embeddings", "embeddings"), ("attention", "attention"), ("mlp", "MLP and experts"), ("mixer", "state-space mixers"),
        ("norms", "norms"), ("head", "output head"), ("predictionModules", "prediction modules"),
        ("quantizationScales", "quantization scales"), ("buffers", "buffers (masks, rotary frequencies)"), ("other", "other"),
    ];

    /// <summary>Whether a group holds parameters of the model; quantization scales and buffers do not, and are left out of totals.</summary>
    public static bool HoldsParameters(string group) => group is not ("quantizationScales" or "buffers");

    private static readonly HashSet<string> Mlp = new(StringComparer.Ordinal)
    {
        "mlp", "experts", "shared_experts", "shared_expert", "shared_expert_gate", "block_sparse_moe", "feed_forward", "ffn", "moe",
        "c_fc", "fc_in", "fc_out", "fc1", "fc2", "dense_h_to_4h", "dense_4h_to_h", "gate_proj", "up_proj", "down_proj", "gate_up_proj", "w1", "w2", "w3",
    };

    private static readonly HashSet<string> Embeddings = new(StringComparer.Ordinal)
    {
        "wte", "wpe", "word_embeddings", "embed_positions", "embed_in", "project_in", "project_out", "tok_embeddings",
    };

    /// <summary>The group of a tensor; tensors of layers at or past <paramref name="mainLayers"/> are prediction modules.</summary>
    public static string Of(string name, long? mainLayers = null)
    {
        if (mainLayers is { } layers && LayerIndex().Match(name) is { Success: true } m && long.TryParse(m.Groups[1].Value, out long i) && i >= layers)
            return "predictionModules";
        var parts = name.Split('.');
        string last = parts[^1];
        if (last.EndsWith("_scale_inv", StringComparison.Ordinal) || last is "weight_scale" or "scales" or "qzeros" or "g_idx" or "input_scale")
            return "quantizationScales";
        // Buffers some checkpoints save beside the weights: GPT-2's and GPT-NeoX's causal masks (attn.bias,
        // attention.bias: an attention module holds no bias of its own, its projections do), masked_bias, and
        // rotary inverse frequencies.
        if (last is "masked_bias" or "inv_freq" ||
            last == "bias" && parts.Length > 1 && parts[^2] is "attn" or "attention" or "self_attn" or "self_attention")
            return "buffers";
        if (parts.Any(p => p.Contains("norm", StringComparison.Ordinal) || p.StartsWith("ln_", StringComparison.Ordinal) || p == "ln"))
            return "norms";
        if (parts.Any(p => p is "lm_head" or "embed_out") || name is "output.weight" or "output.bias")
            return "head";
        if (parts.Any(p => p.Contains("embed", StringComparison.Ordinal) || Embeddings.Contains(p)))
            return "embeddings";
        if (parts.Any(Mlp.Contains))
            return "mlp";
        if (parts.Any(p => p.Contains("attn", StringComparison.Ordinal) || p.Contains("attention", StringComparison.Ordinal) ||
                           p is "q_proj" or "k_proj" or "v_proj" or "o_proj" or "query_key_value" or "qkv_proj"))
            return "attention";
        if (parts.Any(p => p == "mixer"))
            return "mixer";
        return "other";
    }

    [GeneratedRegex(@"(?:^|\.)(?:layers|h|blocks|layer)\.(\d+)\.")]
    private static partial Regex LayerIndex();
}

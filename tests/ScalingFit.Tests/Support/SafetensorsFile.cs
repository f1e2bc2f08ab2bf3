using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace ScalingFit.Tests.Support;

/// <summary>
/// Writes .safetensors files as the format specifies: 8 bytes of little-endian header length, the
/// JSON header (dtype, shape and data_offsets of each tensor), then the data (zeros here).
/// </summary>
public static class SafetensorsFile
{
    private static readonly Dictionary<string, int> Bytes = new() { ["F32"] = 4, ["BF16"] = 2, ["F16"] = 2, ["I64"] = 8, ["U8"] = 1, ["F8_E4M3"] = 1 };

    /// <summary>A synthetic Llama config.json (no published model) whose tensors are <c>Llama(64, 2, 4, 2, 128, 100, tied: false)</c>.</summary>
    public const string LlamaConfig = """
        {"model_type": "llama", "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2,
         "intermediate_size": 128, "vocab_size": 100, "max_position_embeddings": 256, "tie_word_embeddings": false}
        """;

    /// <summary>Writes the tensors with zero data; returns the path.</summary>
    public static string Write(string path, IEnumerable<(string Name, string DataType, long[] Shape)> tensors)
    {
        var header = new Dictionary<string, object> { ["__metadata__"] = new Dictionary<string, string> { ["format"] = "pt" } };
        long offset = 0;
        foreach (var (name, type, shape) in tensors)
        {
            long size = shape.Aggregate(1L, (a, b) => a * b) * Bytes[type];
            header[name] = new Dictionary<string, object> { ["dtype"] = type, ["shape"] = shape, ["data_offsets"] = new[] { offset, offset + size } };
            offset += size;
        }
        return WriteRaw(path, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header)), offset);
    }

    /// <summary>Writes a header given as bytes, followed by <paramref name="dataLength"/> zero bytes; returns the path.</summary>
    public static string WriteRaw(string path, byte[] header, long dataLength, ulong? declaredLength = null)
    {
        using var stream = File.Create(path);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, declaredLength ?? (ulong)header.Length);
        stream.Write(length);
        stream.Write(header);
        stream.SetLength(stream.Length + dataLength);
        return path;
    }

    /// <summary>
    /// The tensors of LlamaForCausalLM for a small shape, named and shaped as transformers saves them
    /// ([out, in] for Linear weights): embed_tokens, per layer q/k/v/o_proj, gate/up/down_proj and two
    /// RMSNorm weights, the final norm and (untied) lm_head.
    /// </summary>
    public static List<(string Name, string DataType, long[] Shape)> Llama(long d, long layers, long heads, long kvHeads, long ff, long vocab, bool tied)
    {
        long head = d / heads, kv = kvHeads * head;
        var tensors = new List<(string, string, long[])> { ("model.embed_tokens.weight", "BF16", [vocab, d]) };
        for (int i = 0; i < layers; i++)
        {
            string p = $"model.layers.{i}.";
            tensors.Add((p + "self_attn.q_proj.weight", "BF16", [d, d]));
            tensors.Add((p + "self_attn.k_proj.weight", "BF16", [kv, d]));
            tensors.Add((p + "self_attn.v_proj.weight", "BF16", [kv, d]));
            tensors.Add((p + "self_attn.o_proj.weight", "BF16", [d, d]));
            tensors.Add((p + "mlp.gate_proj.weight", "BF16", [ff, d]));
            tensors.Add((p + "mlp.up_proj.weight", "BF16", [ff, d]));
            tensors.Add((p + "mlp.down_proj.weight", "BF16", [d, ff]));
            tensors.Add((p + "input_layernorm.weight", "BF16", [d]));
            tensors.Add((p + "post_attention_layernorm.weight", "BF16", [d]));
        }
        tensors.Add(("model.norm.weight", "BF16", [d]));
        if (!tied) tensors.Add(("lm_head.weight", "BF16", [vocab, d]));
        return tensors;
    }
}

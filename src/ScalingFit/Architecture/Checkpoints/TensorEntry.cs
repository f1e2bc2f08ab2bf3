namespace ScalingFit.Architecture;

/// <summary>One tensor of a checkpoint as its safetensors header describes it.</summary>
/// <param name="Name">The tensor's name, e.g. model.layers.0.self_attn.q_proj.weight.</param>
/// <param name="DataType">The safetensors dtype, e.g. BF16.</param>
/// <param name="Shape">Its dimensions.</param>
/// <param name="Elements">The product of the dimensions: its parameters.</param>
/// <param name="Bytes">The bytes its data takes.</param>
/// <param name="File">The file holding it.</param>
public sealed record TensorEntry(string Name, string DataType, IReadOnlyList<long> Shape, long Elements, long Bytes, string File);

/// <summary>The element sizes of the safetensors dtypes (the format's specification).</summary>
public static class SafetensorsTypes
{
    private static readonly Dictionary<string, int> Bits = new(StringComparer.Ordinal)
    {
        ["BOOL"] = 8, ["U8"] = 8, ["I8"] = 8, ["F8_E5M2"] = 8, ["F8_E4M3"] = 8, ["F8_E8M0"] = 8,
        ["F4"] = 4, ["F6_E2M3"] = 6, ["F6_E3M2"] = 6,
        ["I16"] = 16, ["U16"] = 16, ["F16"] = 16, ["BF16"] = 16,
        ["I32"] = 32, ["U32"] = 32, ["F32"] = 32,
        ["I64"] = 64, ["U64"] = 64, ["F64"] = 64, ["C64"] = 64,
    };

    /// <summary>The dtypes the format defines.</summary>
    public static IReadOnlyCollection<string> Names => Bits.Keys;

    /// <summary>The bits of one element, or null for a dtype the format does not define.</summary>
    public static int? BitsOf(string dataType) => Bits.TryGetValue(dataType, out int bits) ? bits : null;
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScalingFit.Reporting.Json;

/// <summary>
/// Every floating-point number of the JSON output: written in the shortest form that reads back to
/// the same double (round-trip), or as null when it is NaN or infinite, which JSON cannot hold.
/// Reads null back as NaN.
/// </summary>
internal sealed class FiniteNumberConverter : JsonConverter<double>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => WriteValue(writer, value);

    /// <summary>The number, or null when it is not finite.</summary>
    public static void WriteValue(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}

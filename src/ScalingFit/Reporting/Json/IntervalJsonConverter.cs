using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScalingFit.Reporting.Json;

/// <summary>
/// Writes an <see cref="IntervalJson"/> as the pair [lower, upper], each bound as <see cref="FiniteNumberConverter"/>
/// writes a number (null when not finite), and reads such a pair back (null as NaN).
/// </summary>
internal sealed class IntervalJsonConverter : JsonConverter<IntervalJson>
{
    /// <inheritdoc/>
    public override IntervalJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("an interval is an array [lower, upper]");
        double lower = Bound(ref reader), upper = Bound(ref reader);
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray) throw new JsonException("an interval has two bounds");
        return new IntervalJson(lower, upper);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IntervalJson value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        FiniteNumberConverter.WriteValue(writer, value.Lower);
        FiniteNumberConverter.WriteValue(writer, value.Upper);
        writer.WriteEndArray();
    }

    private static double Bound(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new JsonException("an interval has two bounds");
        return reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();
    }
}

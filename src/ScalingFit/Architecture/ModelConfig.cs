using System.Text.Json;

namespace ScalingFit.Architecture;

/// <summary>
/// Reads a Hugging Face style config.json into an <see cref="ArchitectureSpec"/>: the family comes
/// from model_type (or is given), the sizes from the family's keys, and options override both.
/// </summary>
public static class ModelConfig
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads a configuration from a stream of UTF-8 JSON.</summary>
    /// <param name="json">The config.json content.</param>
    /// <param name="source">The name used for the input in messages, e.g. the file's path.</param>
    /// <param name="family">A family whose rules to use instead of the file's model_type; null to use model_type.</param>
    /// <param name="overrides">Values given by options, which win over the file's; with an unknown model_type, any
    /// structure among them (norm, positions, bias, tied, …) describes the architecture by hand.</param>
    /// <exception cref="ArchitectureException">The JSON is malformed, a key is missing or bad, or the model_type is not known.</exception>
    /// <exception cref="OptionException">The family is not known, or the options are bad or leave something out.</exception>
    public static ArchitectureSpec Read(Stream json, string source, string? family = null, ArchitectureSpec? overrides = null)
    {
        using var document = Parse(json, source);
        return Read(document.RootElement, source, family, overrides ?? new ArchitectureSpec());
    }

    /// <summary>Reads a configuration from a string holding JSON.</summary>
    /// <inheritdoc cref="Read(Stream, string, string?, ArchitectureSpec?)"/>
    public static ArchitectureSpec Parse(string json, string source = "config.json", string? family = null, ArchitectureSpec? overrides = null) =>
        Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), source, family, overrides);

    private static ArchitectureSpec Read(JsonElement root, string source, string? family, ArchitectureSpec overrides)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new ArchitectureException($"expected a JSON object of configuration keys, got a {root.ValueKind.ToString().ToLowerInvariant()}.", source);
        var keys = new ConfigKeys(root, source);
        string? modelType = keys.Text("model_type");
        var rules = family is not null
            ? ModelFamilies.Get(family)
            : modelType is not null && ModelFamilies.IsKnown(modelType)
                ? ModelFamilies.Get(modelType)
                : overrides.DescribesStructure
                    ? ModelFamilies.Get(ModelFamilies.Custom)
                    : throw UnknownFamily(modelType, source);
        return rules.Read(keys, overrides, rules.Preset).Overlay(overrides) with { Family = rules.Name, ModelType = modelType };
    }

    private static ArchitectureException UnknownFamily(string? modelType, string source)
    {
        string what = modelType is null ? "missing, so the model family is not known" : $"'{modelType}' is not a model family ScalingFit knows";
        return new ArchitectureException(
            $"{what}. The known families are {ModelFamilies.KnownList}. Read the file with a known family's rules " +
            "(--family llama), or describe the architecture by hand with --norm, --positions, --bias, --tied or --untied, " +
            "and as needed --gated-mlp, --kv-heads, --head-dim, --experts, --experts-per-token.",
            source, "model_type");
    }

    private static JsonDocument Parse(Stream json, string source)
    {
        try
        {
            return JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException e)
        {
            // JsonException counts lines and positions from 0; people count from 1.
            string message = e.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut].TrimEnd(' ', '|');
            throw new ArchitectureException($"the file is not valid JSON: {message}", source,
                line: e.LineNumber + 1, position: e.BytePositionInLine + 1);
        }
    }
}

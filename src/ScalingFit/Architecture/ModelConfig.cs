using System.Text.Json;

namespace ScalingFit.Architecture;

/// <summary>
/// Reads a Hugging Face style config.json into an <see cref="ArchitectureSpec"/>: the family comes
/// from model_type (or is given), the sizes from the family's keys, and options override both. A
/// configuration that nests its language model in text_config (Gemma 3, LLaVA, Mistral 3) is read
/// for that language model.
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
    /// <exception cref="ArchitectureException">The JSON is malformed, a key is missing or bad, the model_type is not known,
    /// or the given family's rules would leave a key that changes the count unread.</exception>
    /// <exception cref="OptionException">The family is not known, or the options are bad or leave something out.</exception>
    public static ArchitectureSpec Read(Stream json, string source, string? family = null, ArchitectureSpec? overrides = null) =>
        ReadConfiguration(json, source, family, overrides ?? new ArchitectureSpec()).Spec;

    /// <summary>Reads a configuration from a string holding JSON.</summary>
    /// <inheritdoc cref="Read(Stream, string, string?, ArchitectureSpec?)"/>
    public static ArchitectureSpec Parse(string json, string source = "config.json", string? family = null, ArchitectureSpec? overrides = null) =>
        Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), source, family, overrides);

    /// <summary>The description read, and for a nested configuration the section counted and what it leaves out.</summary>
    internal static ConfigurationRead ReadConfiguration(Stream json, string source, string? family, ArchitectureSpec overrides)
    {
        try
        {
            return ReadChecked(json, source, family, overrides);
        }
        catch (Exception e) when (e is OverflowException or CountOverflowException)
        {
            throw new ArchitectureException("the sizes it gives are too large to count: their products do not fit in a 64-bit integer.", source);
        }
    }

    private static ConfigurationRead ReadChecked(Stream json, string source, string? family, ArchitectureSpec overrides)
    {
        using var document = Parse(json, source);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new ArchitectureException($"expected a JSON object of configuration keys, got a {root.ValueKind.ToString().ToLowerInvariant()}.", source);
        var nested = NestedSection.Find(root, source);
        var keys = nested is null ? new ConfigKeys(root, source) : new ConfigKeys(nested.Value.Section, source, "text_config.", root);
        string? modelType = keys.Text("model_type") ?? (nested is null ? null : new ConfigKeys(root, source).Text("model_type"));
        var rules = family is not null
            ? ModelFamilies.Get(family)
            : modelType is not null && ModelFamilies.IsKnown(modelType)
                ? ModelFamilies.Get(modelType)
                : overrides.DescribesStructure
                    ? ModelFamilies.Get(ModelFamilies.Custom)
                    : throw UnknownFamily(modelType, source, nested is not null && !keys.Has("model_type"));
        var spec = rules.Read(keys.For(rules.Name), overrides, rules.Preset).Overlay(overrides) with { Family = rules.Name, ModelType = modelType };
        if (family is not null) FamilyCheck.Borrowed(keys, rules, modelType, overrides, spec);
        return new ConfigurationRead(spec, nested is null ? null : "text_config", nested?.LeftOut ?? [], keys.DefaultsTaken);
    }

    private static ArchitectureException UnknownFamily(string? modelType, string source, bool nestedWithoutType)
    {
        string what = nestedWithoutType
            ? modelType is null
                ? "text_config has no model_type and neither has the configuration, so the language model's family is not known"
                : $"text_config has no model_type, and the configuration's model_type '{modelType}' is not a family ScalingFit knows"
            : modelType is null ? "missing, so the model family is not known" : $"'{modelType}' is not a model family ScalingFit knows";
        string key = nestedWithoutType ? "text_config.model_type" : "model_type";
        return new ArchitectureException(
            $"{what}. The known families are {ModelFamilies.KnownList}. Read the file with a known family's rules " +
            "(--family llama), describe the architecture by hand with --norm, --positions, --bias, --tied or --untied, " +
            "and as needed --gated-mlp, --kv-heads, --head-dim, --experts, --experts-per-token, " +
            "or count a checkpoint's tensors with --safetensors.",
            source, key);
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

/// <summary>What reading a configuration gave.</summary>
internal sealed record ConfigurationRead(ArchitectureSpec Spec, string? Section, IReadOnlyList<string> LeftOut, IReadOnlyList<TakenDefault> Assumed);

/// <summary>A language model nested in text_config, and the other parts of the configuration the count leaves out.</summary>
internal static class NestedSection
{
    public static (JsonElement Section, IReadOnlyList<string> LeftOut)? Find(JsonElement root, string source)
    {
        if (!root.TryGetProperty("text_config", out var text) || text.ValueKind == JsonValueKind.Null) return null;
        if (text.ValueKind != JsonValueKind.Object)
            throw new ArchitectureException($"must be an object of the language model's keys, got {text.GetRawText()}.", source, "text_config");
        var leftOut = new List<string>();
        foreach (var part in root.EnumerateObject())
        {
            if (part.Name == "text_config" || part.Value.ValueKind != JsonValueKind.Object) continue;
            if (!part.Name.EndsWith("_config", StringComparison.Ordinal) || part.Name is "quantization_config" or "rope_scaling") continue;
            string type = part.Value.TryGetProperty("model_type", out var t) && t.ValueKind == JsonValueKind.String ? $" ({t.GetString()})" : "";
            leftOut.Add($"{part.Name}{type}");
        }
        if (leftOut.Count > 0) leftOut.Add("the projector between them and the language model");
        return (text, leftOut);
    }
}

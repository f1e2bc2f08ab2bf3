using System.Text.Json;

namespace ScalingFit.Architecture;

/// <summary>
/// The keys of a parsed config.json, read as settings tagged with their key: sizes must be positive
/// integers, flags true or false; a missing required key is named in the error.
/// </summary>
internal sealed class ConfigKeys(JsonElement root, string source)
{
    public string Source => source;

    /// <summary>The first of <paramref name="keys"/> present and not null, as a positive integer; null when none is.</summary>
    public Setting<long>? Count(params string[] keys)
    {
        foreach (var key in keys)
        {
            if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) continue;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) && n > 0)
                return new Setting<long>(n, SettingOrigin.Key(source, key));
            throw new ArchitectureException($"must be a positive integer, got {value.GetRawText()}.", source, key);
        }
        return null;
    }

    /// <summary>The value given by an option, else the first key present; error when neither.</summary>
    public Setting<long> Required(Setting<long>? given, string what, string option, params string[] keys) =>
        given ?? Count(keys) ?? throw Missing(what, option, keys);

    /// <summary>The value given by an option, else the first key present, else null.</summary>
    public Setting<long>? Optional(Setting<long>? given, params string[] keys) => given ?? Count(keys);

    /// <summary>A true/false key, or null when absent or null.</summary>
    public Setting<bool>? Bool(string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => new Setting<bool>(true, SettingOrigin.Key(source, key)),
            JsonValueKind.False => new Setting<bool>(false, SettingOrigin.Key(source, key)),
            _ => throw new ArchitectureException($"must be true or false, got {value.GetRawText()}.", source, key),
        };
    }

    /// <summary>The option's value, else the key's, else the family default.</summary>
    public Setting<bool> Flag(Setting<bool>? given, string key, bool fallback, string family) =>
        given ?? Bool(key) ?? new Setting<bool>(fallback, SettingOrigin.Default(family));

    /// <summary>A string key, or null when absent or null.</summary>
    public string? Text(string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ArchitectureException($"must be a string, got {value.GetRawText()}.", source, key);
    }

    private ArchitectureException Missing(string what, string option, string[] keys)
    {
        string also = keys.Length > 1 ? $", also read from {string.Join(" or ", keys.Skip(1).Select(k => $"'{k}'"))}" : "";
        return new ArchitectureException($"missing: it gives {what}{also}; add it to the file or give {option}.", source, keys[0]);
    }
}

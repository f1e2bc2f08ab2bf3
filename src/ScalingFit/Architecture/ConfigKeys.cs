using System.Text.Json;

namespace ScalingFit.Architecture;

/// <summary>
/// The keys of a parsed config.json (or of its nested text_config), read as settings tagged with
/// their key: sizes must be positive integers, flags true or false; a missing required key is
/// named in the error. Every key asked for is remembered, so that keys a family's rules leave
/// unread can be found.
/// </summary>
internal sealed class ConfigKeys(JsonElement root, string source, string prefix = "", JsonElement? outer = null)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly List<TakenDefault> _defaults = [];
    private string? _family;

    /// <summary>The defaults taken for keys the file leaves out, in the order they were taken.</summary>
    public IReadOnlyList<TakenDefault> DefaultsTaken => _defaults;

    /// <summary>
    /// The family whose configuration-class defaults (<see cref="ClassDefaults"/>) stand in for sizes
    /// the file leaves out: in a nested text_config every size (transformers writes a sub-configuration
    /// as its difference from the class defaults), at the top level only head_dim (whose default is
    /// not d_model / heads in every family).
    /// </summary>
    public ConfigKeys For(string family)
    {
        _family = family;
        return this;
    }

    /// <summary>A value the rules assume for an absent key that changes the count; recorded so the output states it.</summary>
    public T Assume<T>(string key, T value, string family) where T : notnull
    {
        _read.Add(key);
        if (_defaults.All(d => d.Key != Name(key)))
            _defaults.Add(new TakenDefault(Name(key), family, value switch
            {
                bool b => b ? "true" : "false",
                long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            }));
        return value;
    }

    /// <summary>Whether the key is present with a JSON null (not absent).</summary>
    public bool IsNull(string key) => root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Null;

    public string Source => source;

    /// <summary>The keys the rules asked for, present or not.</summary>
    public IReadOnlySet<string> Read => _read;

    /// <summary>The object being read.</summary>
    public JsonElement Root => root;

    /// <summary>The key as messages name it: text_config.hidden_size when nested.</summary>
    public string Name(string key) => prefix + key;

    /// <summary>The first of <paramref name="keys"/> present and not null, as a positive integer; null when none is.</summary>
    public Setting<long>? Count(params string[] keys) => Integer(1, "a positive integer", keys);

    /// <summary>The first of <paramref name="keys"/> present and not null, as a whole number (0 allowed); null when none is.</summary>
    public Setting<long>? Whole(params string[] keys) => Integer(0, "a whole number", keys);

    /// <summary>The value given by an option, else the first key present; error when neither.</summary>
    public Setting<long> Required(Setting<long>? given, string what, string option, params string[] keys) =>
        given ?? Count(keys) ?? throw Missing(what, option, keys);

    /// <summary>The value given by an option, else the first key present, else null.</summary>
    public Setting<long>? Optional(Setting<long>? given, params string[] keys) => given ?? Count(keys);

    /// <summary>A true/false key, or null when absent or null. Nested keys fall back to the outer object (tie_word_embeddings).</summary>
    public Setting<bool>? Bool(string key)
    {
        if (!TryGet(key, out var value, out string name)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => new Setting<bool>(true, SettingOrigin.Key(source, name)),
            JsonValueKind.False => new Setting<bool>(false, SettingOrigin.Key(source, name)),
            _ => throw new ArchitectureException($"must be true or false, got {value.GetRawText()}.", source, name),
        };
    }

    /// <summary>The option's value, else the key's, else the family default (which records the absent key).</summary>
    public Setting<bool> Flag(Setting<bool>? given, string key, bool fallback, string family) =>
        given ?? Bool(key) ?? new Setting<bool>(fallback, SettingOrigin.Default(family, Name(key)));

    /// <summary>A string key, or null when absent or null.</summary>
    public string? Text(string key)
    {
        if (!TryGet(key, out var value, out string name)) return null;
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ArchitectureException($"must be a string, got {value.GetRawText()}.", source, name);
    }

    /// <summary>A list of whole numbers (mlp_only_layers), or null when absent or null.</summary>
    public Setting<IReadOnlyList<long>>? Numbers(string key)
    {
        if (!TryGet(key, out var value, out string name)) return null;
        if (value.ValueKind != JsonValueKind.Array)
            throw new ArchitectureException($"must be a list of layer numbers, got {value.GetRawText()}.", source, name);
        var numbers = new List<long>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long n) || n < 0)
                throw new ArchitectureException($"must be a list of whole numbers, got {item.GetRawText()} in it.", source, name);
            numbers.Add(n);
        }
        return new Setting<IReadOnlyList<long>>(numbers, SettingOrigin.Key(source, name));
    }

    /// <summary>The same keys with nothing marked read yet, for a second family's rules.</summary>
    public ConfigKeys Fresh(string family) => new ConfigKeys(root, source, prefix, outer).For(family);

    /// <summary>Whether a key is present and not null (without marking it read).</summary>
    public bool Has(string key) => root.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The raw value of a key present and not null (without marking it read).</summary>
    public JsonElement? Raw(string key) => Has(key) ? root.GetProperty(key) : null;

    /// <summary>Marks keys as read by rules that look at them only to ignore them (a latent-attention model's num_key_value_heads).</summary>
    public void Consider(params string[] keys)
    {
        foreach (var key in keys) _read.Add(key);
    }

    /// <summary>The error for a required key that is absent; <paramref name="option"/> names an option that can stand in for it.</summary>
    public ArchitectureException Missing(string what, string? option, string[] keys)
    {
        string also = keys.Length > 1 ? $", also read from {string.Join(" or ", keys.Skip(1).Select(k => $"'{Name(k)}'"))}" : "";
        string remedy = option is null ? "add it to the file" : $"add it to the file or give {option}";
        return new ArchitectureException($"missing: it gives {what}{also}; {remedy}.", source, Name(keys[0]));
    }

    private Setting<long>? Integer(long minimum, string what, string[] keys)
    {
        foreach (var key in keys)
        {
            if (!TryGet(key, out var value, out string name)) continue;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) && n >= minimum)
                return new Setting<long>(n, SettingOrigin.Key(source, name));
            throw new ArchitectureException($"must be {what}, got {value.GetRawText()}.", source, name);
        }
        return ClassDefault(keys[0]);
    }

    private Setting<long>? ClassDefault(string key)
    {
        if (_family is null || ClassDefaults.Of(_family, key) is not { } value || (prefix.Length == 0 && key != "head_dim")) return null;
        Assume(key, value, _family);
        return new Setting<long>(value, SettingOrigin.Default(_family, Name(key)));
    }

    private bool TryGet(string key, out JsonElement value, out string name)
    {
        _read.Add(key);
        name = Name(key);
        if (root.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null) return true;
        if (outer is { } o && key == "tie_word_embeddings" && o.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null)
        {
            name = key;
            return true;
        }
        return false;
    }
}

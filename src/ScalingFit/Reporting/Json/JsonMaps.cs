namespace ScalingFit.Reporting.Json;

/// <summary>Objects keyed by name (parameters, inputs, components) built in the order of their items.</summary>
internal static class JsonMaps
{
    /// <summary>
    /// A map from each item's name to its value, in the items' order (a later item of the same name
    /// replaces an earlier one's value and keeps its place).
    /// </summary>
    public static Dictionary<string, TValue> Of<TItem, TValue>(IEnumerable<TItem> items, Func<TItem, string> name, Func<TItem, TValue> value)
    {
        var map = new Dictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var item in items) map[name(item)] = value(item);
        return map;
    }
}

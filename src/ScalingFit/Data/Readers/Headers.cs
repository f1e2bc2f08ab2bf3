namespace ScalingFit.Data;

/// <summary>Checks on the column names of an input.</summary>
internal static class Headers
{
    /// <summary>Throws when two columns have the same name (case-insensitively), naming both positions.</summary>
    /// <exception cref="DataException">A name is given twice.</exception>
    public static void RequireDistinct(IReadOnlyList<string> names, string source, long? line = 1)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0) continue;
            if (seen.TryGetValue(names[i], out int first))
                throw new DataException(
                    $"two columns are named '{names[first]}' (columns {first + 1} and {i + 1}); rename one so that each name means one column.",
                    source, line, names[i]);
            seen[names[i]] = i;
        }
    }

    /// <summary>'a', 'b', 'c' — the names for a message listing the columns present.</summary>
    public static string List(IEnumerable<string> names)
    {
        var all = names.Select(n => $"'{n}'").ToList();
        if (all.Count == 0) return "(none)";
        return all.Count <= 40 ? string.Join(", ", all) : string.Join(", ", all.Take(40)) + $" and {all.Count - 40} more";
    }
}

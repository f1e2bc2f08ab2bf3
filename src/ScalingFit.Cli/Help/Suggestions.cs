namespace ScalingFit.Cli.Help;

/// <summary>"Did you mean": the names closest to a mistyped one, by edit distance or as a prefix.</summary>
internal static class Suggestions
{
    /// <summary>Up to three of <paramref name="names"/> close to <paramref name="typed"/>, closest first; none when none is close.</summary>
    /// <remarks>
    /// Close means an optimal-string-alignment distance (insertions, deletions, substitutions and
    /// swaps of neighbours) of at most a third of the longer name, at least 1; or, for three letters
    /// or more, the start of the name. Leading dashes are ignored, so "lw" and "--lw" both find "--law".
    /// </remarks>
    public static IReadOnlyList<string> For(string typed, IEnumerable<string> names)
    {
        string word = typed.TrimStart('-').ToLowerInvariant();
        if (word.Length == 0) return [];
        return names.Distinct()
            .Select(name => (Name: name, Distance: Distance(word, name.TrimStart('-').ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(1, Math.Max(word.Length, c.Name.TrimStart('-').Length) / 3)
                        || (word.Length >= 3 && c.Name.TrimStart('-').StartsWith(word, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(3).Select(c => c.Name).ToList();
    }

    /// <summary>" Did you mean --law?" or " Did you mean --law or --laws?", or "" when there is no suggestion.</summary>
    public static string Sentence(IReadOnlyList<string> suggestions) => suggestions.Count switch
    {
        0 => "",
        1 => $" Did you mean {suggestions[0]}?",
        _ => $" Did you mean {string.Join(", ", suggestions.Take(suggestions.Count - 1))} or {suggestions[^1]}?",
    };

    /// <summary>Optimal string alignment distance between two strings.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}

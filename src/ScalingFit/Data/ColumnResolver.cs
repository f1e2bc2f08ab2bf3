namespace ScalingFit.Data;

/// <summary>Finds the columns of N, D, C and loss in a header, by override or by alias.</summary>
internal static class ColumnResolver
{
    /// <summary>
    /// The header index of each quantity (or -1), in <see cref="Quantities.All"/> order, and notes
    /// for the quantities that several columns could have supplied.
    /// </summary>
    public static (int[] Index, List<string> Notes) Resolve(
        IReadOnlyList<string> header, RunReadOptions options, string source)
    {
        var index = new int[Quantities.All.Count];
        var notes = new List<string>();
        var taken = new HashSet<int>();
        foreach (var q in Quantities.All)
        {
            index[(int)q] = -1;
            if (options.ColumnFor(q) is { } named)
            {
                int found = Find(header, named);
                if (found < 0)
                    throw new DataException(
                        $"the column '{named}' named for {q.Description()} is not in the header; the columns are: " +
                        string.Join(", ", header.Select(h => $"'{h}'")) + ".", source, 1);
                index[(int)q] = found;
                taken.Add(found);
            }
        }
        foreach (var q in Quantities.All)
        {
            if (index[(int)q] >= 0) continue;
            var candidates = q.Aliases().Select(a => Find(header, a)).Where(i => i >= 0 && !taken.Contains(i)).Distinct().ToList();
            if (candidates.Count == 0) continue;
            index[(int)q] = candidates[0];
            taken.Add(candidates[0]);
            if (candidates.Count > 1)
            {
                string others = string.Join(", ", candidates.Skip(1).Select(i => $"'{header[i]}'"));
                string option = q == Quantity.Loss ? "--loss-column" : $"--{q.Symbol().ToLowerInvariant()}-column";
                notes.Add($"{q.Symbol()} read from column '{header[candidates[0]]}' (also found {others}; choose with {option})");
            }
        }
        return (index, notes);
    }

    private static int Find(IReadOnlyList<string> header, string name)
    {
        for (int i = 0; i < header.Count; i++)
            if (string.Equals(header[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}

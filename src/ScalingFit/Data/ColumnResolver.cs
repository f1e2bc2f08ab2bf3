namespace ScalingFit.Data;

/// <summary>Where a quantity is read from: the input column, and the unit its values are scaled by.</summary>
internal sealed record QuantityColumn(int Index, ColumnUnit? Unit, bool UnitFromHeader);

/// <summary>
/// Finds the columns of N, D, C and loss among the input's columns, by the name the user gave or
/// by alias (a unit in parentheses after the name is allowed: "Model Size (B)"). Two columns that
/// could both be one quantity are an error naming both; so is a named column that is not there.
/// </summary>
internal static class ColumnResolver
{
    /// <exception cref="DataException">A named column is missing, or two columns match one quantity.</exception>
    public static QuantityColumn?[] Resolve(IReadOnlyList<string> names, RunReadOptions options, string source, List<string> notes, long? headerLine = 1)
    {
        var found = new QuantityColumn?[Quantities.All.Count];
        var taken = new HashSet<int>();
        foreach (var q in Quantities.All)
        {
            if (options.ColumnFor(q) is not { } named) continue;
            int index = Find(names, named);
            if (index < 0)
                throw new DataException(
                    $"the column '{named}' named for {q.Description()} is not in the data; the columns are: {Headers.List(names)}.", source, headerLine);
            found[(int)q] = Column(names, index, options.UnitFor(q), q, source, headerLine);
            taken.Add(index);
        }
        foreach (var q in Quantities.All)
        {
            if (found[(int)q] is not null) continue;
            var candidates = Enumerable.Range(0, names.Count)
                .Where(i => !taken.Contains(i) && Matches(names[i], q.Aliases()))
                .ToList();
            if (candidates.Count == 0) continue;
            // A column named by the symbol itself (N, D, C) is that quantity; other matches stay ordinary columns.
            int symbol = q == Quantity.Loss ? -1 : candidates.FindIndex(i => string.Equals(names[i].Trim(), q.Symbol(), StringComparison.OrdinalIgnoreCase));
            if (symbol >= 0 && candidates.Count > 1)
            {
                notes.Add($"{q.Symbol()} read from column '{names[candidates[symbol]]}'; {Headers.List(candidates.Where((_, k) => k != symbol).Select(i => names[i]))} " +
                          $"also looked like {q.Symbol()} and are kept as other columns");
                candidates = [candidates[symbol]];
            }
            if (candidates.Count > 1)
            {
                string option = q == Quantity.Loss ? "--loss-column" : $"--{q.Symbol().ToLowerInvariant()}-column";
                throw new DataException(
                    $"{candidates.Count} columns could be {q.Description()}: {Headers.List(candidates.Select(i => names[i]))}; " +
                    $"choose one with {option}.", source, headerLine, names[candidates[1]]);
            }
            found[(int)q] = Column(names, candidates[0], options.UnitFor(q), q, source, headerLine);
            taken.Add(candidates[0]);
        }
        return found;
    }

    /// <summary>
    /// Whether a column will likely be read as a quantity (it matches an alias or a named column):
    /// such columns keep numbers only, not their text (a quantity's text is its number).
    /// </summary>
    public static Func<string, bool>? NumbersOnly(RunReadOptions options)
    {
        if (options.Wide) return null;
        var named = Quantities.All.Select(options.ColumnFor).OfType<string>().ToList();
        var aliases = Quantities.All.SelectMany(q => q.Aliases()).Concat(named).ToArray();
        return name => Matches(name, aliases);
    }

    private static QuantityColumn Column(IReadOnlyList<string> names, int index, ColumnUnit? option, Quantity q, string source, long? headerLine)
    {
        bool inHeader = ColumnUnit.TrySplitHeader(names[index], out _, out var unit);
        if (option is null) return inHeader ? new QuantityColumn(index, unit, true) : new QuantityColumn(index, null, false);
        // Two units for one column: taking either silently would be off by their ratio.
        if (inHeader && unit.Scale != option.Scale)
            throw new DataException(
                $"the header '{names[index]}' says its unit is {unit.Label} (×{NumberFormat.Significant(unit.Scale, 4)}), but the unit given for {q.Symbol()} is " +
                $"{option.Label} (×{NumberFormat.Significant(option.Scale, 4)}); give one of them.", source, headerLine, names[index]);
        return new QuantityColumn(index, option, false);
    }

    /// <summary>Whether a header is one of the names, exactly or with a unit after it.</summary>
    public static bool Matches(string header, IEnumerable<string> names)
    {
        string bare = ColumnUnit.TrySplitHeader(header, out var name, out _) ? name : header;
        return names.Any(a => string.Equals(a, header.Trim(), StringComparison.OrdinalIgnoreCase)
                              || string.Equals(a, bare, StringComparison.OrdinalIgnoreCase));
    }

    private static int Find(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
            if (string.Equals(names[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        for (int i = 0; i < names.Count; i++)
            if (ColumnUnit.TrySplitHeader(names[i], out var bare, out _) && string.Equals(bare, name.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}

namespace ScalingFit.Data;

/// <summary>The runs that share one value of the grouping columns (one configuration, data set, learning rate).</summary>
/// <param name="Columns">The grouping columns, as the data names them.</param>
/// <param name="Values">This group's value of each column, as written (numbers of binary inputs in round-trip form, invariant culture).</param>
/// <param name="Runs">Its runs, with the notes and warnings of the whole set (the pooling checks redone for the group).</param>
public sealed record RunGroup(IReadOnlyList<string> Columns, IReadOnlyList<string> Values, RunSet Runs)
{
    /// <summary>How many runs the group holds: its clusters when its rows are checkpoints of fewer runs, else its rows.</summary>
    public int RunCount => Runs.Clusters is { } clusters ? clusters.Count : Runs.Count;

    /// <summary>"hoffmann" for one column; "experiment=hoffmann, lr=0.001" for several.</summary>
    public string Label => Columns.Count == 1 ? Values[0] : string.Join(", ", Columns.Select((c, i) => $"{c}={Values[i]}"));

    /// <summary>"experiment = hoffmann" (or "experiment = hoffmann, lr = 0.001"): the group named with its columns.</summary>
    public string Name => string.Join(", ", Columns.Select((c, i) => $"{c} = {Values[i]}"));
}

/// <summary>Runs split into groups by the values of one or more columns, as pandas' <c>groupby</c> does.</summary>
/// <param name="Columns">The grouping columns.</param>
/// <param name="Groups">The groups: numeric columns in increasing value, text columns in order of first appearance.</param>
/// <param name="Ungrouped">Runs with an empty cell in a grouping column, left out of every group (pandas' dropna).</param>
/// <param name="Notes">What the split did, for a person (a column with one value, runs left out).</param>
public sealed record RunGroups(IReadOnlyList<string> Columns, IReadOnlyList<RunGroup> Groups, int Ungrouped, IReadOnlyList<string> Notes)
{
    /// <summary>The grouping columns joined for a heading: "experiment" or "experiment × lr".</summary>
    public string By => string.Join(" × ", Columns);

    /// <summary>
    /// Splits runs by the values of <paramref name="columns"/>. A numeric column groups by value (0.001 and 1e-3 are
    /// one group); a text column by its text. Each group's pooling and checkpoint warnings are worked out again on its
    /// own runs (the warning that the grouping column splits the runs does not apply inside a group).
    /// </summary>
    /// <param name="runs">The runs, after selection.</param>
    /// <param name="columns">One or more column names (case-insensitive), each at most once.</param>
    /// <param name="selection">The selection the runs were read with (its run and input columns inform the checks); null for none.</param>
    /// <exception cref="OptionException">No columns, a column named twice, or a column the data does not have (parameter RunGroups.Columns).</exception>
    public static RunGroups Split(RunSet runs, IReadOnlyList<string> columns, RunSelection? selection = null)
    {
        const string parameter = "RunGroups.Columns";
        if (columns.Count == 0) throw new OptionException(parameter, "name a column to group the runs by.");
        if (columns.GroupBy(c => c.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new OptionException(parameter, $"the column '{twice.Key}' is named twice.");
        var names = new List<string>();
        var keys = new List<Func<int, GroupKey?>>();
        foreach (var column in columns)
        {
            var cells = runs.Cells(column)
                ?? throw new OptionException(parameter, $"there is no column '{column}' to group the runs by; the columns are: {Headers.List(runs.ColumnNames)}.");
            names.Add(runs.ColumnNames.First(n => string.Equals(n.Trim(), column.Trim(), StringComparison.OrdinalIgnoreCase)));
            keys.Add(Keys(cells));
        }
        var rowsByKey = new Dictionary<string, (GroupKey[] Key, List<int> Rows)>(StringComparer.Ordinal);
        int ungrouped = 0;
        for (int row = 0; row < runs.Count; row++)
        {
            var key = new GroupKey[keys.Count];
            bool empty = false;
            for (int j = 0; j < keys.Count && !empty; j++)
                if (keys[j](row) is { } k) key[j] = k;
                else empty = true;
            if (empty) { ungrouped++; continue; }
            string id = string.Join('\u001f', key.Select(k => k.Id));
            if (!rowsByKey.TryGetValue(id, out var entry)) rowsByKey[id] = entry = (key, []);
            entry.Rows.Add(row);
        }
        var notes = new List<string>();
        for (int j = 0; j < names.Count; j++)
        {
            var distinct = rowsByKey.Values.Select(e => e.Key[j].Id).Distinct().ToList();
            if (distinct.Count == 1)
                notes.Add($"'{names[j]}' has one value ({rowsByKey.Values.First().Key[j].Text}) in the {runs.Count - ungrouped} runs, so it makes one group");
        }
        if (ungrouped > 0)
            notes.Add($"{ungrouped} run{(ungrouped == 1 ? " has" : "s have")} no value of {string.Join(" or ", names.Select(n => $"'{n}'"))} and {(ungrouped == 1 ? "is" : "are")} in no group");
        var ordered = rowsByKey.Values.OrderBy(e => e.Key, KeyOrder.Instance);
        var selected = selection ?? RunSelection.None;
        var groups = ordered.Select(e =>
        {
            var values = e.Key.Select(k => k.Text).ToList();
            string label = string.Join(", ", names.Select((n, i) => $"{n} = {values[i]}"));
            var subset = runs.Subset(e.Rows, $"group {label}: {e.Rows.Count} of {runs.Count} runs")
                .WithoutWarnings(DataWarning.PooledRuns, DataWarning.CheckpointsAsRuns);
            return new RunGroup(names, values, PoolingCheck.Warn(subset, selected));
        }).ToList();
        return new RunGroups(names, groups, ungrouped, notes);
    }

    /// <summary>A row's key in one column: a number (by value, first appearance's text) or a text; null for an empty cell.</summary>
    private static Func<int, GroupKey?> Keys(CellColumn cells)
    {
        bool numeric = Enumerable.Range(0, cells.Count).All(i => cells.Kind(i) != CellKind.Text);
        var first = new Dictionary<double, string>();
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        return row =>
        {
            if (cells.Kind(row) == CellKind.Empty) return null;
            if (numeric && cells.TryNumber(row, out double v))
            {
                if (!first.TryGetValue(v, out var text)) first[v] = text = cells.Text(row);
                return new GroupKey(v.ToString("R", System.Globalization.CultureInfo.InvariantCulture), text, v, 0);
            }
            string t = cells.Text(row);
            if (!order.TryGetValue(t, out int at)) order[t] = at = order.Count;
            return new GroupKey("t:" + t, t, double.NaN, at);
        };
    }

    private readonly record struct GroupKey(string Id, string Text, double Number, int Appearance);

    /// <summary>Numbers in increasing value, texts in order of first appearance, column by column.</summary>
    private sealed class KeyOrder : IComparer<GroupKey[]>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(GroupKey[]? a, GroupKey[]? b)
        {
            for (int j = 0; j < a!.Length; j++)
            {
                int c = double.IsNaN(a[j].Number) ? a[j].Appearance.CompareTo(b![j].Appearance) : a[j].Number.CompareTo(b![j].Number);
                if (c != 0) return c;
            }
            return 0;
        }
    }
}

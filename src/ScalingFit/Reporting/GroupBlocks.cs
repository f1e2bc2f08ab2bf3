using System.Globalization;
using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Reporting;

/// <summary>The pieces every grouped report shares: the data, the group columns of a table, the differences, the warnings.</summary>
internal static class GroupBlocks
{
    /// <summary>The data of the whole set once: its source and columns, the notes every group shares, how it was grouped.</summary>
    public static KeyValues Data<T>(GroupedResult<T> result) where T : class
    {
        var groups = result.Groups;
        var data = groups.Groups.Select(g => DataDescription.Of(g.Runs)).ToList();
        int runs = data.Sum(d => d.Runs) + groups.Ungrouped;
        var items = new List<KeyValuePair<string, string>> { new("data", $"{data.FirstOrDefault()?.Source}, {runs} runs") };
        if (data.FirstOrDefault() is { } first) foreach (var (symbol, origin) in first.Columns) items.Add(new(symbol, origin));
        foreach (var note in Common(data.Select(d => d.Notes))) items.Add(new("note", note));
        items.Add(new("grouped by", $"{groups.By}: {Plural(groups.Groups.Count, "group")}, " +
                                    $"{Plural(result.Analysed.Count, "analysed", "analysed")}" +
                                    (result.Analysed.Count < groups.Groups.Count ? $", {groups.Groups.Count - result.Analysed.Count} skipped" : "")));
        foreach (var note in groups.Notes) items.Add(new("note", note));
        foreach (var warning in Common(data.Select(d => d.Warnings.Select(w => w.Message).ToList()))) items.Add(new("warning", warning));
        return new KeyValues(items);
    }

    /// <summary>The header cells naming a group: one column per grouping column, then its runs.</summary>
    public static List<TableColumn> Columns(RunGroups groups, bool runs = true) =>
        [.. groups.Columns.Select(c => new TableColumn(c, false)), .. runs ? [new TableColumn("runs")] : Array.Empty<TableColumn>()];

    /// <summary>The cells naming a group, matching <see cref="Columns"/>.</summary>
    public static List<string> Cells(RunGroup group, bool runs = true) =>
        [.. group.Values, .. runs ? [group.RunCount.ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>()];

    /// <summary>A row of a skipped group: its name, its runs, "skipped" and blanks.</summary>
    public static IReadOnlyList<string> Skipped(RunGroup group, int width)
    {
        var row = Cells(group);
        row.Add("skipped");
        while (row.Count < width) row.Add("");
        return row;
    }

    /// <summary>One row per estimate: the χ² test of whether the groups share its value.</summary>
    public static Block? Differences(IReadOnlyList<GroupDifference> differences, string what)
    {
        if (differences.Count == 0) return null;
        var rows = differences.Select(d => (IReadOnlyList<string>)
        [
            d.Symbol == d.Name ? d.Name : $"{d.Name} ({d.Symbol})",
            string.Join("; ", d.Values.Select(v => $"{v.Key}: {Significant(v.Value.Value, 4)} {Range(v.Value.Ci95.Lower, v.Value.Ci95.Upper, 4)}")),
            double.IsNaN(d.ChiSquare) ? "n/a" : Significant(d.ChiSquare, 3),
            d.DegreesOfFreedom.ToString(CultureInfo.InvariantCulture),
            double.IsNaN(d.PValue) ? "n/a" : P(d.PValue),
            double.IsNaN(d.PValue) ? "no standard error" : d.Differ ? "differ" : "consistent",
        ]).ToList();
        return new Table(
            [new("estimate", false), new("each group: value [95% CI]", false), new("χ²"), new("df"), new("p"), new("at 5%", false)],
            rows, $"do the groups differ? {what}; χ² = Σ (θᵢ − θ̄)²/SEᵢ² on k − 1 df");
    }

    /// <summary>Warnings of each group, prefixed by its name; those every group has, once; a skipped group's reason.</summary>
    public static Block? Warnings<T>(GroupedResult<T> result, Func<T, IEnumerable<string>> warnings) where T : class
    {
        var each = result.Outcomes.Select(o => (o, Items: o.Result is null ? [] : warnings(o.Result).Distinct().ToList())).ToList();
        var common = Common(result.Analysed.Select(o => (IReadOnlyList<string>)warnings(o.Result!).ToList())).ToHashSet();
        var items = common.Select(w => $"every group: {w}").ToList();
        foreach (var (o, list) in each)
        {
            string name = Name(o.Group);
            if (o.Skipped is { } reason) items.Add($"{name} ({Plural(o.Group.RunCount, "run")}): skipped: {reason}");
            items.AddRange(list.Where(w => !common.Contains(w)).Select(w => $"{name}: {w}"));
        }
        return items.Count == 0 ? null : new Warnings(items);
    }

    /// <summary>"experiment = hoffmann" (or "experiment = hoffmann, lr = 0.001").</summary>
    public static string Name(RunGroup group) => group.Name;

    /// <summary>Value and 95% interval in one cell: 0.3412 [0.3301, 0.3523].</summary>
    public static string Estimate(FittedParameter p) =>
        $"{Significant(p.Value, 4)} {Range(p.Ci95.Lower, p.Ci95.Upper, 4)}" + (p.AtBound ? " at bound" : "") + (p.Constraint is { } c ? $" ({c})" : "");

    /// <summary>The data and fit warnings of a fit (the data's own first).</summary>
    public static IEnumerable<string> FitWarnings(FitResult fit) => fit.Data.Warnings.Select(w => w.Message).Concat(fit.Warnings);

    private static string P(double p) => p < 1e-4 ? "< 1e-4" : Significant(p, 2);

    private static string Plural(int n, string word, string? plural = null) => $"{n} {(n == 1 ? word : plural ?? word + "s")}";

    /// <summary>The items in every list, in the first list's order.</summary>
    private static IEnumerable<string> Common(IEnumerable<IReadOnlyList<string>> lists)
    {
        var all = lists.ToList();
        return all.Count == 0 ? [] : all[0].Where(item => all.All(l => l.Contains(item))).Distinct();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using ScalingFit.Analysis;

namespace ScalingFit.Reporting.Json;

/// <summary>
/// An analysis run per group (--group-by): {"groupBy": [columns], "ungrouped", "notes", "groups": [{"key": {column:
/// value}, "label", "runs", "status": "analysed" or "skipped", "result": {..} or "reason": ".."}], "differences": [..]}.
/// Each group's result is exactly the object the command prints for one set of runs; group values are strings as written.
/// </summary>
/// <param name="GroupBy">The columns the runs were grouped by.</param>
/// <param name="Ungrouped">Rows left out for an empty cell in a grouping column.</param>
/// <param name="Notes">Notes on the grouping.</param>
/// <param name="Groups">The groups in their order (numeric values increasing, text in order of first appearance).</param>
/// <param name="Differences">The tests of whether the groups' estimates differ (none for a comparison).</param>
public sealed record GroupsJson(
    IReadOnlyList<string> GroupBy, long Ungrouped, IReadOnlyList<string> Notes,
    IReadOnlyList<GroupJson> Groups, IReadOnlyList<GroupDifferenceJson> Differences)
{
    /// <summary>A grouped result, each group's result written by <paramref name="json"/> (JsonOutput.Fit, JsonOutput.IsoFlop, …).</summary>
    public static GroupsJson Of<T>(GroupedResult<T> result, Func<T, string> json, IReadOnlyList<GroupDifference> differences) where T : class =>
        new([.. result.Groups.Columns], result.Groups.Ungrouped, [.. result.Groups.Notes],
            [.. result.Outcomes.Select(o => GroupJson.Of(o, json))],
            [.. differences.Select(GroupDifferenceJson.Of)]);
}

/// <summary>One group: its key, label, run count, and its result or why it was skipped.</summary>
/// <param name="Key">The group's value of each grouping column.</param>
/// <param name="Label">The group's name in tables.</param>
/// <param name="Runs">Its runs.</param>
/// <param name="Status">"analysed" or "skipped".</param>
/// <param name="Result">The command's own JSON object for the group (absent when skipped).</param>
/// <param name="Reason">Why the group was skipped (absent when analysed).</param>
public sealed record GroupJson(
    IReadOnlyDictionary<string, string> Key, string Label, long Runs, string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Result,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason)
{
    internal static GroupJson Of<T>(GroupOutcome<T> o, Func<T, string> json) where T : class
    {
        var key = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < o.Group.Columns.Count; i++) key[o.Group.Columns[i]] = o.Group.Values[i];
        JsonElement? result = null;
        if (o.Result is { } r)
        {
            using var one = JsonDocument.Parse(json(r));
            result = one.RootElement.Clone();
        }
        return new(key, o.Group.Label, o.Group.RunCount, o.Result is null ? "skipped" : "analysed", result, o.Result is null ? o.Skipped : null);
    }
}

/// <summary>
/// Whether the groups' values of one estimate differ: Cochran's Q (chi-square with k − 1 degrees of freedom from
/// each group's standard error), its p-value, and each group's estimate.
/// </summary>
/// <param name="Name">The estimate's name.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="ChiSquare">Cochran's Q.</param>
/// <param name="DegreesOfFreedom">k − 1.</param>
/// <param name="PValue">The p-value (null when it cannot be computed).</param>
/// <param name="Differ">Whether p &lt; 0.05 (null when there is no p-value).</param>
/// <param name="Groups">Each group's estimate by label.</param>
public sealed record GroupDifferenceJson(
    string Name, string Symbol, double ChiSquare, long DegreesOfFreedom, double PValue, bool? Differ,
    IReadOnlyDictionary<string, EstimateJson> Groups)
{
    internal static GroupDifferenceJson Of(GroupDifference d) =>
        new(d.Name, d.Symbol, d.ChiSquare, d.DegreesOfFreedom, d.PValue, double.IsNaN(d.PValue) ? null : d.Differ,
            d.Values.ToDictionary(v => v.Key, v => EstimateJson.Of(v.Value), StringComparer.Ordinal));
}

/// <summary>
/// report --group-by's JSON: {"html", "markdown", "figures", "manifest", "groupBy", "groups": [{"label", "runs", "status",
/// "bestLaw" or "reason"}]}.
/// </summary>
/// <param name="Html">The HTML report written.</param>
/// <param name="Markdown">The Markdown report written.</param>
/// <param name="Figures">The figure files written.</param>
/// <param name="Manifest">The manifest of the files written.</param>
/// <param name="GroupBy">The columns the runs were grouped by.</param>
/// <param name="Groups">Each group's outcome.</param>
public sealed record GroupedReportJson(
    string Html, string Markdown, IReadOnlyList<string> Figures, string Manifest, IReadOnlyList<string> GroupBy,
    IReadOnlyList<GroupedReportJson.Group> Groups)
{
    /// <summary>One group of the report.</summary>
    /// <param name="Label">The group's name.</param>
    /// <param name="Runs">Its runs.</param>
    /// <param name="Status">"analysed" or "skipped".</param>
    /// <param name="BestLaw">The law that extrapolates best in the group (absent when none).</param>
    /// <param name="Reason">Why the group was skipped (absent when analysed).</param>
    public sealed record Group(
        string Label, long Runs, string Status,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BestLaw,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);
}

using System.Text.Json;
using ScalingFit.Analysis;
using ScalingFit.Fitting;
using static ScalingFit.Reporting.JsonOutput;

namespace ScalingFit.Reporting;

/// <summary>Analyses run per group, as JSON: each group's result is the object the analysis prints for one set of runs.</summary>
public static class GroupJson
{
    /// <summary>
    /// {"groupBy": [columns], "ungrouped", "notes", "groups": [{"key": {column: value}, "label", "runs", "status": "analysed" or
    /// "skipped", "result": {..} or "reason": ".."}], "differences": [{"name", "symbol", "chiSquare", "degreesOfFreedom",
    /// "pValue", "differ", "groups": {label: {"value", "standardError", "ci95"}}}]}. Group values are strings as written.
    /// </summary>
    /// <param name="result">The grouped analysis.</param>
    /// <param name="json">The JSON object of one group's result (JsonOutput.Fit, AllocationJson.IsoFlop, …).</param>
    /// <param name="differences">The between-group tests to list (none for a comparison).</param>
    public static string Write<T>(GroupedResult<T> result, Func<T, string> json, IReadOnlyList<GroupDifference> differences) where T : class =>
        JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            Strings(w, "groupBy", result.Groups.Columns);
            w.WriteNumber("ungrouped", result.Groups.Ungrouped);
            Strings(w, "notes", result.Groups.Notes);
            w.WriteStartArray("groups");
            foreach (var o in result.Outcomes)
            {
                w.WriteStartObject();
                w.WriteStartObject("key");
                for (int i = 0; i < o.Group.Columns.Count; i++) w.WriteString(o.Group.Columns[i], o.Group.Values[i]);
                w.WriteEndObject();
                w.WriteString("label", o.Group.Label);
                w.WriteNumber("runs", o.Group.Runs.Count);
                w.WriteString("status", o.Result is null ? "skipped" : "analysed");
                if (o.Result is { } r)
                {
                    w.WritePropertyName("result");
                    using var one = JsonDocument.Parse(json(r));
                    one.WriteTo(w);
                }
                else w.WriteString("reason", o.Skipped);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("differences");
            foreach (var d in differences)
            {
                w.WriteStartObject();
                w.WriteString("name", d.Name);
                w.WriteString("symbol", d.Symbol);
                Number(w, "chiSquare", d.ChiSquare);
                w.WriteNumber("degreesOfFreedom", d.DegreesOfFreedom);
                Number(w, "pValue", d.PValue);
                if (double.IsNaN(d.PValue)) w.WriteNull("differ");
                else w.WriteBoolean("differ", d.Differ);
                w.WriteStartObject("groups");
                foreach (var (label, p) in d.Values) Estimate(w, label, p);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void Estimate(Utf8JsonWriter w, string name, FittedParameter p)
    {
        w.WriteStartObject(name);
        Number(w, "value", p.Value);
        Number(w, "standardError", p.StandardError);
        Pair(w, "ci95", p.Ci95);
        w.WriteEndObject();
    }
}

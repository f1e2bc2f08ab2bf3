using ScalingFit.Architecture;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Reporting;

/// <summary>
/// The report of a checkpoint counted from its safetensors headers: parameters by group and by
/// dtype, and beside a configuration's exact count, the difference per group.
/// </summary>
public static class ArchitectureCheckpointReport
{
    /// <summary>The checkpoint alone, or beside the configuration's count when one is given.</summary>
    public static Document Build(CheckpointCount c, ArchitectureAnalysis? config = null)
    {
        var expected = config is null ? null : CheckpointCount.GroupsOf(config);
        var columns = new List<TableColumn> { new("group", false), new("checkpoint"), new("tensors") };
        if (expected is not null)
        {
            columns.Add(new("config.json"));
            columns.Add(new("difference"));
        }
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (name, label) in TensorGroups.All)
        {
            long have = c.Groups[name], want = expected?[name] ?? 0;
            int tensors = c.Tensors.Count(t => TensorGroups.Of(t.Name, config?.Shape.LayerCount) == name);
            if (have == 0 && want == 0) continue;
            var row = new List<string> { label, Count(have), Count(tensors) };
            if (expected is not null)
            {
                row.Add(TensorGroups.HoldsParameters(name) ? Count(want) : "");
                row.Add(TensorGroups.HoldsParameters(name) ? Difference(have - want) : "(not counted)");
            }
            rows.Add(row);
        }
        var totals = new List<string> { "total", Count(c.Total), Count(c.Tensors.Count) };
        if (config is not null)
        {
            long want = config.Parameters.Total + (config.PredictionModules?.Total ?? 0);
            totals.Add(Count(want));
            totals.Add(Difference(c.Total - want));
        }
        rows.Add(totals);
        var items = new List<KeyValuePair<string, string>>
        {
            new("files", c.Files.Count == 1 ? c.Files[0] : $"{Count(c.Files.Count)} shards"),
            new("data", $"{Count(c.Bytes)} bytes" + (c.DeclaredTotalSize is { } size ? $" (the index declares {Count(size)})" : "")),
            new("dtypes", string.Join(", ", c.DataTypes.Select(d => $"{d.Key} {Count(d.Value)}"))),
        };
        var blocks = new List<Block>
        {
            new Heading($"parameters in {c.Source} (safetensors headers)"),
            new KeyValues(items),
            new Table(columns, rows, config is null ? null : $"the checkpoint beside {config.Source ?? "the configuration"} ({config.Shape.Family} rules)"),
        };
        var notes = c.Notes.ToList();
        if (config is not null && c.Total == config.Parameters.Total + (config.PredictionModules?.Total ?? 0))
            notes.Add("the checkpoint holds exactly the parameters the configuration gives");
        if (notes.Count > 0) blocks.Add(new KeyValues(notes.Select(n => new KeyValuePair<string, string>("note", n)).ToList()));
        return new Document(blocks);
    }

    private static string Difference(long d) => d == 0 ? "0" : (d > 0 ? "+" : "") + Count(d);
}

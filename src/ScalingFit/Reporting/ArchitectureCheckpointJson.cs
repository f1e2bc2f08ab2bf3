using ScalingFit.Architecture;
using static ScalingFit.Reporting.JsonOutput;

namespace ScalingFit.Reporting;

/// <summary>A checkpoint's count as JSON: {"kind": "checkpoint", "total", "groups": {..}, "dtypes": {..}, "config": {..}, "difference": {..}, …}.</summary>
public static class ArchitectureCheckpointJson
{
    /// <summary>The checkpoint, and when given the configuration's exact count ("config") and the difference per group.</summary>
    public static string Write(CheckpointCount c, ArchitectureAnalysis? config = null) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("kind", "checkpoint");
        w.WriteString("source", c.Source);
        Strings(w, "files", c.Files);
        w.WriteNumber("tensors", c.Tensors.Count);
        w.WriteNumber("total", c.Total);
        w.WriteNumber("bytes", c.Bytes);
        ArchitectureJson.NullableCount(w, "declaredTotalSize", c.DeclaredTotalSize);
        w.WriteStartObject("groups");
        foreach (var (name, _) in TensorGroups.All) w.WriteNumber(name, c.Groups[name]);
        w.WriteEndObject();
        w.WriteStartObject("dtypes");
        foreach (var (type, count) in c.DataTypes) w.WriteNumber(type, count);
        w.WriteEndObject();
        Strings(w, "notes", c.Notes);
        if (config is not null)
        {
            var expected = CheckpointCount.GroupsOf(config);
            w.WritePropertyName("config");
            ArchitectureJson.WriteExact(w, config);
            w.WriteStartObject("difference");
            foreach (var (name, _) in TensorGroups.All)
                if (TensorGroups.HoldsParameters(name)) w.WriteNumber(name, c.Groups[name] - expected[name]);
            w.WriteNumber("total", c.Total - config.Parameters.Total - (config.PredictionModules?.Total ?? 0));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    });
}

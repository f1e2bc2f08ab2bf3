using System.Runtime.InteropServices;
using System.Text.Json;

namespace ScalingFit.Data;

/// <summary>
/// A JSON object that holds one array of records beside its own scalars, as transformers'
/// trainer_state.json holds its log in "log_history": the records are the rows (flattened as
/// pandas.json_normalize does), and the object's scalar keys (global_step, best_metric, ...) are
/// repeated on each row, as json_normalize(state, record_path="log_history", meta=[...]) gives.
/// Only arrays under the names logs are kept under (<see cref="LogKeys"/>) are read so: any other array
/// of records in an object is part of one run's summary (results per evaluation set, flattened to
/// 'results.0.loss', as json_normalize without a record_path).
/// </summary>
internal static class JsonRecordArray
{
    /// <summary>Keys under which a log of records is kept: transformers' trainer_state.json ("log_history") and the
    /// usual names of a dumped list of logged records ("history", "logs", "log", "records", "rows").</summary>
    public static readonly IReadOnlySet<string> LogKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "log_history", "history", "logs", "log", "records", "rows",
    };

    /// <summary>The table, or null when the object has no single array of at least two records under a log key (it is then one record).</summary>
    public static RawTable? TryRead(List<JsonProperty> properties, string source, Func<string, bool>? numbersOnly, IRowSink? sink = null)
    {
        var arrays = properties.Where(p => LogKeys.Contains(p.Name) && p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() >= 2
                                           && p.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object)).ToList();
        if (arrays.Count != 1) return null;
        var records = arrays[0].Value.EnumerateArray().ToList();
        var meta = properties.Where(p => p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)).ToList();
        var table = new TableBuilder(source, RowLocator.Row, records.Count, numbersOnly: numbersOnly, sink: sink);
        var reader = new JsonRecordReader(table);
        var shadowed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var json = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(record));
            json.Read();
            reader.ReadRecord(ref json, table.Total + 1);
            foreach (var m in meta)
            {
                // A record's own key wins over the object's (pandas would refuse the clash).
                int column = table.Column(m.Name);
                if (!table.Take(column))
                {
                    shadowed.Add(m.Name);
                    continue;
                }
                JsonObjectLayouts.AddScalar(table, column, m.Value);
            }
            table.EndRow((int)table.Total + 1);
        }
        string others = meta.Count == 0 ? "" : $"; its other keys ({Headers.List(meta.Take(4).Select(m => m.Name))}{(meta.Count > 4 ? ", ..." : "")}) are repeated on each row" +
            (shadowed.Count > 0 ? $", except where a record has its own ({Headers.List(shadowed)})" : "");
        return table.Build([$"read the {records.Count} records of '{arrays[0].Name}' as rows (one array of records in a JSON object, as transformers' trainer_state.json holds its log){others}"]);
    }
}

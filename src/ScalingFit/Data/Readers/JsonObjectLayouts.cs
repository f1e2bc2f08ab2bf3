using System.Text;
using System.Text.Json;

namespace ScalingFit.Data;

/// <summary>A JSON object read as a table: the pandas to_json layouts, or a single record.</summary>
internal static class JsonObjectLayouts
{
    public static RawTable Read(JsonDocument document, string source, Func<string, bool>? numbersOnly = null, IRowSink? sink = null)
    {
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new DataException($"the JSON is a single {root.ValueKind.ToString().ToLowerInvariant()}, not records.", source, 1);
            var properties = root.EnumerateObject().ToList();
            if (properties.Count == 0) throw new DataException("the JSON object is empty: it holds no records.", source, 1) { HoldsNoRows = true };
            if (Has(root, "nbformat") && Has(root, "cells"))
                throw new DataException(FormatSniffer.Refusal(InputFormat.Notebook), source);
            if (root.TryGetProperty("columns", out var columns) && root.TryGetProperty("data", out var data)
                && columns.ValueKind == JsonValueKind.Array && data.ValueKind == JsonValueKind.Array)
                return Split(columns, data, source, numbersOnly, sink);
            if (root.TryGetProperty("schema", out _) && root.TryGetProperty("data", out var records) && records.ValueKind == JsonValueKind.Array)
                return Rows(records.EnumerateArray().ToList(), source, "the table layout", numbersOnly, sink);
            if (properties.All(p => p.Value.ValueKind == JsonValueKind.Array) && SameLength(properties) is > 0 and var n)
                return ColumnsOfArrays(properties, n, source, numbersOnly, sink);
            if (properties.Count > 0 && properties.All(p => p.Value.ValueKind == JsonValueKind.Object) && SameKeys(properties) is { } inner)
            {
                bool outerIndex = properties.All(p => IsIndexLabel(p.Name)), innerIndex = inner.All(IsIndexLabel);
                if (innerIndex && !outerIndex && properties.All(p => p.Value.EnumerateObject().All(v => IsScalar(v.Value))))
                    return ColumnsOfObjects(properties, inner, source, numbersOnly, sink);
                if (outerIndex && !innerIndex)
                    return Rows(properties.Select(p => p.Value).ToList(), source, "rows by index", numbersOnly, sink);
            }
            return JsonRecordArray.TryRead(properties, source, numbersOnly, sink) ?? Rows([root], source, null, numbersOnly, sink);
        }
    }

    private static bool Has(JsonElement e, string name) => e.TryGetProperty(name, out _);

    /// <summary>A JSON value as a cell: numbers as numbers, strings as cells (a number in a string is that number), booleans as text, null empty.</summary>
    internal static void AddScalar(TableBuilder table, int column, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                var raw = Encoding.UTF8.GetBytes(value.GetRawText());
                if (value.TryGetDouble(out var v) && double.IsFinite(v)) table.Number(column, v, raw);
                else table.Text(column, raw);
                break;
            case JsonValueKind.String: table.Cell(column, Encoding.UTF8.GetBytes(value.GetString()!)); break;
            case JsonValueKind.True: table.Text(column, "true"u8); break;
            case JsonValueKind.False: table.Text(column, "false"u8); break;
            case JsonValueKind.Null: table.Empty(column); break;
            default: table.Text(column, Encoding.UTF8.GetBytes(value.GetRawText())); break;
        }
    }

    private static bool IsScalar(JsonElement e) => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    private static bool IsIndexLabel(string name) => name.Length > 0 && name.All(char.IsAsciiDigit);

    private static int SameLength(List<JsonProperty> properties)
    {
        int n = properties[0].Value.GetArrayLength();
        return properties.All(p => p.Value.GetArrayLength() == n) && properties.All(p => p.Value.EnumerateArray().All(IsScalar)) ? n : -1;
    }

    private static List<string>? SameKeys(List<JsonProperty> properties)
    {
        var keys = properties[0].Value.EnumerateObject().Select(p => p.Name).ToList();
        if (keys.Count == 0) return null;
        var set = keys.ToHashSet(StringComparer.Ordinal);
        return properties.All(p => p.Value.EnumerateObject().Select(q => q.Name).ToHashSet(StringComparer.Ordinal).SetEquals(set)) ? keys : null;
    }

    /// <summary>Each element a record (flattened), located by its row number.</summary>
    private static RawTable Rows(List<JsonElement> records, string source, string? layout, Func<string, bool>? numbersOnly, IRowSink? sink)
    {
        var table = new TableBuilder(source, RowLocator.Row, records.Count, numbersOnly: numbersOnly, sink: sink);
        var reader = new JsonRecordReader(table);
        foreach (var record in records)
        {
            if (record.ValueKind != JsonValueKind.Object)
                throw new DataException($"row {table.Total + 1} of {layout ?? "the JSON"} is not a record (an object).", source);
            // The record's own UTF-8 bytes, without a string in between (a folder of one-record files reads thousands).
            var json = new Utf8JsonReader(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(record));
            json.Read();
            reader.ReadRecord(ref json, table.Total + 1);
            table.EndRow((int)table.Total + 1);
        }
        if (table.Total == 0) throw new DataException("the JSON holds no records.", source) { HoldsNoRows = true };
        return table.Build(layout is null ? [] : [$"read the JSON as {layout}"]);
    }

    private static RawTable Split(JsonElement columns, JsonElement data, string source, Func<string, bool>? numbersOnly, IRowSink? sink)
    {
        var names = columns.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()! : c.GetRawText()).ToList();
        Headers.RequireDistinct(names, source, null);
        var rows = data.EnumerateArray().Select((row, i) =>
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != names.Count)
                throw new DataException($"row {i + 1} of \"data\" does not have {names.Count} values, one per name in \"columns\".", source);
            return row.EnumerateArray().ToList();
        }).ToList();
        return Cells(names, rows.Count, (c, r) => rows[r][c], source, "split", numbersOnly, sink);
    }

    private static RawTable ColumnsOfArrays(List<JsonProperty> properties, int n, string source, Func<string, bool>? numbersOnly, IRowSink? sink)
    {
        var cells = properties.Select(p => p.Value.EnumerateArray().ToList()).ToList();
        return Cells(properties.Select(p => p.Name).ToList(), n, (c, r) => cells[c][r], source, "columns", numbersOnly, sink);
    }

    private static RawTable ColumnsOfObjects(List<JsonProperty> properties, List<string> index, string source, Func<string, bool>? numbersOnly, IRowSink? sink)
    {
        // By position, not JsonElement.GetProperty (a linear search: quadratic in the rows of pandas' default layout).
        index = [.. index.Distinct(StringComparer.Ordinal)];   // a key given twice in the JSON: the last value, as GetProperty did
        var position = new Dictionary<string, int>(index.Count, StringComparer.Ordinal);
        for (int i = 0; i < index.Count; i++) position.TryAdd(index[i], i);
        var cells = properties.Select(p =>
        {
            var column = new JsonElement[index.Count];
            foreach (var cell in p.Value.EnumerateObject()) column[position[cell.Name]] = cell.Value;
            return column;
        }).ToList();
        return Cells(properties.Select(p => p.Name).ToList(), index.Count, (c, r) => cells[c][r], source, "columns", numbersOnly, sink);
    }

    private static RawTable Cells(List<string> names, int rows, Func<int, int, JsonElement> cell, string source, string layout, Func<string, bool>? numbersOnly, IRowSink? sink)
    {
        Headers.RequireDistinct(names, source, null);
        var table = new TableBuilder(source, RowLocator.Row, rows, numbersOnly: numbersOnly, sink: sink);
        var index = names.Select(table.Column).ToArray();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < index.Length; c++)
            {
                var value = cell(c, r);
                table.Take(index[c]);
                AddScalar(table, index[c], value);
            }
            table.EndRow(r + 1);
        }
        if (table.Total == 0) throw new DataException("the JSON holds no rows.", source) { HoldsNoRows = true };
        return table.Build([$"read the JSON as columns (pandas orient=\"{layout}\")"]);
    }
}

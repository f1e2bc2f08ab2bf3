using System.Globalization;
using System.Text;
using CsCheck;
using Parquet.Schema;

namespace ScalingFit.Tests.Data.Streaming;

/// <summary>
/// A random training log for the streaming tests, written out in any input format: runs r0..r5 of
/// four sizes N, steps (now and then empty or not a number), losses (now and then empty or nan),
/// a family a/b/c, and a tag column that is numbers or text in a proportion drawn per table (so
/// columns turn to text, or not, part-way as a whole column would).
/// </summary>
internal sealed record LogTable(LogRow[] Rows)
{
    public static readonly string[] Formats = ["csv", "csv.gz", "tsv", "jsonl", "json", "parquet", "folder"];

    public static Gen<LogTable> Gen(int maxRows) =>
        CsCheck.Gen.Double[0, 1].SelectMany(textShare => Row(textShare).Array[1, maxRows]).Select(rows => new LogTable(rows));

    private static Gen<LogRow> Row(double textShare) =>
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 5], CsCheck.Gen.Int[0, 40], CsCheck.Gen.Int[0, 3], CsCheck.Gen.Double[1.8, 4],
            CsCheck.Gen.Int[0, 2], CsCheck.Gen.Double[0, 1], CsCheck.Gen.Int[0, 9], CsCheck.Gen.Int[0, 399])
        .Select((run, step, size, loss, family, tag, tagValue, odd) => new LogRow(
            "r" + run,
            odd == 0 ? "" : odd == 1 ? "x" : step.ToString(CultureInfo.InvariantCulture),
            (new[] { 1e8, 2e8, 4e8, 1e9 })[size],
            odd == 2 ? "" : odd == 3 ? "nan" : loss.ToString("R", CultureInfo.InvariantCulture),
            "abc"[family].ToString(),
            tag < textShare ? "t" + tagValue : tagValue.ToString(CultureInfo.InvariantCulture)));

    private static readonly string[] Header = ["run", "step", "N", "loss", "family", "tag"];

    private static string[] Cells(LogRow r) => [r.Run, r.Step, r.N.ToString("R", CultureInfo.InvariantCulture), r.Loss, r.Family, r.Tag];

    public string Csv(char separator = ',') =>
        string.Join(separator, Header) + "\n" + string.Concat(Rows.Select(r => string.Join(separator, Cells(r)) + "\n"));

    public string JsonLines() => string.Concat(Rows.Select(r => Json(r) + "\n"));

    public string JsonRecords() => "[\n" + string.Join(",\n", Rows.Select(Json)) + "\n]";

    private static string Json(LogRow r) =>
        "{" + string.Join(", ", Header.Zip(Cells(r), (name, cell) => $"\"{name}\": {JsonValue(cell)}")) + "}";

    private static string JsonValue(string cell) =>
        cell.Length == 0 ? "null" : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? cell : $"\"{cell}\"";

    /// <summary>Parquet in row groups of up to 7 rows: steps and losses as nullable doubles (a cell that is not a number is null).</summary>
    public async Task<byte[]> Parquet()
    {
        var schema = new ParquetSchema(new DataField<string>("run"), new DataField<double?>("step"), new DataField<double>("N"),
            new DataField<double?>("loss"), new DataField<string>("family"), new DataField<string>("tag"));
        using var memory = new MemoryStream();
        var writer = await global::Parquet.ParquetWriter.CreateAsync(schema, memory);
        for (int start = 0; start < Rows.Length; start += 7)
        {
            var part = Rows[start..Math.Min(Rows.Length, start + 7)];
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(schema.DataFields[0], part.Select(r => r.Run).ToArray());
            await group.WriteAsync<double>(schema.DataFields[1], part.Select(r => Number(r.Step)).ToArray());
            await group.WriteAsync<double>(schema.DataFields[2], part.Select(r => r.N).ToArray());
            await group.WriteAsync<double>(schema.DataFields[3], part.Select(r => Number(r.Loss)).ToArray());
            await group.WriteAsync(schema.DataFields[4], part.Select(r => r.Family).ToArray());
            await group.WriteAsync(schema.DataFields[5], part.Select(r => r.Tag).ToArray());
        }
        await writer.DisposeAsync();
        return memory.ToArray();
    }

    private static double? Number(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>The bytes of a single-file format.</summary>
    public byte[] Bytes(string format) => format switch
    {
        "csv" => Encoding.UTF8.GetBytes(Csv()),
        "tsv" => Encoding.UTF8.GetBytes(Csv('\t')),
        "csv.gz" => SmallTable.Gzip(Encoding.UTF8.GetBytes(Csv())),
        "jsonl" => Encoding.UTF8.GetBytes(JsonLines()),
        "json" => Encoding.UTF8.GetBytes(JsonRecords()),
        "parquet" => Parquet().GetAwaiter().GetResult(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>A folder of up to three files of different formats holding the rows in order.</summary>
    public void WriteFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        int third = Math.Max(1, Rows.Length / 3);
        var parts = new[] { Rows[..Math.Min(third, Rows.Length)], Rows[Math.Min(third, Rows.Length)..Math.Min(2 * third, Rows.Length)], Rows[Math.Min(2 * third, Rows.Length)..] };
        string[] formats = ["csv", "jsonl", "parquet"];
        for (int k = 0; k < parts.Length; k++)
        {
            if (parts[k].Length == 0) continue;
            File.WriteAllBytes(Path.Combine(folder, $"part{k}.{formats[k]}"), new LogTable(parts[k]).Bytes(formats[k]));
        }
    }
}

internal sealed record LogRow(string Run, string Step, double N, string Loss, string Family, string Tag);

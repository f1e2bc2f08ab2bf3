using System.Globalization;
using System.Text;
using CsCheck;
using ScalingFit.Data;

namespace ScalingFit.Tests.Data.Streaming;

/// <summary>
/// The selection applied while reading (<see cref="StreamingRuns"/>) against the independent way of
/// getting the same runs: read the whole table, then filter and select (<see cref="RunPreparation.Prepare"/>).
/// They must agree on everything a user sees: the rows, their order, every cell, file and line,
/// the notes and the warnings, or the same error.
/// </summary>
public class StreamingSelectionTests
{
    private static readonly string[] Filters =
    [
        "", "step >= 5", "family in (a, b)", "loss < 3 or family = c", "not (N > 2e8)", "tag = t1",
        "step != 3 and tag != 5", "tag < 5", "nothing > 1", "N > 1e12",
    ];

    private static readonly RunSelection[] Selections =
    [
        new(),
        new() { RunColumns = ["run"], StepColumn = "step" },
        new() { RunColumns = ["run"] },
        new() { RunColumns = ["run"], Checkpoint = CheckpointChoice.Min },
        new() { RunColumns = ["run", "family"], Checkpoint = CheckpointChoice.Max, SelectBy = "step" },
        new() { RunColumns = ["N"], Checkpoint = CheckpointChoice.Min, SelectBy = "tag" },
        new() { RunColumns = ["family"], StepColumn = "step", DropIncomplete = true, DropInvalid = true },
        new() { RunColumns = ["run", "N"], Checkpoint = CheckpointChoice.Min, DropInvalid = true },
    ];

    [Fact]
    public void Load_RandomLogsFiltersAndSelections_SameRunsAsReadingWholeThenSelecting()
    {
        int cases = 0, selected = 0;
        Gen.Select(LogTable.Gen(150), Gen.Int[0, LogTable.Formats.Length - 1], Gen.Int[0, Filters.Length - 1], Gen.Int[0, Selections.Length - 1], Gen.Int[1, 9])
            .Sample((table, format, filter, selection, chunk) =>
            {
                var chosen = Selections[selection] with { Where = Filters[filter].Length == 0 ? [] : [RowFilter.Parse(Filters[filter])] };
                var (whole, streamed) = Both(table, LogTable.Formats[format], chosen, chunk);
                Assert.Equal(whole, streamed);
                cases++;
                if (!whole.Contains("Exception: ", StringComparison.Ordinal)) selected++;
            }, iter: 400, threads: 1);
        // Most cases select runs (the rest are errors both ways: a bad step, a NaN loss, a filter naming no column).
        Assert.InRange(selected, cases / 2, cases);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    [InlineData("parquet")]
    [InlineData("folder")]
    public void Load_ManyRowsFewRuns_HoldsAboutTheRunsNotTheRows(string format)
    {
        // 3,000 rows of 6 runs read 16 rows at a time: what is held at once is a chunk and the best rows, not the log.
        var rows = Enumerable.Range(0, 3000).Select(i => new LogRow("r" + i % 6, (i / 6).ToString(CultureInfo.InvariantCulture), 1e8 * (1 + i % 6),
            (3 - i * 1e-4).ToString("R", CultureInfo.InvariantCulture), "a", "1")).ToArray();
        var selection = new RunSelection { RunColumns = ["run"], StepColumn = "step" };
        var (whole, streamed) = Both(new LogTable(rows), format, selection, 16);
        Assert.Equal(whole, streamed);
        var sink = new StreamingSelection(RunReadOptions.Default, selection, 16);
        using var input = new MemoryStream(new LogTable(rows).Bytes(format == "folder" ? "csv" : format));
        TableReader.Read(input, "log", sink: sink);
        Assert.Equal(3000, sink.RowsRead);
        // A chunk (16 rows, or 4 rows per run kept so merging stays cheap; Parquet hands over row groups of 7) and the best rows twice.
        Assert.InRange(sink.PeakRowsHeld, 6, Math.Max(16, 4 * 6) + 7 + 2 * 6);
    }

    [Fact]
    public void Load_BadStepInAKeptRowOfALaterChunk_NamesFileAndLine()
    {
        var rows = Enumerable.Range(0, 40).Select(i => new LogRow("r" + i % 4, i == 33 ? "x" : i.ToString(CultureInfo.InvariantCulture), 1e8, "3", "a", "1")).ToArray();
        var e = Assert.Throws<DataException>(() => StreamingRuns.Load(new MemoryStream(new LogTable(rows).Bytes("csv")), "log.csv",
            RunReadOptions.Default, new RunSelection { RunColumns = ["run"], StepColumn = "step" }, 8));
        Assert.Equal("log.csv", e.Source);
        Assert.Equal(35, e.Line); // the header is line 1, row 33 (0-based) is line 35
        Assert.Equal("step", e.Column);
    }

    [Fact]
    public void Load_BadStepInARowTheFilterDrops_NotValidated()
    {
        var rows = Enumerable.Range(0, 40).Select(i => new LogRow("r" + i % 4, i == 33 ? "x" : i.ToString(CultureInfo.InvariantCulture), 1e8, "3", i == 33 ? "b" : "a", "1")).ToArray();
        var runs = StreamingRuns.Load(new MemoryStream(new LogTable(rows).Bytes("csv")), "log.csv", RunReadOptions.Default,
            new RunSelection { RunColumns = ["run"], StepColumn = "step", Where = [RowFilter.Parse("family = a")] }, 8);
        // The last step of each run r0..r3 among rows 0..39 without row 33 (a run r1 row): 36, 37 (not 33), 38, 39.
        Assert.Equal(["36", "37", "38", "39"], Enumerable.Range(0, 4).Select(i => runs.Text("step", i)));
        Assert.Contains("kept 39 of 40 rows where family = a", runs.Notes);
        Assert.Contains(runs.Notes, n => n.StartsWith("kept the last checkpoint (highest step) of each of 4 runs", StringComparison.Ordinal) && n.EndsWith("; 39 rows)", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ColumnAppearingLateChangesWhatAFilterReads_ReadAgainWholeFromAFileOrRefusedFromAPipe()
    {
        // 'N' first reads the column 'params' (an alias); a column named N itself appears on line 31 and takes over.
        var lines = Enumerable.Range(0, 40).Select(i =>
            "{\"run\": \"r" + i % 4 + "\", \"params\": " + (i % 2 == 0 ? "1e8" : "1e9") + ", \"loss\": 3" +
            (i >= 30 ? ", \"N\": " + (i % 3 == 0 ? "5e8" : "5e10") : "") + "}\n");
        var bytes = Encoding.UTF8.GetBytes(string.Concat(lines));
        var selection = new RunSelection { Where = [RowFilter.Parse("N > 2e8")] };
        var whole = Render(() => RunPreparation.Prepare(RunReader.Read(new MemoryStream(bytes), "log.jsonl"), selection));
        var streamed = Render(() => StreamingRuns.Load(new MemoryStream(bytes), "log.jsonl", RunReadOptions.Default, selection, 8));
        Assert.Equal(whole, streamed);
        var e = Assert.Throws<DataException>(() => StreamingRuns.Load(new OneWayStream(bytes), "<stdin>", RunReadOptions.Default, selection, 8));
        Assert.Contains("read the input from a file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LossKeyFirstAppearingLate_RowsKeptUntilTheNamesSayWhatTheSelectionReads()
    {
        var lines = Enumerable.Range(0, 40).Select(i =>
            "{\"run\": \"r" + i % 4 + "\", \"N\": 1e8, \"step\": " + i + (i >= 20 ? ", \"loss\": " + (4 - i * 0.01).ToString("R", CultureInfo.InvariantCulture) : "") + "}\n");
        var bytes = Encoding.UTF8.GetBytes(string.Concat(lines));
        var selection = new RunSelection { RunColumns = ["run"], Checkpoint = CheckpointChoice.Min, DropIncomplete = true };
        var whole = Render(() => RunPreparation.Prepare(RunReader.Read(new MemoryStream(bytes), "log.jsonl"), selection with { }));
        var streamed = Render(() => StreamingRuns.Load(new OneWayStream(bytes), "log.jsonl", RunReadOptions.Default, selection, 8));
        Assert.Equal(whole, streamed);
    }

    /// <summary>The materialised and the streamed result of one case, rendered.</summary>
    private static (string Whole, string Streamed) Both(LogTable table, string format, RunSelection selection, int chunk)
    {
        if (format == "folder")
        {
            string folder = Path.Combine(Path.GetTempPath(), "scalingfit-streaming-" + Guid.NewGuid().ToString("N"));
            try
            {
                table.WriteFolder(folder);
                return (Render(() => RunPreparation.Prepare(RunReader.ReadPath(folder), selection)),
                        Render(() => StreamingRuns.Load(folder, RunReadOptions.Default, selection, chunk)));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        var bytes = table.Bytes(format);
        return (Render(() => RunPreparation.Prepare(RunReader.Read(new MemoryStream(bytes), "log"), selection)),
                Render(() => StreamingRuns.Load(new MemoryStream(bytes), "log", RunReadOptions.Default, selection, chunk)));
    }

    /// <summary>Everything a user sees of a result: rows (file, line, every cell), quantities, notes, warnings; or the error.</summary>
    private static string Render(Func<RunSet> load)
    {
        RunSet runs;
        try
        {
            runs = load();
        }
        catch (ScalingFitException e)
        {
            return e.GetType().Name + ": " + e.Message;
        }
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{runs.Source}: {runs.Count} runs; columns {string.Join(", ", runs.ColumnNames)}");
        for (int i = 0; i < runs.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{runs.FileOf(i)}:{runs.Line(i)}");
            foreach (var c in runs.ColumnNames) text.Append(" | ").Append(runs.Text(c, i));
            foreach (var q in Quantities.All)
                if (runs.Has(q)) text.Append(" | ").Append(q).Append('=').Append(runs.RawValues(q)[i].ToString("R", CultureInfo.InvariantCulture));
            text.AppendLine();
        }
        foreach (var note in runs.Notes) text.AppendLine("note: " + note);
        foreach (var warning in runs.Warnings) text.AppendLine(CultureInfo.InvariantCulture, $"warning {warning.Code} ({warning.Column}): {warning.Message}");
        return text.ToString();
    }

    /// <summary>A stream that cannot seek, as standard input.</summary>
    private sealed class OneWayStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

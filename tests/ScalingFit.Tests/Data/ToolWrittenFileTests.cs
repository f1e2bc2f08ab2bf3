using ScalingFit.Data;

namespace ScalingFit.Tests.Data;

/// <summary>
/// Files written by other tools (Data/Fixtures/Tools: Python's json and gzip modules, pandas 1.5.3,
/// parquet-wasm, hyparquet-writer and parquetjs; the scripts that made them are beside them), each
/// holding the six runs of <see cref="SmallTable"/>: they read as that table.
/// </summary>
public class ToolWrittenFileTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "Tools", name);

    public static TheoryData<string> ParquetFiles => new()
    {
        "wasm-none.parquet", "wasm-snappy.parquet", "wasm-gzip.parquet", "wasm-zstd.parquet", "wasm-brotli.parquet",
        "wasm-lz4raw.parquet", "wasm-plain.parquet", "wasm-row-groups.parquet", "wasm-v2-pages.parquet", "wasm-categorical.parquet",
        "hyparquet-uncompressed-row-groups.parquet", "parquetjs-gzip.parquet", "parquetjs-snappy.parquet", "parquetjs-decimal.parquet",
    };

    [Theory]
    [MemberData(nameof(ParquetFiles))]
    public void ReadPath_ParquetOfEveryCodecEncodingAndRowGrouping_GivesTheTable(string file) =>
        SmallTable.AssertIsTheTable(RunReader.ReadPath(Fixture(file)));

    [Fact]
    public void ReadPath_ParquetOtherTypes_Int32InMillionsUint64Float32AndNulls()
    {
        var runs = RunReader.ReadPath(Fixture("wasm-types.parquet"));
        Assert.Equal(SmallTable.N, runs.Values(Quantity.ParameterCount).ToArray());   // 'params (M)', INT32 × 1e6
        Assert.Equal(SmallTable.D, runs.Values(Quantity.TrainingTokens).ToArray());   // UINT64
        var loss = runs.Values(Quantity.Loss).ToArray();                              // FLOAT: float32 rounding
        for (int i = 0; i < 6; i++) Assert.Equal((double)(float)SmallTable.Loss[i], loss[i]);
        Assert.Equal("", runs.Text("run", 2));
        Assert.Equal(["0.001", "", "0.002", "", "0.003", "0.004"], Enumerable.Range(0, 6).Select(i => runs.Text("lr", i)));
    }

    [Fact]
    public void ReadPath_ParquetNested_StructsFlattenToDottedNamesListsAreLeftOutWithANote()
    {
        var runs = RunReader.ReadPath(Fixture("wasm-nested.parquet"));
        SmallTable.AssertIsTheTable(runs, family: "config.family");
        Assert.Equal("0.006", runs.Text("config.lr", 5));
        Assert.Contains(runs.Notes, n => n.Contains("left out the list column 'curve", StringComparison.Ordinal));
        Assert.DoesNotContain(runs.ColumnNames, n => n.StartsWith("curve", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("python-nan.jsonl", new[] { 7, 8, 9 })]
    [InlineData("python-nan.json", new[] { 44, 51, 58 })]
    public void Read_PythonJsonNaNAndInfinity_AreThoseNumbersAndDropInvalidDropsThem(string file, int[] lines)
    {
        var rows = RunReader.ReadPath(Fixture(file));
        Assert.Equal(9, rows.Count);
        var loss = rows.RawValues(Quantity.Loss).ToArray();
        Assert.True(double.IsNaN(loss[6]));
        Assert.Equal(double.PositiveInfinity, loss[7]);
        Assert.Equal(double.NegativeInfinity, loss[8]);
        Assert.Equal("NaN and \"Infinity\"", rows.Text("note", 8));   // inside a string: text, as written
        Assert.Equal(lines, Enumerable.Range(6, 3).Select(i => (int)rows.Line(i)));

        var e = Assert.Throws<DataException>(() => RunPreparation.Prepare(rows, RunSelection.None));
        Assert.Contains($"line {lines[0]}, column 'loss'", e.Message);
        Assert.Contains("--drop-invalid", e.Message);

        var runs = RunPreparation.Prepare(rows, new RunSelection { DropInvalid = true });
        SmallTable.AssertIsTheTable(runs);
        Assert.Contains(runs.Notes, n => n.Contains($"dropped 3 runs whose loss is NaN or infinite (diverged; lines {lines[0]}, {lines[1]}, {lines[2]})", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_JsonLinesWithLinesLongerThanTheSniffedHead_AreJsonLines()
    {
        Assert.True(new FileInfo(Fixture("long-lines.jsonl")).Length / 6 > FormatSniffer.SniffLength);
        var runs = RunReader.ReadPath(Fixture("long-lines.jsonl"));
        SmallTable.AssertIsTheTable(runs);
        Assert.Equal("0.599", runs.Text("config.hp_599", 5));
        Assert.Equal(6L, runs.Line(5));
    }

    [Fact]
    public void ReadPath_GzipOfSeveralMembers_ReadsThemAll()
    {
        SmallTable.AssertIsTheTable(RunReader.ReadPath(Fixture("multi-member.csv.gz")));
        using var stream = File.OpenRead(Fixture("multi-member.csv.gz"));
        SmallTable.AssertIsTheTable(RunReader.Read(new NonSeekable(stream), "<stdin>"));
    }

    [Fact]
    public void ReadPath_GzipOfSeveralMembersCutShort_IsRefusedAsTruncated()
    {
        var e = Assert.Throws<DataException>(() => RunReader.ReadPath(Fixture("multi-member-truncated.csv.gz")));
        Assert.Contains("damaged or truncated", e.Message);
    }

    [Theory]
    [InlineData("pandas-columns.json")]
    [InlineData("pandas-index.json")]
    [InlineData("pandas-values-split.json")]
    public void ReadPath_PandasToJsonLayouts_GiveTheTable(string file) =>
        SmallTable.AssertIsTheTable(RunReader.ReadPath(Fixture(file)));

    [Fact]
    public void Prepare_PandasDecimalCommaCsv_NamesTheCellAndAsksForADecimalPointNotDroppingRows()
    {
        var rows = RunReader.ReadPath(Fixture("pandas-decimal-comma.csv"));
        var e = Assert.Throws<DataException>(() => RunPreparation.Prepare(rows, RunSelection.None));
        Assert.Contains("line 2, column 'D'", e.Message);
        Assert.Contains("'300000000000,0' is not a number: it looks like a decimal comma", e.Message);
        Assert.Contains("decimal=\".\"", e.Message);
        Assert.DoesNotContain("--drop-incomplete", e.Message);
    }

    [Fact]
    public void ReadPath_ParquetWithoutTheNamedColumn_NamesNoLine()
    {
        // Parquet has no lines: a message about its columns points at the file, not at a 'line 1'.
        var e = Assert.Throws<DataException>(() => RunReader.ReadPath(Fixture("wasm-types.parquet"), new RunReadOptions { LossColumn = "val_loss" }));
        Assert.StartsWith(Fixture("wasm-types.parquet") + ": the column 'val_loss'", e.Message);
        Assert.Null(e.Line);
    }

    [Fact]
    public void ReadPath_TrainerStateJson_TheLogHistoryRecordsAreTheRowsWithTheStateScalarsOnEach()
    {
        // A published trainer_state.json (transformers; SOURCES.md): what pandas.json_normalize(state,
        // record_path="log_history", meta=[scalar keys]) gives. Truth: the values as the file writes them.
        var rows = RunReader.ReadPath(Fixture("trainer-state-excerpt.json"), new RunReadOptions { LossColumn = "loss" });
        Assert.Equal(5, rows.Count);
        Assert.Equal([15.0, 30, 195, 200, 2800], rows.RawNumbers("step"));
        Assert.Equal(2.0762, rows.RawNumbers("loss")[0]);
        Assert.True(double.IsNaN(rows.RawNumbers("loss")[3]));                 // an evaluation record logs no training loss
        Assert.Equal(1.622266411781311, rows.RawNumbers("eval_loss")[3]);
        Assert.True(double.IsNaN(rows.RawNumbers("eval_loss")[0]));
        Assert.All(rows.RawNumbers("global_step"), v => Assert.Equal(2800, v));  // the state's scalars on every row
        Assert.All(rows.RawNumbers("total_flos"), v => Assert.Equal(7.124293413922406e+16, v));
        Assert.Equal("./results/checkpoint-2800", rows.Text("best_model_checkpoint", 4));
        Assert.Equal("", rows.Text("trial_name", 0));
        // A record's own key wins over the state's: each row keeps its own epoch, not the state's last one.
        Assert.Equal(0.010690423162583519, rows.RawNumbers("epoch")[0]);
        Assert.DoesNotContain(rows.ColumnNames, n => n.StartsWith("stateful_callbacks", StringComparison.Ordinal));
        Assert.Contains(rows.Notes, n => n.Contains("5 records of 'log_history'", StringComparison.Ordinal)
                                         && n.Contains("except where a record has its own ('epoch')", StringComparison.Ordinal));
    }

    /// <summary>A stream that cannot seek, as standard input.</summary>
    private sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

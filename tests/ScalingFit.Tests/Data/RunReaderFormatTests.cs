using ScalingFit.Data;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Data;

/// <summary>The same table in every format gives the same runs; formats are recognised by content.</summary>
public class RunReaderFormatTests
{
    public static TheoryData<string, string> TextLayouts => new()
    {
        { "csv", SmallTable.Csv }, { "tsv", SmallTable.Tsv }, { "semicolon", SmallTable.Semicolon },
        { "json lines", SmallTable.JsonLines }, { "json records", SmallTable.JsonRecords }, { "json columns", SmallTable.JsonColumns },
        { "json lists", SmallTable.JsonLists }, { "json split", SmallTable.JsonSplit }, { "json index", SmallTable.JsonIndex },
        { "json table", SmallTable.JsonTable }, { "csv with BOM and CRLF", "\uFEFF" + SmallTable.Csv.Replace("\n", "\r\n") },
    };

    [Theory]
    [MemberData(nameof(TextLayouts))]
    public void Read_EveryTextLayout_GivesTheTable(string layout, string text)
    {
        var runs = RunReader.Read(new MemoryStream(SmallTable.Bytes(text)), layout + ".txt");
        SmallTable.AssertIsTheTable(runs);
    }

    [Theory]
    [MemberData(nameof(TextLayouts))]
    public void Read_EveryLayoutGzipped_GivesTheTable(string layout, string text)
    {
        var runs = RunReader.Read(new MemoryStream(SmallTable.Gzip(SmallTable.Bytes(text))), layout + ".gz");
        SmallTable.AssertIsTheTable(runs);
    }

    [Fact]
    public void Read_ParquetFromAnotherWriter_GivesTheTable()
    {
        SmallTable.AssertIsTheTable(RunReader.ReadPath(SmallTable.ParquetPath));
        var gz = SmallTable.Gzip(File.ReadAllBytes(SmallTable.ParquetPath));
        SmallTable.AssertIsTheTable(RunReader.Read(new MemoryStream(gz), "small.parquet.gz"));
    }

    [Fact]
    public async Task Read_ParquetRequiredDoubleColumns_ReadInBulkGiveTheTable()
    {
        // Required (non-nullable) double columns take the bulk path; Parquet.Net writes them here.
        var schema = new Parquet.Schema.ParquetSchema(
            new Parquet.Schema.DataField<string>("run"), new Parquet.Schema.DataField<string>("family"),
            new Parquet.Schema.DataField<double>("N"), new Parquet.Schema.DataField<double>("D"), new Parquet.Schema.DataField<double>("loss"));
        using var memory = new MemoryStream();
        var writer = await Parquet.ParquetWriter.CreateAsync(schema, memory);
        foreach (var part in new[] { (0, 4), (4, 2) })
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(schema.DataFields[0], SmallTable.Runs[part.Item1..(part.Item1 + part.Item2)]);
            await group.WriteAsync(schema.DataFields[1], SmallTable.Families[part.Item1..(part.Item1 + part.Item2)]);
            await group.WriteAsync<double>(schema.DataFields[2], SmallTable.N[part.Item1..(part.Item1 + part.Item2)]);
            await group.WriteAsync<double>(schema.DataFields[3], SmallTable.D[part.Item1..(part.Item1 + part.Item2)]);
            await group.WriteAsync<double>(schema.DataFields[4], SmallTable.Loss[part.Item1..(part.Item1 + part.Item2)]);
        }
        await writer.DisposeAsync();
        var runs = RunReader.Read(new MemoryStream(memory.ToArray()), "two-groups.parquet");
        SmallTable.AssertIsTheTable(runs);
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], Enumerable.Range(0, 6).Select(runs.Line));
    }

    [Fact]
    public void Read_ParquetTypesAndNulls_NumbersTextAndEmptyCells()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "types.parquet");
        var runs = RunReader.ReadPath(path);
        Assert.Equal(4, runs.Count);
        Assert.Equal([4.5, 4.25, 4.0], runs.RawValues(Quantity.Loss)[..3].ToArray());
        Assert.Equal("true", runs.Text("converged", 0));
        Assert.Equal("", runs.Text("name", 1));
        var e = Assert.Throws<DataException>(() => runs.Values(Quantity.ParameterCount).ToArray());
        Assert.Contains("row 3", e.Message);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Read_FileExtensionIsIgnored_ContentDecides()
    {
        using var file = new TempFile(SmallTable.JsonLines, ".csv");
        SmallTable.AssertIsTheTable(RunReader.ReadPath(file.Path));
    }

    [Fact]
    public void ReadPath_FolderOfNestedRecords_FlattensLikeJsonNormalizeInPathOrder()
    {
        using var folder = new TempFolder();
        // Written in reverse order: the files are read in the order of their names, not of creation.
        for (int i = 5; i >= 0; i--) File.WriteAllText(folder.File($"run-{i}.json"), SmallTable.NestedRecord(i));
        File.WriteAllText(folder.File("README.md"), "# runs\n");
        var options = new RunReadOptions
        {
            ParameterCountColumn = "config.model.params", TrainingTokensColumn = "data.tokens", LossColumn = "results.1.loss",
        };
        var runs = RunReader.ReadPath(folder.Path, options);
        SmallTable.AssertIsTheTable(runs, family: "config.family");
        Assert.Equal("run-0.json", runs.Text("file", 0));
        Assert.Equal("run-5.json", runs.Text("file", 5));
        Assert.Equal("9.9", runs.Text("results.0.loss", 3));
        Assert.Contains(runs.Notes, n => n.Contains("skipped 1 file that is not data") && n.Contains("README.md"));
    }

    [Fact]
    public void ReadPath_Glob_ConcatenatesMatchesInOrderWithTheirLines()
    {
        using var folder = new TempFolder();
        var lines = SmallTable.JsonLines.Split('\n');
        File.WriteAllText(folder.File("b.jsonl"), string.Join('\n', lines[3..]));
        File.WriteAllText(folder.File("a.jsonl"), string.Join('\n', lines[..3]));
        File.WriteAllText(folder.File("c.txt"), "not matched");
        var runs = RunReader.ReadPath(Path.Combine(folder.Path, "*.jsonl"));
        SmallTable.AssertIsTheTable(runs);
        Assert.Equal((3L, "a.jsonl"), (runs.Line(2), runs.Text("file", 2)));
        Assert.Equal((1L, "b.jsonl"), (runs.Line(3), runs.Text("file", 3)));
        Assert.EndsWith("b.jsonl", runs.FileOf(3));
    }

    [Fact]
    public void ReadPath_FolderWithRunsThatLoggedNothingAndHiddenFiles_SkipsAndCountsThem()
    {
        using var folder = new TempFolder();
        var lines = SmallTable.Csv.Split('\n');
        File.WriteAllText(folder.File("a.csv"), string.Join('\n', lines[..4]) + "\n");
        File.WriteAllText(folder.File("b.csv"), lines[0] + "\n");                       // a header only
        File.WriteAllText(folder.File("c.jsonl"), "");                                  // nothing at all
        File.WriteAllText(folder.File("d.csv"), lines[0] + "\n" + string.Join('\n', lines[4..]));
        File.WriteAllText(folder.File(".e.csv"), "junk");
        Directory.CreateDirectory(Path.Combine(folder.Path, ".cache"));
        File.WriteAllText(Path.Combine(folder.Path, ".cache", "f.csv"), "junk");
        var runs = RunReader.ReadPath(folder.Path);
        SmallTable.AssertIsTheTable(runs);
        Assert.Contains("read 2 files in order of their paths", runs.Notes);
        Assert.Contains("skipped 2 files with no rows (empty, or a header only): b.csv, c.jsonl", runs.Notes);
        Assert.Contains(runs.Notes, n => n.StartsWith("skipped 2 hidden files", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ColumnsLayoutWithAnIndexKeyGivenTwice_TakesTheLastValue()
    {
        // JSON allows a key twice; as JsonElement.GetProperty and Python's json.loads, the last one counts.
        var runs = RunReader.Parse("""{"N": {"0": 1e8, "1": 9e9, "1": 2e8, "2": 4e8}, "loss": {"0": 3.0, "1": 2.9, "2": 2.7}}""");
        Assert.Equal([1e8, 2e8, 4e8], runs.Values(Quantity.ParameterCount).ToArray());
    }

    [Fact]
    public void ReadPath_FileNamedLikeAGlob_IsThatFile()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("runs*.csv"), SmallTable.Csv);
        File.WriteAllText(folder.File("runs-old.csv"), "N,loss\n1,1\n");
        SmallTable.AssertIsTheTable(RunReader.ReadPath(folder.File("runs*.csv")));
    }

    [Fact]
    public void ReadPath_FolderWithDifferentColumns_UnitesThemWithEmptyCells()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("1.csv"), "N,loss,lr\n1e8,3.0,3e-4\n");
        File.WriteAllText(folder.File("2.csv"), "N,loss,seed\n2e8,2.8,7\n");
        var runs = RunReader.ReadPath(folder.Path);
        Assert.Equal(["N", "loss", "lr", "seed", "file"], runs.ColumnNames);
        Assert.Equal(("3e-4", ""), (runs.Text("lr", 0), runs.Text("lr", 1)));
        Assert.Equal(("", "7"), (runs.Text("seed", 0), runs.Text("seed", 1)));
    }

    [Fact]
    public void Read_WideChartExport_MeltsIntoRowsPerRunAndStep()
    {
        const string wide = """
            Step,small - eval/loss,small - eval/loss__MIN,small - eval/loss__MAX,big - eval/loss,big - eval/loss__MIN,big - eval/loss__MAX
            100,4.1,4.0,4.2,3.9,3.8,4.0
            200,3.5,3.4,3.6,,,
            300,,,,3.1,3.0,3.2

            """;
        var runs = RunReader.Read(new MemoryStream(SmallTable.Bytes(wide)), "wandb.csv",
            new RunReadOptions { Wide = true, RequireLoss = true, LossColumn = "eval/loss" });
        Assert.Equal(4, runs.Count);
        Assert.Equal(["small", "big", "small", "big"], Enumerable.Range(0, 4).Select(i => runs.Text("run", i)));
        Assert.Equal(["100", "100", "200", "300"], Enumerable.Range(0, 4).Select(i => runs.Text("Step", i)));
        Assert.Equal([4.1, 3.9, 3.5, 3.1], runs.Values(Quantity.Loss).ToArray());
        Assert.Equal([2L, 2L, 3L, 4L], Enumerable.Range(0, 4).Select(runs.Line));
        Assert.Contains(runs.Notes, n => n.Contains("2 runs × 1 metrics") && n.Contains("4 __MIN/__MAX columns dropped"));
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x04, 0x95, 0x10 }, "Python pickle")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14 }, "zip archive")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "PDF")]
    [InlineData(new byte[] { 0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A }, "HDF5")]
    [InlineData(new byte[] { 0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59 }, "NumPy")]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0x03, 0x04 }, "binary data")]
    public void Read_NotATable_SaysWhatItLooksLikeAndHowToExport(byte[] head, string looksLike)
    {
        var e = Assert.Throws<DataException>(() => RunReader.Read(new MemoryStream([.. head, .. new byte[64]]), "x.bin"));
        Assert.Contains(looksLike, e.Message);
        Assert.StartsWith("x.bin: this looks like", e.Message);
    }

    [Fact]
    public void Read_Notebook_Refuses()
    {
        const string notebook = """{"cells": [{"cell_type": "code", "source": ["df.to_csv()"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""";
        var e = Assert.Throws<DataException>(() => RunReader.Parse(notebook, "analysis.ipynb"));
        Assert.Contains("Jupyter notebook", e.Message);
        Assert.Contains("to_csv", e.Message);
    }

    [Theory]
    [InlineData(InputFormat.Csv, "N,loss\n1,2\n")]
    [InlineData(InputFormat.JsonLines, "{\"N\": 1}\n{\"N\": 2}\n")]
    [InlineData(InputFormat.Json, "[{\"N\": 1}]")]
    [InlineData(InputFormat.Json, "{\n  \"N\": 1\n}\n")]
    [InlineData(InputFormat.Parquet, "PAR1")]
    [InlineData(InputFormat.Empty, "  \n ")]
    public void Detect_FirstBytes_NameTheFormat(InputFormat expected, string head) =>
        Assert.Equal(expected, FormatSniffer.Detect(SmallTable.Bytes(head)));
}

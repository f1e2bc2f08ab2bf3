using System.Globalization;
using CsCheck;
using ScalingFit.Data;

namespace ScalingFit.Tests.Data;

/// <summary>
/// Fuzzes the readers with CsCheck: valid files of every format, mutated (bytes flipped, inserted,
/// deleted, chunks duplicated, truncated, tokens that break parsers spliced in), are read and
/// prepared; the only exceptions allowed are the library's own (<see cref="ScalingFitException"/>),
/// which the CLI turns into a message. The in-suite count is modest; the full run
/// (tests/ScalingFit.Benchmarks/fuzz-readers.sh) sets SCALINGFIT_FUZZ_ITERATIONS per format.
/// </summary>
public class ReaderFuzzTests
{
    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("SCALINGFIT_FUZZ_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : 400;

    private static readonly byte[][] Tokens =
        [.. new[] { ",", ";", "\t", "\"", "\n", "\r\n", "{", "}", "[", "]", ":", "NaN", "1e400", "-", "\0", "\uFEFF", "null", "\"a\":", ".", "e", "9999999999999999999999" }
            .Select(t => SmallTable.Bytes(t)), [0xFF], [0xC3], [0x80, 0x04]];

    public static TheoryData<string> Formats =>
        ["csv", "tsv", "jsonl", "json-records", "json-columns", "parquet", "csv.gz", "jsonl.gz", "json-python-nan", "jsonl-long-lines", "csv.gz-members"];

    private static byte[] Tool(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "Tools", name));

    private static byte[] Valid(string format) => format switch
    {
        "csv" => SmallTable.Bytes(SmallTable.Csv),
        "tsv" => SmallTable.Bytes(SmallTable.Tsv),
        "jsonl" => SmallTable.Bytes(SmallTable.JsonLines),
        "json-records" => SmallTable.Bytes(SmallTable.JsonRecords),
        "json-columns" => SmallTable.Bytes(SmallTable.JsonColumns),
        "parquet" => File.ReadAllBytes(SmallTable.ParquetPath),
        "csv.gz" => SmallTable.Gzip(SmallTable.Bytes(SmallTable.Csv)),
        "json-python-nan" => Tool("python-nan.json"),
        "jsonl-long-lines" => Tool("long-lines.jsonl"),
        "csv.gz-members" => Tool("multi-member.csv.gz"),
        _ => SmallTable.Gzip(SmallTable.Bytes(SmallTable.JsonLines)),
    };

    /// <summary>One mutation: kind, where (a fraction of the length), a byte, a token, a length.</summary>
    private static readonly Gen<(int Kind, double At, byte Byte, int Token, int Length)> Mutation =
        Gen.Select(Gen.Int[0, 5], Gen.Double[0, 1], Gen.Byte, Gen.Int[0, Tokens.Length - 1], Gen.Int[1, 64]);

    /// <param name="valid">A valid file.</param>
    /// <param name="mutations">The mutations.</param>
    /// <param name="protect">Bytes at the end left alone: a Parquet footer, whose damage makes Parquet.Net 6.1 loop
    /// forever (the reader's watchdog stops the wait; <see cref="Read_ParquetDamagedFooter_StoppedByTheWatchdog"/>).</param>
    internal static byte[] Mutate(byte[] valid, (int Kind, double At, byte Byte, int Token, int Length)[] mutations, int protect = 0)
    {
        var bytes = new List<byte>(valid[..^protect]);
        foreach (var (kind, at, b, token, length) in mutations)
        {
            int i = Math.Min(bytes.Count, (int)(at * bytes.Count));
            switch (kind)
            {
                case 0 when i < bytes.Count: bytes[i] = b; break;
                case 1: bytes.Insert(i, b); break;
                case 2 when i < bytes.Count: bytes.RemoveRange(i, Math.Min(length, bytes.Count - i)); break;
                case 3: bytes.RemoveRange(i, bytes.Count - i); break;
                case 4: bytes.InsertRange(i, bytes.GetRange(i, Math.Min(length, bytes.Count - i))); break;
                default: bytes.InsertRange(i, Tokens[token]); break;
            }
        }
        return [.. bytes, .. valid[^protect..]];
    }

    /// <summary>Reads and prepares the bytes as the CLI would; only the library's own exceptions may escape.</summary>
    internal static void ReadAsTheCliWould(byte[] bytes)
    {
        try
        {
            var runs = RunPreparation.Prepare(RunReader.Read(new MemoryStream(bytes), "fuzz"), RunSelection.None);
            foreach (var q in Quantities.All) if (runs.Has(q)) _ = runs.Values(q);
            for (int i = 0; i < runs.Count; i++) foreach (var c in runs.ColumnNames) _ = runs.Text(c, i);
        }
        catch (ScalingFitException)
        {
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Read_MutatedFiles_OnlyTheLibrarysOwnErrors(string format)
    {
        var valid = Valid(format);
        ReadAsTheCliWould(valid);
        int footer = format == "parquet" ? BitConverter.ToInt32(valid, valid.Length - 8) + 8 : 0;
        Mutation.Array[1, 8].Sample(mutations => ReadAsTheCliWould(Mutate(valid, mutations, footer)), iter: Iterations, threads: 1);
    }

    [Fact]
    public void Read_ParquetDamagedFooter_StoppedByTheWatchdog()
    {
        // A mutation of small.parquet's footer that Parquet.Net 6.1 reads forever (found by this fuzzer).
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "damaged-footer.parquet");
        var saved = ParquetTableReader.Watchdog;
        ParquetTableReader.Watchdog = TimeSpan.FromSeconds(1);
        try
        {
            var e = Assert.Throws<DataException>(() => RunReader.ReadPath(path));
            Assert.Contains("could not be read within", e.Message);
        }
        finally
        {
            ParquetTableReader.Watchdog = saved;
        }
    }
}

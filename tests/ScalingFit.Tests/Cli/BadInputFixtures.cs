using System.IO.Compression;
using System.Text;

namespace ScalingFit.Tests.Cli;

/// <summary>A bad input: the file's bytes (or null for a path made by <see cref="Setup"/>), the command, and what the message must name.</summary>
public sealed record BadInput(string Name, byte[]? Bytes, string[] Args, int ExitCode, params string[] Expected)
{
    /// <summary>Makes the input in the folder and returns the path to pass, when it is not a plain file.</summary>
    public Func<string, string>? Setup { get; init; }

    public override string ToString() => Name;
}

/// <summary>
/// The kinds of bad input the readers meet, one fixture each (issue 9: at least 60): empty, header
/// only, BOM, CRLF, ragged, non-UTF-8, 1e400, integers beyond 64 bits, commas in numbers, binary
/// files, folders, unreadable files, duplicate headers, malformed JSON and Parquet, bad options.
/// </summary>
public static class BadInputFixtures
{
    private static byte[] T(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Gzip(byte[] data)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest)) gzip.Write(data);
        return memory.ToArray();
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private const string Good = "N,D,loss\n1e8,2e9,3.1\n4e8,8e9,2.7\n1.6e9,3.2e10,2.3\n";

    private static string ParquetFixture(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", name);

    private static string ToolFixture(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "Tools", name);

    public static IReadOnlyList<BadInput> All { get; } =
    [
        // CSV and its cells
        new("empty", [], ["fit"], 1, "f: ", "empty"),
        new("header only", T("N,loss\n"), ["fit"], 1, "no rows"),
        new("blank lines", T("\n\n  \n"), ["fit"], 1, "empty"),
        new("BOM and header only", T("\uFEFFN,loss\r\n"), ["fit"], 1, "no rows"),
        new("ragged row, more fields", T("N,loss\n1e8,3\n2e8,2.9,7\n"), ["fit"], 1, "line 3", "3 fields but the header has 2"),
        new("ragged row, fewer fields", T("N,D,loss\n1e8,2e9,3\n2e8,2.9\n"), ["fit"], 1, "line 3", "2 fields"),
        new("thousands separators", T("N,loss\n\"10,000,000\",3.1\n2e8,2.9\n"), ["fit"], 1, "line 2, column 'N'", "thousands separators"),
        new("decimal comma, semicolons", T("N;loss\n1e8;5,7\n2e8;4,9\n"), ["fit"], 1, "line 2, column 'loss'", "decimal comma"),
        new("comma in text where a number goes", T("N,loss\n1e8,\"n/a,missing\"\n2e8,2.9\n"), ["fit"], 1, "line 2, column 'loss'", "'n/a,missing' is not a number"),
        new("comma decimal in predict", T("N,loss\n\"1,5e8\",3\n2e8,2.9\n"), ["predict", "--at", "N=1e10"], 1, "line 2, column 'N'"),
        new("comma decimal in plot", T("N,loss\n1e8,\"2,5\"\n2e8,2.9\n"), ["plot", "--out", "x.svg"], 1, "line 2, column 'loss'", "decimal comma"),
        new("comma decimal in report", T("N,loss\n1e8,\"2,5\"\n2e8,2.9\n"), ["report", "--out", "r"], 1, "line 2, column 'loss'"),
        new("text in N", T("N,loss\n1e8,3\nbig,2.9\n"), ["fit"], 1, "line 3, column 'N'", "'big' is not a number"),
        new("empty loss cell", T("N,loss\n1e8,3\n2e8,\n"), ["fit"], 1, "line 3, column 'loss'", "empty", "--drop-incomplete"),
        new("NaN loss", T("N,loss\n1e8,3\n2e8,nan\n"), ["fit"], 1, "line 3, column 'loss'", "NaN", "--drop-invalid"),
        new("infinite loss", T("N,loss\n1e8,3\n2e8,inf\n"), ["fit"], 1, "line 3, column 'loss'", "infinite"),
        new("1e400", T("N,loss\n1e400,3\n2e8,2.9\n"), ["fit"], 1, "line 2, column 'N'", "beyond the range of a double"),
        new("negative N", T("N,loss\n-1e8,3\n2e8,2.9\n"), ["fit"], 1, "line 2, column 'N'", "negative"),
        new("zero D", T("N,D,loss\n1e8,0,3\n2e8,4e9,2.9\n4e8,8e9,2.7\n"), ["fit", "--law", "joint", "--x", "N,D"], 1, "line 2, column 'D'", "zero"),
        new("d_model beyond 64 bits", T("d_model,n_layer,loss\n99999999999999999999,12,3\n1024,24,2.9\n"), ["fit"], 1, "line 2, column 'd_model'", "positive integer"),
        new("n_layer not an integer", T("d_model,n_layer,loss\n768,12.5,3\n1024,24,2.9\n"), ["fit"], 1, "line 2, column 'n_layer'"),
        new("duplicate header", T("N,loss,loss\n1e8,3,3\n"), ["fit"], 1, "column 'loss'", "columns 2 and 3"),
        new("duplicate header, other case", T("N,Loss,loss\n1e8,3,3\n"), ["fit"], 1, "columns 2 and 3"),
        new("two N columns", T("params,n_params,loss\n1e8,1e8,3\n"), ["fit"], 1, "'params', 'n_params'", "--n-column"),
        new("two loss columns", T("N,train_loss,eval_loss\n1e8,3,3.1\n"), ["fit"], 1, "'train_loss', 'eval_loss'", "--loss-column"),
        new("no loss column", T("N,score\n1e8,3\n"), ["fit"], 1, "no loss column", "'N', 'score'"),
        new("perplexity column", T("N,val_ppl\n1e8,30\n2e8,25\n"), ["fit"], 1, "'val_ppl' looks like a perplexity", "--loss-transform ln"),
        new("perplexity values as loss", T("N,loss\n1e8,45\n2e8,38\n4e8,31\n"), ["fit"], 1, "column 'loss'", "perplexity", "--loss-transform ln"),
        new("unclosed quote", T("N,loss\n1e8,\"3\n2e8,2.9\n"), ["fit"], 1, "line 2, column 'loss'"),
        new("Latin-1 text cell", Latin1("run,N,loss\ncaf\u00e9,1e8,3\n"), ["fit"], 1, "line 2, column 'run'", "not UTF-8"),
        new("Latin-1 header", Latin1("N,loss,d\u00e9j\u00e0\n1e8,3,x\n"), ["fit"], 1, "line 1", "not UTF-8"),
        new("CRLF, error on line 3", T("N,loss\r\n1e8,3\r\nx,2.9\r\n"), ["fit"], 1, "line 3, column 'N'"),
        new("named column missing", T(Good), ["fit", "--n-column", "size"], 1, "'size'", "'N', 'D', 'loss'"),
        new("unit option not a unit", T(Good), ["fit", "--n-unit", "parsecs"], 2, "'parsecs' is not a unit"),
        new("where: unknown column", T(Good), ["fit", "--where", "family = x"], 1, "'family'", "'N', 'D', 'loss'"),
        new("where: malformed", T(Good), ["fit", "--where", "N >= and"], 2, "at character", "^"),
        new("where: unclosed list", T(Good), ["fit", "--where", "N in (1e8, 4e8"], 2, "at character 15", "expected `)`"),
        new("where: nothing left", T(Good), ["fit", "--where", "N > 1e12"], 1, "no rows satisfy N > 1e12"),
        new("run column unknown", T(Good), ["fit", "--run-column", "model"], 1, "'model'", "'N', 'D', 'loss'"),
        new("step not a number", T("model,step,N,loss\na,1,1e8,3\na,two,1e8,2.9\nb,1,2e8,2.8\n"), ["fit", "--run-column", "model", "--step-column", "step"], 1, "line 3, column 'step'"),
        new("select-by text cell", T("N,lr,loss\n1e8,fast,3\n1e8,1e-3,2.9\n2e8,1e-3,2.8\n"), ["fit", "--run-column", "N", "--select-by", "lr"], 1, "line 2, column 'lr'"),
        new("select max without select-by", T(Good), ["fit", "--run-column", "N", "--select", "max"], 2, "--select-by"),
        new("drop more than there are", T(Good), ["fit", "--drop-highest-loss", "9"], 1, "only 3"),
        new("everything dropped", T("N,loss\n1e8,\n2e8,\n"), ["fit", "--drop-incomplete"], 1, "all 2 rows were dropped"),
        new("compute convention bogus", T(Good), ["fit", "--compute-convention", "4nd"], 2, "4nd"),
        new("wide without series", T(Good), ["fit", "--wide"], 1, "'<run> - <metric>'", "'N', 'D', 'loss'"),

        // JSON Lines
        new("jsonl: invalid line", T("{\"N\": 1e8, \"loss\": 3}\n{\"N\": 2e8, \"loss\": 2.9}\n{\"N\": 4e8 \"loss\": 2.7}\n"), ["fit"], 1, "line 3", "not valid JSON at character"),
        new("jsonl: array line", T("{\"N\": 1e8, \"loss\": 3}\n[1, 2]\n"), ["fit"], 1, "line 2", "malformed"),
        new("jsonl: NaN as Python's json writes it", T("{\"N\": 1e8, \"loss\": 3}\n{\"N\": 2e8, \"loss\": NaN}\n"), ["fit"], 1, "line 2, column 'loss'", "NaN", "--drop-invalid"),
        new("jsonl: Python repr, not JSON", T("{'N': 1e8, 'loss': None}\n"), ["fit"], 1, "line 1", "json.dumps"),
        new("gzip: members cut short", File.ReadAllBytes(ToolFixture("multi-member-truncated.csv.gz")), ["fit"], 1, "gzip data is damaged or truncated"),
        new("jsonl: duplicate key", T("{\"N\": 1e8, \"loss\": 3}\n{\"N\": 2e8, \"loss\": 2.9, \"loss\": 2.8}\n"), ["fit"], 1, "line 2, column 'loss'", "twice"),
        new("jsonl: two values on a line", T("{\"N\": 1e8, \"loss\": 3} {\"N\": 2e8}\n{\"N\": 2e8, \"loss\": 2.9}\n"), ["fit"], 1, "line 1"),
        new("jsonl: string where a number goes", T("{\"N\": 1e8, \"loss\": 3}\n{\"N\": \"abc\", \"loss\": 2.9}\n"), ["fit"], 1, "line 2, column 'N'", "'abc'"),
        new("jsonl: truncated last line", T("{\"N\": 1e8, \"loss\": 3}\n{\"N\": 2e8, \"loss\": 2.9}\n{\"N\": 4e8, \"lo"), ["fit"], 1, "line 3"),
        new("jsonl: nested N missing in one record", T("{\"cfg\": {\"N\": 1e8}, \"loss\": 3}\n{\"cfg\": {}, \"loss\": 2.9}\n"), ["fit", "--n-column", "cfg.N"], 1, "line 2, column 'cfg.N'", "empty"),
        new("jsonl: Latin-1 string", Latin1("{\"run\": \"caf\u00e9\", \"N\": 1e8, \"loss\": 3}\n{\"N\": 2e8, \"loss\": 2.9}\n"), ["fit"], 1, "line 1, column 'run'", "not UTF-8"),

        // Laws of other columns (--y, formula inputs), read the same way from every format
        new("y: text cell, jsonl", T("{\"N\": 1e8, \"loss\": 3, \"lr\": 1e-3}\n{\"N\": 2e8, \"loss\": 2.9, \"lr\": \"fast\"}\n{\"N\": 4e8, \"loss\": 2.8, \"lr\": 5e-4}\n"),
            ["fit", "--y", "lr"], 1, "line 2, column 'lr'", "'fast' is not a number"),
        new("y: null cell, jsonl", T("{\"N\": 1e8, \"loss\": 3, \"lr\": 1e-3}\n{\"N\": 2e8, \"loss\": 2.9, \"lr\": null}\n{\"N\": 4e8, \"loss\": 2.8, \"lr\": 5e-4}\n"),
            ["fit", "--y", "lr"], 1, "line 2, column 'lr'", "empty"),
        new("y: no such column", T(Good), ["fit", "--y", "lr"], 1, "no column 'lr'", "'N', 'D', 'loss'"),
        new("y: not positive for log residuals", T("N,lr\n1e8,1e-3\n2e8,-5e-4\n4e8,2e-4\n"), ["fit", "--y", "lr"], 1, "line 3, column 'lr'", "not positive"),
        new("formula: text in an input column", T("N,U,loss\n1e8,1e9,3\n2e8,many,2.9\n4e8,1e9,2.8\n8e8,1e9,2.7\n"),
            ["fit", "--law", "a + b*ln(U)"], 1, "line 3, column 'U'", "'many' is not a number"),
        new("formula: malformed", T(Good), ["fit", "--law", "E + A/N^"], 2, "--law", "column 9"),
        new("fix: unknown parameter", T(Good), ["fit", "--law", "E + A/N^alpha", "--fix", "F=1"], 2, "--fix", "'F' is not a parameter"),
        new("y: bad cell in the second file of a folder", null, ["fit", "--y", "lr"], 1, "b.csv, line 3, column 'lr'")
        {
            Setup = dir => WithFiles(dir, "lr", ("a.csv", "N,loss,lr\n1e8,3,1e-3\n2e8,2.9,8e-4\n"), ("b.csv", "N,loss,lr\n4e8,2.8,6e-4\n8e8,2.7,?\n")),
        },

        // JSON documents
        new("json: malformed", T("[\n {\"N\": 1e8, \"loss\": 3},\n {\"N\": 2e8 \"loss\": 2.9}\n]"), ["fit"], 1, "line 3", "malformed"),
        new("json: array of arrays", T("[[1e8, 3], [2e8, 2.9]]"), ["fit"], 1, "array of arrays", "orient=\\\"records\\\"".Replace("\\\"", "\"")),
        new("json: array of numbers", T("[1, 2, 3]"), ["fit"], 1, "not a record"),
        new("json: empty array", T("[]"), ["fit"], 1, "no records"),
        new("json: empty object", T("{}"), ["fit"], 1, "empty"),
        new("json: split with a short row", T("{\"columns\": [\"N\", \"loss\"], \"data\": [[1e8, 3], [2e8]]}"), ["fit"], 1, "row 2"),
        new("json: record with text N", T("[{\"N\": 1e8, \"loss\": 3}, {\"N\": \"x\", \"loss\": 2.9}]"), ["fit"], 1, "line 1, column 'N'", "'x'"),
        new("json: notebook", T("{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}"), ["fit"], 1, "Jupyter notebook", "to_csv"),

        // Parquet
        new("parquet: truncated", File.ReadAllBytes(ParquetFixture("small.parquet"))[..400], ["fit"], 1, "Parquet file cannot be read"),
        new("parquet: magic and garbage", [.. "PAR1"u8.ToArray(), .. new byte[200], .. "PAR1"u8.ToArray()], ["fit"], 1, "Parquet file cannot be read"),
        new("parquet: null in N", File.ReadAllBytes(ParquetFixture("types.parquet")), ["fit"], 1, "row 3, column 'params'", "empty"),

        // gzip
        new("gzip: truncated", Gzip(T(Good))[..20], ["fit"], 1, "gzip data is damaged or truncated"),
        new("gzip: of a pickle", Gzip([0x80, 0x04, 0x95, 1, 2, 3]), ["fit"], 1, "Python pickle"),
        new("gzip: CSV with a bad cell", Gzip(T("N,loss\n1e8,3\n2e8,oops\n")), ["fit"], 1, "line 3, column 'loss'"),

        // Not tables
        new("pickle", [0x80, 0x04, 0x95, 0x2A, 0, 0, 0, 0, 0, 0, 0, 0x8C], ["fit"], 1, "Python pickle", "to_csv"),
        new("zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0], ["fit"], 1, "zip archive"),
        new("png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], ["fit"], 1, "image"),
        new("pdf", T("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"), ["fit"], 1, "PDF"),
        new("binary with NUL bytes", [1, 2, 0, 4, 5, 0, 7, 8], ["fit"], 1, "binary data"),
        new("hdf5", [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A], ["fit"], 1, "HDF5"),
        new("npy", [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0], ["fit"], 1, "NumPy"),
        new("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0, 4], ["fit"], 1, "xz-compressed"),
        new("zstd", [0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x10, 0, 0], ["fit"], 1, "zstd-compressed"),

        // Paths
        new("missing file", null, ["fit"], 1, "no such file") { Setup = dir => Path.Combine(dir, "nope.csv") },
        new("empty folder", null, ["fit"], 1, "the folder holds no files") { Setup = dir => Directory.CreateDirectory(Path.Combine(dir, "empty")).FullName },
        new("folder of notes only", null, ["fit"], 1, "its only file, README.md, is not a table of runs") { Setup = dir => WithFiles(dir, "notes", ("README.md", "# x")) },
        new("folder with a bad file", null, ["fit"], 1, "b.csv, line 2, column 'loss'") { Setup = dir => WithFiles(dir, "runs", ("a.csv", Good), ("b.csv", "N,loss\n1e8,bad\n")) },
        new("glob matching nothing", null, ["fit"], 1, "no files match") { Setup = dir => Path.Combine(dir, "*.nothing") },
        new("folder of runs that logged nothing", null, ["fit"], 1, "none of the 2 files holds rows", "a.csv, b.jsonl") { Setup = dir => WithFiles(dir, "runs", ("a.csv", "N,loss\n"), ("b.jsonl", "")) },
        new("unreadable file", null, ["fit"], 1, "/proc/self/mem: cannot read the file") { Setup = _ => "/proc/self/mem" },
    ];

    private static string WithFiles(string dir, string name, params (string File, string Text)[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dir, name)).FullName;
        foreach (var (file, text) in files) File.WriteAllText(Path.Combine(folder, file), text);
        return folder;
    }
}

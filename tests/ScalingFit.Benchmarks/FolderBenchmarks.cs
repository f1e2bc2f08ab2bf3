using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using ScalingFit.Data;

namespace ScalingFit.Benchmarks;

/// <summary>
/// Reading many small files: a folder of one-run JSON summaries (a W&amp;B or Hugging Face run
/// folder: name, 40 config keys, a summary with N, D and loss), against the same records as one
/// JSON Lines file (the baseline, measured in the same run). And pandas' default to_json layout
/// (orient="columns": {"col": {"0": v, ...}}) against the same rows as records.
/// </summary>
[MemoryDiagnoser]
public class FolderBenchmarks
{
    private string _folder = "";
    private string _jsonLines = "";
    private byte[] _columns = [];
    private byte[] _records = [];

    [Params(1_000, 10_000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"scalingfit-folder-bench-{Files}");
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        Directory.CreateDirectory(_folder);
        var random = new Random(1);
        var lines = new StringBuilder();
        var columns = new StringBuilder[] { new(), new(), new() };
        var records = new StringBuilder("[");
        for (int i = 0; i < Files; i++)
        {
            double n = Math.Pow(10, 7 + 3 * random.NextDouble()), d = 20 * n;
            double loss = 1.69 + 406.4 / Math.Pow(n, 0.34) + 410.7 / Math.Pow(d, 0.28);
            var config = string.Join(", ", Enumerable.Range(0, 40).Select(k => $"\"hp{k}\": {random.NextDouble():R}"));
            string record = string.Create(CultureInfo.InvariantCulture,
                $"{{\"name\": \"run{i}\", \"config\": {{{config}}}, \"summary\": {{\"n_params\": {n:R}, \"tokens\": {d:R}, \"eval/loss\": {loss:R}}}}}");
            File.WriteAllText(Path.Combine(_folder, $"run{i:D5}.json"), record);
            lines.Append(record).Append('\n');
            string sep = i == 0 ? "" : ",";
            columns[0].Append(CultureInfo.InvariantCulture, $"{sep}\"{i}\":{n:R}");
            columns[1].Append(CultureInfo.InvariantCulture, $"{sep}\"{i}\":{d:R}");
            columns[2].Append(CultureInfo.InvariantCulture, $"{sep}\"{i}\":{loss:R}");
            records.Append(CultureInfo.InvariantCulture, $"{sep}{{\"N\":{n:R},\"D\":{d:R},\"loss\":{loss:R}}}");
        }
        _jsonLines = Path.Combine(Path.GetTempPath(), $"scalingfit-folder-bench-{Files}.jsonl");
        File.WriteAllText(_jsonLines, lines.ToString());
        _columns = Encoding.UTF8.GetBytes($"{{\"N\":{{{columns[0]}}},\"D\":{{{columns[1]}}},\"loss\":{{{columns[2]}}}}}");
        _records = Encoding.UTF8.GetBytes(records.Append(']').ToString());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Directory.Delete(_folder, recursive: true);
        File.Delete(_jsonLines);
    }

    private static readonly RunReadOptions Summary = new()
    {
        ParameterCountColumn = "summary.n_params", TrainingTokensColumn = "summary.tokens", LossColumn = "summary.eval/loss",
    };

    [Benchmark(Baseline = true)]
    public RunSet ReadOneJsonLinesFile() => RunReader.ReadPath(_jsonLines, Summary);

    [Benchmark]
    public RunSet ReadFolderOfFiles() => RunReader.ReadPath(_folder, Summary);

    [Benchmark]
    public RunSet ReadPandasRecords() => RunReader.Read(new MemoryStream(_records), "records.json");

    [Benchmark]
    public RunSet ReadPandasColumns() => RunReader.Read(new MemoryStream(_columns), "columns.json");
}

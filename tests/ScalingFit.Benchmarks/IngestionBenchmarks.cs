using BenchmarkDotNet.Attributes;
using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Benchmarks;

/// <summary>
/// Reading runs from memory (no disk) as CSV, JSON Lines and Parquet (the same numbers in each),
/// and the power-law fit of the read runs. Throughput in MB/s is a format's size divided by the
/// median of its read; the sizes are printed once.
/// </summary>
[MemoryDiagnoser]
public class IngestionBenchmarks
{
    private byte[] _csv = [];
    private byte[] _jsonLines = [];
    private byte[] _parquet = [];
    private RunSet _runs = null!;

    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _csv = RunsCsvGenerator.Bytes(Rows, seed: 1);
        _runs = RunPreparation.Prepare(CsvRunReader.Read(new MemoryStream(_csv), "bench.csv"), RunSelection.None);
        _jsonLines = RunsCsvGenerator.Bytes(Rows, seed: 1, "jsonl");
        _parquet = RunsCsvGenerator.Bytes(Rows, seed: 1, "parquet");
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"// {Rows} rows = {_csv.Length / 1e6:F2} MB of CSV, {_jsonLines.Length / 1e6:F2} MB of JSON Lines, {_parquet.Length / 1e6:F2} MB of Parquet"));
    }

    [Benchmark(Baseline = true)]
    public RunSet ReadCsv() => CsvRunReader.Read(new MemoryStream(_csv), "bench.csv");

    [Benchmark]
    public RunSet ReadJsonLines() => RunReader.Read(new MemoryStream(_jsonLines), "bench.jsonl");

    [Benchmark]
    public RunSet ReadParquet() => RunReader.Read(new MemoryStream(_parquet), "bench.parquet");

    [Benchmark]
    public FitResult FitPowerLaw() => LogLogRegression.Power(_runs, Quantity.ParameterCount);
}

using BenchmarkDotNet.Attributes;
using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Benchmarks;

/// <summary>
/// Reading runs CSV from memory (no disk), and the power-law fit of the read runs. Throughput in
/// MB/s is the CSV size divided by the median of <see cref="ReadCsv"/>; the size is printed once.
/// </summary>
[MemoryDiagnoser]
public class IngestionBenchmarks
{
    private byte[] _csv = [];
    private RunSet _runs = null!;

    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _csv = RunsCsvGenerator.Bytes(Rows, seed: 1);
        _runs = RunPreparation.Prepare(CsvRunReader.Read(new MemoryStream(_csv), "bench.csv"), RunSelection.None);
        Console.WriteLine($"// {Rows} rows = {_csv.Length / 1e6:F2} MB of CSV");
    }

    [Benchmark]
    public RunSet ReadCsv() => CsvRunReader.Read(new MemoryStream(_csv), "bench.csv");

    [Benchmark]
    public FitResult FitPowerLaw() => LogLogRegression.Power(_runs, Quantity.ParameterCount);
}

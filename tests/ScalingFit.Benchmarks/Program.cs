using BenchmarkDotNet.Running;
using ScalingFit.Benchmarks;

// dotnet run -c Release --project tests/ScalingFit.Benchmarks -- generate FILE ROWS [csv|jsonl|parquet]
//   writes a runs table (run, N, D, C, loss) drawn from the Chinchilla law, for whole-process timing;
//   the three formats hold the same numbers.
// dotnet run -c Release --project tests/ScalingFit.Benchmarks -- generate-log FILE RUNS CHECKPOINTS
//   writes a training log of RUNS × CHECKPOINTS rows (10000 10000: 10⁸ rows, about 6 GB), "-" for standard output.
// dotnet run -c Release --project tests/ScalingFit.Benchmarks -- [BenchmarkDotNet options]
if (args.Length >= 1 && args[0] == "generate")
{
    string path = args.Length > 1 ? args[1] : "big.csv";
    int rows = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    string format = args.Length > 3 ? args[3] : "csv";
    using (var file = File.Create(path))
    {
        switch (format)
        {
            case "jsonl": RunsCsvGenerator.WriteJsonLines(file, rows, seed: 1); break;
            case "parquet": RunsCsvGenerator.WriteParquet(file, rows, seed: 1); break;
            default: RunsCsvGenerator.Write(file, rows, seed: 1); break;
        }
    }
    Console.WriteLine($"wrote {rows} rows, {new FileInfo(path).Length / 1e6:F1} MB to {path}");
    return 0;
}
if (args.Length >= 4 && args[0] == "generate-log")
{
    int runs = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    int checkpoints = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
    using var output = args[1] == "-" ? Console.OpenStandardOutput() : File.Create(args[1]);
    CheckpointLogGenerator.Write(output, runs, checkpoints, seed: 1);
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(RunsCsvGenerator).Assembly).Run(args);
return 0;

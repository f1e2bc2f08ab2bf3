// A small program using the ScalingFit library: read a training log with several checkpoints per
// run, keep each run's final checkpoint, fit a power law in N, and predict a larger model.
//
//   dotnet run --project samples/ScalingFit.Sample                       (uses samples/training-log.csv)
//   dotnet run --project samples/ScalingFit.Sample -- generate FILE      (writes the log afresh)
//   dotnet run --project samples/ScalingFit.Sample -- generate-isoflop FILE   (writes samples/isoflop-runs.csv afresh)
//   dotnet run --project samples/ScalingFit.Sample -- generate-laws DIR        (writes the samples of the laws of issue 10 afresh)
using System.Globalization;
using ScalingFit;
using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Reporting;
using ScalingFit.Sample;

if (args.Length > 0 && args[0] == "generate")
{
    string target = args.Length > 1 ? args[1] : "training-log.csv";
    File.WriteAllText(target, TrainingLog.Generate(seed: 2024));
    Console.WriteLine($"wrote {target}");
    return;
}

if (args.Length > 0 && args[0] == "generate-isoflop")
{
    string target = args.Length > 1 ? args[1] : "isoflop-runs.csv";
    File.WriteAllText(target, IsoFlopRuns.Generate(seed: 2022));
    Console.WriteLine($"wrote {target}");
    return;
}

if (args.Length > 0 && args[0] == "generate-laws")
{
    string folder = args.Length > 1 ? args[1] : ".";
    LawSamples.Generate(folder, seed: 2023);
    Console.WriteLine($"wrote the law samples to {folder}");
    return;
}

string path = args.Length > 0 ? args[0] : FindLog();
RunSet runs;
using (var file = File.OpenRead(path))
{
    runs = Runs.Load(file, path, selection: new RunSelection
    {
        RunColumns = ["model", "seed"],   // a run is one model size trained with one seed
        StepColumn = "step",              // checkpoints ordered by step
        Checkpoint = CheckpointChoice.Last,
    });
}

var fit = ScalingLaws.FitPower(runs, Quantity.ParameterCount);
Console.Write(TextRenderer.Render(FitReport.Build(fit)));

var prediction = Predictor.Predict(fit, new Dictionary<Quantity, double> { [Quantity.ParameterCount] = 7e9 });
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"predicted loss at N = 7e9: {prediction.Loss:F3} (95% interval {prediction.Interval.Lower:F3} to {prediction.Interval.Upper:F3})"));
foreach (var warning in prediction.Warnings) Console.WriteLine($"warning: {warning}");

static string FindLog()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        string candidate = Path.Combine(dir.FullName, "samples", "training-log.csv");
        if (File.Exists(candidate)) return candidate;
    }
    throw new FileNotFoundException("samples/training-log.csv not found; pass the log's path as the first argument.");
}

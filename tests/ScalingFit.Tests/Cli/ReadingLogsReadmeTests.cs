using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// The README's "Reading logs" commands, run as written through the CLI as shipped from the
/// repository root: each format of the twelve sample runs gives the fit of those runs. The truth is
/// numpy's: the last checkpoint of each (model, seed) in samples/training-log.csv, and
/// numpy.polyfit(log(params), log(eval_loss), 1) gives slope −0.14695441729076011 (pandas 1.5.3,
/// numpy 1.24.2; the same from pandas.json_normalize of samples/logs/runs/*.json).
/// </summary>
public class ReadingLogsReadmeTests
{
    private const double NumpyAlpha = 0.14695441729076011;

    public static TheoryData<string> SameTwelveRuns =>
    [
        "fit samples/training-log.csv --run-column model,seed --step-column step",
        "fit samples/logs/training-log.jsonl --run-column model,seed --step-column step",
        "fit samples/logs/training-log.jsonl.gz --run-column model,seed --step-column step",
        "fit samples/logs/training-log.parquet --run-column model,seed --step-column step",
        "fit samples/logs/runs --n-column config.n_params --d-column summary.tokens --loss-column summary.eval/loss --run-column config.model,config.seed",
    ];

    [Theory]
    [MemberData(nameof(SameTwelveRuns))]
    public void Shipped_ReadmeCommandInEveryFormat_GivesNumpysFitOfTheTwelveRuns(string command)
    {
        Assert.Contains(command, File.ReadAllText(Path.Combine(Root, "README.md")), StringComparison.Ordinal);
        var run = ShippedCli.Run(Root, [.. command.Split(' '), "--json"]);
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(12, json.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(NumpyAlpha, json.RootElement.GetProperty("parameters").GetProperty("alpha").GetDouble(), 1e-12);
    }

    private static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir.FullName, "ScalingFit.sln"))) dir = dir.Parent!;
            return dir.FullName;
        }
    }
}

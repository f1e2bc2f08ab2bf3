using System.CommandLine;
using ScalingFit.Data;

namespace ScalingFit.Cli.Common;

/// <summary>
/// The runs file argument and the options that say how to read and select runs, declared once
/// and shared by every command that takes a runs file.
/// </summary>
internal sealed class DataOptions
{
    public Argument<string?> File { get; } = new("file")
    {
        Description = "CSV of training runs (- for standard input). Default: the built-in Chinchilla runs (Hoffmann et al. 2022, " +
                      "as extracted by Besiroglu et al. 2024).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> NColumn { get; } = new("--n-column") { Description = "Column of parameter counts N (default: found by alias: N, params, n_params, num_params, parameters, model_size, Model Size)." };
    public Option<string?> DColumn { get; } = new("--d-column") { Description = "Column of training tokens D (default: D, tokens, n_tokens, train_tokens, training_tokens)." };
    public Option<string?> CColumn { get; } = new("--c-column") { Description = "Column of training compute C in FLOP (default: C, flops, compute, Training FLOP, budget)." };
    public Option<string?> LossColumn { get; } = new("--loss-column") { Description = "Column of losses (default: loss, eval_loss, val_loss, train_loss)." };
    public Option<string?> RunColumn { get; } = new("--run-column") { Description = "Column(s), comma-separated, whose values together name a run; groups checkpoint rows into runs." };
    public Option<string?> StepColumn { get; } = new("--step-column") { Description = "Column that orders the checkpoints of a run." };
    public Option<string> Select { get; } = new("--select")
    {
        Description = "Which checkpoint of each run to keep: last or min (lowest loss).",
        DefaultValueFactory = _ => "last",
    };
    public Option<string[]> Where { get; } = new("--where")
    {
        Description = "Keep rows where COLUMN=VALUE (or COLUMN!=VALUE); repeatable, all must hold.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
    public Option<int?> DropHighestLoss { get; } = new("--drop-highest-loss")
    {
        Description = "Drop the K runs with the highest loss before fitting. Default: 0 for a file; 5 for the built-in Chinchilla " +
                      "runs, as the replication (Besiroglu et al. 2024) did.",
    };
    public Option<bool> DropIncomplete { get; } = new("--drop-incomplete") { Description = "Skip rows with an empty N, D, C or loss cell instead of stopping." };

    public DataOptions()
    {
        Select.AcceptOnlyFromAmong("last", "min");
        // An unknown option would otherwise be taken for the file name ("cannot read '--bogus'").
        File.Validators.Add(result =>
        {
            string? value = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (value is { Length: > 1 } && value[0] == '-')
                result.AddError($"unknown option '{value}'.");
        });
    }

    public void AddTo(Command command)
    {
        command.Add(File);
        foreach (var option in new Option[] { NColumn, DColumn, CColumn, LossColumn, RunColumn, StepColumn, Select, Where, DropHighestLoss, DropIncomplete })
            command.Add(option);
    }

    /// <summary>Reads the runs file (or the built-in data) and applies the selection options.</summary>
    public RunSet Load(ParseResult parse)
    {
        var read = new RunReadOptions
        {
            ParameterCountColumn = parse.GetValue(NColumn),
            TrainingTokensColumn = parse.GetValue(DColumn),
            ComputeColumn = parse.GetValue(CColumn),
            LossColumn = parse.GetValue(LossColumn),
            DropIncompleteRows = parse.GetValue(DropIncomplete),
        };
        var selection = new RunSelection
        {
            Where = (parse.GetValue(Where) ?? []).Select(ColumnCondition.Parse).ToList(),
            RunColumns = (parse.GetValue(RunColumn) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            StepColumn = parse.GetValue(StepColumn),
            Checkpoint = parse.GetValue(Select) == "min" ? CheckpointChoice.Min : CheckpointChoice.Last,
            DropHighestLoss = parse.GetValue(DropHighestLoss) ?? 0,
        };
        string? path = parse.GetValue(File);
        if (path is null)
        {
            // The built-in runs come with a protocol: the replication drops their 5 highest losses (outliers
            // of the digitisation). Follow it unless told otherwise, and say so.
            bool protocol = parse.GetValue(DropHighestLoss) is null;
            if (protocol) selection = selection with { DropHighestLoss = Datasets.ChinchillaOutliers };
            using var builtIn = Datasets.OpenChinchilla();
            var runs = Runs.Load(builtIn, Datasets.ChinchillaName, read, selection);
            return protocol
                ? runs.WithNote($"the {Datasets.ChinchillaOutliers} highest losses are dropped by default for the built-in data, as the replication did; --drop-highest-loss 0 keeps them")
                : runs;
        }
        if (path == "-")
        {
            using var stdin = System.Console.OpenStandardInput();
            return Runs.Load(stdin, "<stdin>", read, selection);
        }
        using var stream = OpenFile(path);
        return Runs.Load(stream, path, read, selection);
    }

    /// <summary>Reads a table of models rather than runs (e.g. a ladder of sizes): columns by alias, no loss needed.</summary>
    public static RunSet LoadTable(string path)
    {
        using var stream = OpenFile(path);
        return Runs.Load(stream, path, new RunReadOptions { RequireLoss = false });
    }

    private static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFileException(path, e);
        }
    }
}

/// <summary>A file the user named that cannot be opened.</summary>
internal sealed class CliFileException(string path, Exception inner)
    : ScalingFitException($"cannot read '{path}': {Reason(inner)}", inner)
{
    /// <summary>The file that cannot be read.</summary>
    public string Path { get; } = path;

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };
}

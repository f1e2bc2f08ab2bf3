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
        Description = "Training runs: a CSV/TSV, JSON Lines, JSON or Parquet file (gzip too; recognised by content), a folder or a glob " +
                      "of them, or - for standard input. Default: the built-in Chinchilla runs (Hoffmann et al. 2022, as extracted by " +
                      "Besiroglu et al. 2024).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> NColumn { get; } = new("--n-column") { Description = $"Column of parameter counts N (default: found by alias: {Aliases(Quantity.ParameterCount)})." };
    public Option<string?> DColumn { get; } = new("--d-column") { Description = $"Column of training tokens D (default: {Aliases(Quantity.TrainingTokens)})." };
    public Option<string?> CColumn { get; } = new("--c-column") { Description = $"Column of training compute C in FLOP (default: {Aliases(Quantity.Compute)})." };
    public Option<string?> LossColumn { get; } = new("--loss-column") { Description = $"Column of losses (default: {Aliases(Quantity.Loss)})." };
    public Option<string?> NUnit { get; } = new("--n-unit") { Description = "Unit of the N column when its header has none: K, M, B, T or a power such as 1e9." };
    public Option<string?> DUnit { get; } = new("--d-unit") { Description = "Unit of the D column when its header has none: K, M, B, T or a power such as 1e9." };
    public Option<string?> CUnit { get; } = new("--c-unit") { Description = "Unit of the C column when its header has none: a power such as 1e21, or PF-days." };
    public Option<string> LossTransform { get; } = new("--loss-transform")
    {
        Description = "How the loss column becomes a loss in nats per token: none, or ln (the column is a perplexity; cross-entropy = ln perplexity).",
        DefaultValueFactory = _ => "none",
    };
    public Option<bool> Wide { get; } = new("--wide") { Description = "Melt a wide chart export (a step column and '<run> - <metric>' columns, as W&B writes) into one row per run and step." };
    public Option<string?> RunColumn { get; } = new("--run-column") { Description = "Column(s), comma-separated, whose values together name a run (quantity columns such as N,D too); keeps one row per run." };
    public Option<string?> StepColumn { get; } = new("--step-column") { Description = "Column that orders the checkpoints of a run." };
    public Option<string> Select { get; } = new("--select")
    {
        Description = "Which row of each run to keep: last (highest step), min (lowest loss, or lowest --select-by), max (highest --select-by), " +
                      "or all (every checkpoint; intervals then resample and cluster whole runs).",
        DefaultValueFactory = _ => "last",
    };
    public Option<string?> ResampleBy { get; } = new("--resample-by")
    {
        Description = "Column(s), comma-separated, naming the run each row belongs to when rows are checkpoints of fewer runs: the bootstrap " +
                      "resamples whole runs, the sandwich covariance is clustered by run (CR1) and the degrees of freedom count runs. " +
                      "Default: the --run-column with --select all; 'rows' resamples rows one by one.",
    };
    public Option<string?> SelectBy { get; } = new("--select-by") { Description = "Column whose lowest (--select min) or highest (--select max) value picks the row kept in each group of --run-column." };
    public Option<string[]> Where { get; } = new("--where")
    {
        Description = "Keep rows where a condition holds: = != < <= > >=, in (a, b), and, or, not, parentheses, e.g. \"epochs <= 1 and family in (pythia, qwen)\"; numbers compare as numbers; repeatable, all must hold.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
    public Option<bool> DropInvalid { get; } = new("--drop-invalid") { Description = "Drop runs whose loss is NaN or infinite (diverged) instead of stopping; they are counted in the output." };
    public Option<string?> ComputeConvention { get; } = new("--compute-convention") { Description = "With C, N and D all present: 6nd (use C = 6ND) or column (use C as written). Default: the column, with a warning when C/(6ND) is outside [0.9, 1.1]." };
    public Option<int?> DropHighestLoss { get; } = new("--drop-highest-loss")
    {
        Description = "Drop the K runs with the highest loss before fitting; with --group-by, the K highest of each group. Default: 0 for a " +
                      "file; 5 for the built-in Chinchilla runs (of all of them, before any grouping), as the replication (Besiroglu et al. 2024) did.",
    };
    public Option<bool> DropIncomplete { get; } = new("--drop-incomplete") { Description = "Skip rows missing a value the analysis uses (an empty or non-numeric N, D, C or loss cell) instead of stopping; they are counted in the output." };

    private static string Aliases(Quantity q) => string.Join(", ", q.Aliases());

    public DataOptions()
    {
        Select.AcceptOnlyFromAmong("last", "min", "max", "all");
        LossTransform.AcceptOnlyFromAmong("none", "ln");
        ComputeConvention.AcceptOnlyFromAmong("6nd", "column");
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
        foreach (var option in new Option[]
                 {
                     NColumn, DColumn, CColumn, LossColumn, NUnit, DUnit, CUnit, LossTransform, Wide, RunColumn, StepColumn, Select, SelectBy, ResampleBy,
                     Where, DropHighestLoss, DropIncomplete, DropInvalid, ComputeConvention,
                 })
            command.Add(option);
    }

    /// <summary>Reads the runs file (or the built-in data) and applies the selection options.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="uses">
    /// The quantities the command reads (only these are validated and checked for empty cells); null for all. Without the
    /// loss among them (a law of another column, --y), a file need not have a loss column.
    /// </param>
    /// <param name="inputColumns">Columns besides N, D and C a law takes as inputs (rows differing in them are different runs).</param>
    /// <param name="targetColumns">Columns besides the quantities a law predicts (--y): --drop-incomplete drops rows empty there too.</param>
    public RunSet Load(
        ParseResult parse, IReadOnlyCollection<Quantity>? uses = null, IReadOnlyCollection<string>? inputColumns = null,
        IReadOnlyCollection<string>? targetColumns = null)
    {
        var read = ReadOptions(parse) with { RequireLoss = uses is null || uses.Contains(Quantity.Loss) };
        string? convention = parse.GetValue(ComputeConvention);
        var selection = new RunSelection
        {
            Where = (parse.GetValue(Where) ?? []).Select(RowFilter.Parse).ToList(),
            RunColumns = (parse.GetValue(RunColumn) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            StepColumn = parse.GetValue(StepColumn),
            Checkpoint = parse.GetValue(Select) switch
            {
                "min" => CheckpointChoice.Min, "max" => CheckpointChoice.Max, "all" => CheckpointChoice.All, _ => CheckpointChoice.Last,
            },
            SelectBy = parse.GetValue(SelectBy),
            ResampleBy = parse.GetValue(ResampleBy) is { } by
                ? by.Trim() == "rows" ? [] : by.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : null,
            // With --group-by the K highest of each group are dropped, after the split (GroupByOption.Split).
            DropHighestLoss = GroupByOption.Given(parse, this) ? 0 : parse.GetValue(DropHighestLoss) ?? 0,
            DropIncomplete = parse.GetValue(DropIncomplete),
            DropInvalid = parse.GetValue(DropInvalid),
            Uses = uses,
            InputColumns = inputColumns ?? [],
            TargetColumns = targetColumns ?? [],
            ComputeConvention = convention == "6nd" ? Data.ComputeConvention.SixND : Data.ComputeConvention.Column,
            ComputeConventionChosen = convention is not null,
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
        return Runs.Load(path, read, selection);
    }

    private RunReadOptions ReadOptions(ParseResult parse) => new()
    {
        ParameterCountColumn = parse.GetValue(NColumn),
        TrainingTokensColumn = parse.GetValue(DColumn),
        ComputeColumn = parse.GetValue(CColumn),
        LossColumn = parse.GetValue(LossColumn),
        ParameterCountUnit = parse.GetValue(NUnit) is { } n ? ColumnUnit.Parse(n, "--n-unit") : null,
        TrainingTokensUnit = parse.GetValue(DUnit) is { } d ? ColumnUnit.Parse(d, "--d-unit") : null,
        ComputeUnit = parse.GetValue(CUnit) is { } c ? ColumnUnit.Parse(c, "--c-unit") : null,
        LossTransform = parse.GetValue(LossTransform) == "ln" ? Data.LossTransform.Ln : Data.LossTransform.None,
        Wide = parse.GetValue(Wide),
    };

    /// <summary>Reads a table of models rather than runs (e.g. a ladder of sizes): columns by alias, no loss needed.</summary>
    public static RunSet LoadTable(string path) => Runs.Load(path, new RunReadOptions { RequireLoss = false });
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

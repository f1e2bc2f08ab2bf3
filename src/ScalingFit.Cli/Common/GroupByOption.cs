using System.CommandLine;
using ScalingFit.Analysis;
using ScalingFit.Cli.Help;
using ScalingFit.Data;

namespace ScalingFit.Cli.Common;

/// <summary>--group-by: run a command's analysis once per value of a column and show the groups side by side.</summary>
internal sealed class GroupByOption
{
    public Option<string?> Option { get; } = new("--group-by")
    {
        HelpName = "column,...",
        Description = "Run the analysis once per value of this column (a configuration, data set, family, learning rate), with the same " +
                      "options, and show the groups side by side with whether their estimates differ; several columns, comma-separated, " +
                      "group by their combination. Numeric columns group by value. A group too small for the analysis is skipped and said so.",
    };

    public void AddTo(Command command) => command.Add(Option);

    /// <summary>Whether --group-by was given.</summary>
    public bool Given(ParseResult parse) => !string.IsNullOrWhiteSpace(parse.GetValue(Option));

    /// <summary>Splits the runs by the columns of --group-by; an unknown column is a usage error naming the close ones.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="runs">The runs after selection.</param>
    /// <param name="data">The data options (their --run-column informs each group's checks).</param>
    /// <param name="inputColumns">Columns besides N, D and C the law takes as inputs.</param>
    /// <exception cref="OptionException">A column the data does not have.</exception>
    public RunGroups Split(ParseResult parse, RunSet runs, DataOptions data, IReadOnlyCollection<string>? inputColumns = null)
    {
        var columns = (parse.GetValue(Option) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var column in columns.Where(c => !runs.HasColumn(c)))
        {
            var close = Suggestions.For(column, runs.ColumnNames);
            throw new OptionException(
                $"--group-by: there is no column '{column}' in {runs.Source}.{Suggestions.Sentence(close)} The columns are: {string.Join(", ", runs.ColumnNames)}.");
        }
        var selection = new RunSelection
        {
            RunColumns = (parse.GetValue(data.RunColumn) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            InputColumns = inputColumns ?? [],
        };
        var groups = RunGroups.Split(runs, columns, selection);
        return parse.GetValue(data.DropHighestLoss) is { } k and > 0 ? DropHighestLoss(groups, k) : groups;
    }

    /// <summary>
    /// Whether the command has --group-by and it was given: then --drop-highest-loss K drops the K highest
    /// losses of each group, not of all the runs before the split (which would take them from the worst group).
    /// </summary>
    public static bool Given(ParseResult parse, DataOptions data) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--group-by") is Option<string?> option &&
        !string.IsNullOrWhiteSpace(parse.GetValue(option)) && parse.GetValue(data.DropHighestLoss) is > 0;

    /// <summary>Drops the K highest-loss runs of each group; a group of K runs or fewer is left out, and said so.</summary>
    private static RunGroups DropHighestLoss(RunGroups groups, int k)
    {
        var kept = new List<RunGroup>();
        var notes = new List<string>(groups.Notes);
        foreach (var group in groups.Groups)
        {
            if (group.Runs.Count > k) kept.Add(group with { Runs = RunPreparation.DropHighestLoss(group.Runs, k) });
            else notes.Add($"group {group.Label} is left out: it has {group.Runs.Count} runs, and --drop-highest-loss {k} drops the {k} highest of each group");
        }
        if (kept.Count == 0)
            throw new OptionException($"--drop-highest-loss {k} leaves no group with runs: every group has {k} runs or fewer " +
                                      $"({string.Join(", ", groups.Groups.Select(g => $"{g.Label}: {g.Runs.Count}"))}).");
        return groups with { Groups = kept, Notes = notes };
    }

    /// <summary>Splits the runs and runs <paramref name="analyze"/> on each group (see <see cref="GroupedAnalysis.Run{T}"/>).</summary>
    public GroupedResult<T> Run<T>(ParseResult parse, RunSet runs, DataOptions data, IReadOnlyCollection<string>? inputColumns, Func<RunSet, T> analyze)
        where T : class =>
        GroupedAnalysis.Run(Split(parse, runs, data, inputColumns), g => analyze(g.Runs));
}

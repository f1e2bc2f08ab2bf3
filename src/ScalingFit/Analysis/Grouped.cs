using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Analysis;

/// <summary>One group's analysis: its result, or why it was skipped (too few runs for the law, no fit).</summary>
/// <typeparam name="T">The analysis result (a fit, a comparison, an IsoFLOP analysis, an allocation).</typeparam>
/// <param name="Group">The group and its runs.</param>
/// <param name="Result">The result; null when the group was skipped.</param>
/// <param name="Skipped">Why the group has no result, in the analysis' words; null when it has one.</param>
public sealed record GroupOutcome<T>(RunGroup Group, T? Result, string? Skipped) where T : class;

/// <summary>An analysis run once per group of runs, with the same options, the groups in order.</summary>
/// <param name="Groups">How the runs were split.</param>
/// <param name="Outcomes">One per group, in the order of <see cref="RunGroups.Groups"/>.</param>
public sealed record GroupedResult<T>(RunGroups Groups, IReadOnlyList<GroupOutcome<T>> Outcomes) where T : class
{
    /// <summary>The groups that have a result.</summary>
    public IReadOnlyList<GroupOutcome<T>> Analysed => Outcomes.Where(o => o.Result is not null).ToList();
}

/// <summary>Runs an analysis per group of runs, as <c>df.groupby(col).apply(f)</c> does.</summary>
public static class GroupedAnalysis
{
    /// <summary>
    /// Runs <paramref name="analyze"/> on each group's runs. A group the analysis cannot handle (a
    /// <see cref="FitException"/> or <see cref="DataException"/>: too few runs for the law, too few budgets, no
    /// convergence, a bad cell) is skipped with the reason; the others go on.
    /// </summary>
    /// <exception cref="FitException">No group could be analysed (every reason is listed).</exception>
    public static GroupedResult<T> Run<T>(RunGroups groups, Func<RunGroup, T> analyze) where T : class
    {
        var outcomes = new List<GroupOutcome<T>>(groups.Groups.Count);
        var errors = new List<ScalingFitException>();
        foreach (var group in groups.Groups)
        {
            try
            {
                outcomes.Add(new GroupOutcome<T>(group, analyze(group), null));
            }
            catch (ScalingFitException e) when (e is FitException or DataException)
            {
                outcomes.Add(new GroupOutcome<T>(group, null, e.Message));
                errors.Add(e);
            }
        }
        if (outcomes.All(o => o.Result is null))
        {
            // No group analysed and a data error among the reasons (a column the law needs is missing, a bad cell): an error of the data, said as such.
            if (errors.OfType<DataException>().FirstOrDefault() is { } data) throw data;
            throw new FitException($"no group of {groups.By} could be analysed: " +
                                   string.Join("; ", outcomes.Select(o => $"{o.Group.Label} ({o.Group.RunCount} runs): {o.Skipped}")));
        }
        return new GroupedResult<T>(groups, outcomes);
    }
}

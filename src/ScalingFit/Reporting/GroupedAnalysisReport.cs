using ScalingFit.Analysis;

namespace ScalingFit.Reporting;

/// <summary>
/// The one-command report per group of runs: the groups side by side first (one figure with a colour per
/// group, the laws ranked within each group, the frontiers and IsoFLOP exponents with the tests of whether
/// they differ), then each group's own report as a section.
/// </summary>
public static class GroupedAnalysisReport
{
    /// <summary>"Scaling-law report per experiment: runs.csv".</summary>
    public static string Title(GroupedResult<ReportResult> result) =>
        $"Scaling-law report per {result.Groups.By}: {result.Groups.Groups.FirstOrDefault()?.Runs.Source}";

    /// <summary>Builds the report.</summary>
    /// <param name="result">Each group's report analysis.</param>
    /// <param name="provenance">How to make the report again.</param>
    /// <param name="figure">The figure with a colour per group, or null.</param>
    /// <param name="images">Each group's figures by group label (file names already distinct between groups).</param>
    public static Document Build(GroupedResult<ReportResult> result, ReportProvenance provenance, Image? figure, IReadOnlyDictionary<string, ReportImages> images)
    {
        var blocks = new List<Block>
        {
            new Heading(Title(result)),
            new KeyValues([new("command", provenance.CommandLine), new("data file", provenance.DataFile), new("version", provenance.Version)]),
            new Contents(2, 2),
            new Heading($"The groups of {result.Groups.By} side by side", 2),
        };
        if (figure is not null) blocks.Add(figure);
        blocks.AddRange(Nested(GroupReport.Compare(Map(result, r => r.Comparison, r => null)), 3));
        var optimal = Map(result, r => r.Optimal, r => r.OptimalNote);
        if (optimal.Analysed.Count > 0) blocks.AddRange(Nested(GroupReport.Optimal(optimal), 3, withData: false));
        var isoFlop = Map(result, r => r.IsoFlop, r => r.IsoFlopNote);
        if (isoFlop.Analysed.Count > 0) blocks.AddRange(Nested(GroupReport.IsoFlop(isoFlop), 3, withData: false));
        foreach (var o in result.Outcomes)
        {
            blocks.Add(new Heading($"{o.Group.Name}: {o.Group.RunCount} runs", 2));
            if (o.Result is not { } r)
            {
                blocks.Add(new Paragraph($"No report: {o.Skipped}"));
                continue;
            }
            var one = AnalysisReport.Build(r, provenance, images.GetValueOrDefault(o.Group.Label));
            blocks.AddRange(one.Blocks.Skip(1).Where(b => b is not Contents).Select(b => b is Heading h ? h with { Level = Math.Min(6, h.Level + 1) } : b));
        }
        return new Document(blocks);
    }

    /// <summary>Each group's figures with its file names prefixed, so the groups' files do not overwrite each other.</summary>
    public static ReportImages Prefixed(ReportImages images, string prefix)
    {
        Image? P(Image? i) => i is null ? null : i with { FileName = prefix + i.FileName };
        return images with
        {
            Backtest = P(images.Backtest),
            Fits = images.Fits.ToDictionary(kv => kv.Key, kv => P(kv.Value)!),
            Residuals = P(images.Residuals),
            Frontier = P(images.Frontier),
            LossAgainstCompute = P(images.LossAgainstCompute),
            IsoFlop = P(images.IsoFlop),
        };
    }

    private static GroupedResult<T> Map<T>(GroupedResult<ReportResult> result, Func<ReportResult, T?> pick, Func<ReportResult, string?> note) where T : class =>
        new(result.Groups, result.Outcomes.Select(o => o.Result is { } r
            ? new GroupOutcome<T>(o.Group, pick(r), pick(r) is null ? note(r) ?? "not available for these runs" : null)
            : new GroupOutcome<T>(o.Group, null, o.Skipped)).ToList());

    /// <summary>A grouped report's blocks under a heading of the given level; without its data block when an earlier section showed it.</summary>
    private static IEnumerable<Block> Nested(Document document, int level, bool withData = true) => document.Blocks
        .Where(b => withData || b is not KeyValues { Items: [{ Key: "data" }, ..] })
        .Select(b => b is Heading h ? h with { Level = Math.Min(6, h.Level + level - 1) } : b);
}

using System.CommandLine;
using System.Text;
using ScalingFit.Analysis;
using ScalingFit.Cli.Common;
using ScalingFit.Data;
using ScalingFit.Plotting;
using ScalingFit.Plotting.Report;
using ScalingFit.Reporting;
using ScalingFit.Reporting.Json;

namespace ScalingFit.Cli.Report;

/// <summary>report --group-by: each group's report analysis and figures, then one page with the groups side by side and a section per group.</summary>
internal static class GroupedReport
{
    public static void Write(
        CliContext context, ParseResult parse, RunSet runs, DataOptions data, GroupByOption groupBy, IReadOnlyCollection<string>? inputColumns,
        ReportOptions options, FigureFormat format, string folder, bool json, ReportProvenance provenance, Func<ReportResult, ReportResult> fitted)
    {
        var groups = groupBy.Split(parse, runs, data, inputColumns);
        var images = new Dictionary<string, ReportImages>();
        int index = 0;
        var result = GroupedAnalysis.Run(groups, g =>
        {
            string prefix = $"g{++index}-{Slug(g.Label)}-";
            context.Error.WriteLine($"note: group {g.Name} ({g.RunCount} runs)");
            var (one, drawn) = ReportProgressDisplay.Run(context, options, o => fitted(ReportAnalysis.Run(g.Runs, o)),
                (r, rendered) => ReportFigures.Render(r, new ReportFigureOptions { Format = format, Rendered = rendered }));
            images[g.Label] = GroupedAnalysisReport.Prefixed(drawn, prefix);
            return one;
        });
        var figure = Figure(context, result, format);
        var written = ReportFiles.Write(folder, GroupedAnalysisReport.Build(result, provenance, figure, images), GroupedAnalysisReport.Title(result),
            made => context.Error.WriteLine($"note: made the folder {made}"));
        foreach (var path in written.Removed) context.Error.WriteLine($"note: removed {path}, which the previous report wrote and this one does not");
        if (json) context.Out.WriteLine(Json(written, result));
        else foreach (var path in written.All) context.Out.WriteLine(path);
    }

    /// <summary>The figure with a colour per group, of each group's one-input law; null (and a note) when it cannot be drawn.</summary>
    private static Image? Figure(CliContext context, GroupedResult<ReportResult> result, FigureFormat format)
    {
        var fits = GroupedFitFigure.FromComparisons(result.Groups.By,
            result.Analysed.Select(o => (o.Group.Name, o.Result!.Comparison, o.Result!.Runs)));
        if (fits is null) return null;
        try
        {
            using var figure = new GroupedFitFigure().Render(fits);
            string caption = $"{figure.Title}. Each group's runs and its law fitted on its own, with the 95% band; the legend gives each group's exponent.";
            return format == FigureFormat.Svg
                ? new Image(caption, "groups-fit.svg", "image/svg+xml", Encoding.UTF8.GetBytes(figure.ToSvg()))
                : new Image(caption, "groups-fit.png", "image/png", figure.ToPng());
        }
        catch (ScalingFitException e)
        {
            context.Error.WriteLine($"note: the report has no figure of the groups side by side: {e.Message}");
            return null;
        }
    }

    /// <summary>{"html", "markdown", "figures", "manifest", "groupBy", "groups": [{"label", "runs", "status", "bestLaw" or "reason"}]}.</summary>
    private static string Json(ReportFiles.Written written, GroupedResult<ReportResult> result) => JsonOutput.GroupedReport(new GroupedReportJson(
        written.Html, written.Markdown, [.. written.Figures], written.Manifest, [.. result.Groups.Columns],
        [.. result.Outcomes.Select(o => new GroupedReportJson.Group(
            o.Group.Label, o.Group.RunCount, o.Result is null ? "skipped" : "analysed",
            o.Result?.Best is { } best ? LawComparison.Name(best.Spec) : null, o.Skipped))]));

    private static string Slug(string label)
    {
        var slug = new string(label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return slug.Length == 0 ? "group" : slug.Length > 24 ? slug[..24] : slug;
    }
}

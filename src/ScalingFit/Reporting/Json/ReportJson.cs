using ScalingFit.Analysis;

namespace ScalingFit.Reporting.Json;

/// <summary>
/// The one-command report in JSON (<c>report --json</c>): the files written, and the whole analysis
/// as the commands that make up the report print it: the comparison (<c>compare</c>), every law's
/// fit (<c>fit</c>), the allocation (<c>optimal</c>) and the IsoFLOP analysis (<c>isoflop</c>).
/// </summary>
/// <param name="Html">The path of report.html.</param>
/// <param name="Markdown">The path of report.md.</param>
/// <param name="Figures">The paths of the figures written.</param>
/// <param name="Manifest">The path of the manifest of the files written.</param>
/// <param name="Removed">Files of an earlier report in the folder that this one removed.</param>
/// <param name="BestLaw">The law with the smallest backtest error, as the comparison names it; null when none could be fitted.</param>
/// <param name="Notes">Why a part is missing (no allocation, no IsoFLOP analysis, a figure not drawn).</param>
/// <param name="Command">The command that made the report.</param>
/// <param name="DataFile">The data read: a path with its size and SHA-256, or the built-in set.</param>
/// <param name="Version">The version of ScalingFit that made it.</param>
/// <param name="HeadlineBudget">The budget C the summary quotes N_opt and D_opt at (a row of the allocation); null without one.</param>
/// <param name="HeadlineFromData">Whether that budget is the default, ten times the largest run's compute, rather than one asked for.</param>
/// <param name="Data">The runs analysed.</param>
/// <param name="Warnings">Every warning of the comparison, the allocation and the IsoFLOP analysis, and each law that could not be
/// fitted, in the report's order without repeats; each fit's own warnings are also in its fit.</param>
/// <param name="Comparison">The laws ranked by backtest error, with AIC and BIC (as <c>compare --json</c>).</param>
/// <param name="Fits">Each law's fit to all the runs, best first (as <c>fit --json</c>).</param>
/// <param name="Optimal">The compute-optimal allocation (as <c>optimal --json</c>); null when the runs do not allow one.</param>
/// <param name="Isoflop">The IsoFLOP analysis (as <c>isoflop --json</c>); null when the runs do not allow one.</param>
/// <param name="Approaches">Approach 2 against approach 3 at the headline budget, with the vertex bias (as in <c>optimal --json</c>); null without a headline budget.</param>
public sealed record ReportJson(
    string Html, string Markdown, IReadOnlyList<string> Figures, string Manifest, IReadOnlyList<string> Removed, string? BestLaw,
    IReadOnlyList<string> Notes, string Command, string DataFile, string Version, double? HeadlineBudget, bool HeadlineFromData, DataJson Data,
    IReadOnlyList<string> Warnings, ComparisonJson Comparison, IReadOnlyList<FitJson> Fits, OptimalJson? Optimal, IsoFlopJson? Isoflop,
    ApproachesJson? Approaches)
{
    /// <summary>The report's JSON.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="files">The files the caller wrote.</param>
    /// <param name="provenance">The command, data and version that made the report.</param>
    /// <param name="figureNotes">Figures that could not be drawn, and why.</param>
    public static ReportJson Of(ReportResult result, ReportPaths files, ReportProvenance provenance, IReadOnlyList<string>? figureNotes = null) => new(
        files.Html, files.Markdown, files.Figures, files.Manifest, files.Removed,
        result.Best is { } best ? LawComparison.Name(best.Spec) : null,
        new[] { result.OptimalNote, result.IsoFlopNote }.OfType<string>().Concat(figureNotes ?? []).ToList(),
        provenance.CommandLine, provenance.DataFile, provenance.Version,
        result.HeadlineBudget,
        result.HeadlineFromData,
        DataJson.Of(Fitting.DataDescription.Of(result.Runs)),
        AllWarnings(result),
        ComparisonJson.Of(result.Comparison),
        result.Fitted.Select(s => FitJson.Of(s.Fit!)).ToList(),
        result.Optimal is { } optimal ? OptimalJson.Of(optimal) : null,
        result.IsoFlop is { } isoFlop ? IsoFlopJson.Of(isoFlop) : null,
        result.Approaches is { } approaches ? ApproachesJson.Of(approaches) : null);

    private static List<string> AllWarnings(ReportResult result) => result.Comparison.Warnings
        .Concat(result.Comparison.Scores.Where(s => s.Fit is null).Select(s => $"{LawComparison.Name(s.Spec)} could not be fitted: {s.Error}"))
        .Concat(result.Optimal?.Warnings ?? [])
        .Concat(result.IsoFlop?.Warnings ?? [])
        .Concat(result.Approaches is { } a ? Diagnostic.Messages(a.Diagnostics) : [])
        .Distinct(StringComparer.Ordinal)
        .ToList();
}

/// <summary>The files a report wrote, as paths.</summary>
/// <param name="Html">report.html.</param>
/// <param name="Markdown">report.md.</param>
/// <param name="Figures">The figures.</param>
/// <param name="Manifest">The manifest.</param>
/// <param name="Removed">Files of an earlier report removed.</param>
public sealed record ReportPaths(string Html, string Markdown, IReadOnlyList<string> Figures, string Manifest, IReadOnlyList<string> Removed);

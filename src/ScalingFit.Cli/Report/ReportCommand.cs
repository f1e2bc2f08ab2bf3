using System.CommandLine;
using ScalingFit.Analysis;
using ScalingFit.Cli.Common;
using ScalingFit.Data;
using ScalingFit.Plotting;
using ScalingFit.Plotting.Report;
using ScalingFit.Reporting;
using ScalingFit.Cli.Help;

namespace ScalingFit.Cli.Report;

/// <summary>
/// scalingfit report: one command that fits and compares every law that applies, computes the
/// compute-optimal allocation and the IsoFLOP analysis where the runs allow, and writes a
/// self-contained HTML page and a Markdown file with the figures beside it.
/// </summary>
internal static class ReportCommand
{
    /// <summary>Bootstrap resamples behind the intervals when --bootstrap is not given.</summary>
    public const int DefaultBootstrap = 1000;

    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var nonlinear = new NonlinearOptions(DefaultBootstrap);
        var holdout = new HoldoutOptions();
        var budgets = new BudgetOptions();
        var convention = new ConventionOption();
        var output = new OutputOptions();
        var groupBy = new GroupByOption();
        var outDir = new Option<string>("--out", "-o")
        {
            Description = "The folder to write report.html, report.md and the figures into: an existing folder, or a new one " +
                          "inside an existing folder (made, and said so). A later report into the same folder replaces the files " +
                          "of the earlier one (listed in its report-manifest.txt) and leaves every other file alone.",
            DefaultValueFactory = _ => "report",
            HelpName = "folder",
        };
        var laws = new Option<string?>("--laws")
        {
            Description = $"Comma-separated laws to fit and compare (default: every applicable one of {Common.LawList.Compared}).",
        };
        var x = new Option<string?>("--x")
        {
            Description = "The input of the one-input laws (power, saturating): N, D or C (default: N, else D, else C, whichever the runs have).",
        };
        var figureFormat = new Option<string>("--figure-format")
        {
            Description = "Format of the figures: svg (inline in the HTML, files beside the Markdown) or png.",
            DefaultValueFactory = _ => "svg",
        };
        figureFormat.AcceptOnlyFromAmong("svg", "png");
        var headline = new Option<double?>("--compute")
        {
            Description = "The compute budget C in FLOP at which the summary quotes N_opt and D_opt (default: ten times the largest " +
                          "run's compute). The allocation table has one row per decade of the runs, this budget and Chinchilla's 5.76e23.",
        };
        var command = new Command("report",
            "Write a report: fit and compare every law that applies (ranked by backtest error, with AIC and BIC), the compute-optimal " +
            "allocation and the IsoFLOP analysis where the runs allow, with figures, as DIR/report.html (self-contained) and DIR/report.md. " +
            "Prints the paths written.");
        command.WithExamples(
            new("scalingfit report", "the built-in Chinchilla runs, into report/"),
            new("scalingfit report samples/isoflop-runs.csv --where experiment=hoffmann --out isoflop-report", "your runs, into a folder of their own"),
            new("scalingfit report --bootstrap 200 --figure-format png", "fewer resamples, PNG figures"),
            new("scalingfit report samples/isoflop-runs.csv --group-by experiment --out per-experiment", "the experiments side by side, then a section each"));
        data.AddTo(command);
        foreach (var option in new Option[] { outDir, laws, x, figureFormat, headline }) command.Add(option);
        nonlinear.AddTo(command);
        holdout.AddTo(command);
        budgets.AddTo(command);
        convention.AddTo(command);
        groupBy.AddTo(command);
        output.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            // Every option is checked, and the folder made, before the runs are read and the laws fitted.
            var fit = nonlinear.Build(parse);
            var split = parse.GetResult(holdout.Above) is { Implicit: false } || parse.GetResult(holdout.Fraction) is { Implicit: false }
                ? holdout.Build(parse)
                : null;
            var input = parse.GetValue(x) is { } symbol ? Quantities.Parse(symbol) : (Quantity?)null;
            var specs = parse.GetValue(laws) is { } names ? LawList.Parse(names, input ?? Quantity.ParameterCount) : null;
            var format = parse.GetValue(figureFormat) == "png" ? FigureFormat.Png : FigureFormat.Svg;
            var isoFlop = budgets.Build(parse);
            var folder = ReportFiles.Prepare(parse.GetValue(outDir)!);
            double? budget = parse.GetValue(headline);
            if (budget is { } c && !(c > 0 && double.IsFinite(c))) throw new OptionException($"--compute must be a positive number of FLOP, got {c}.");
            var (runs, inConvention) = convention.Apply(parse, data.Load(parse, inputColumns: specs is null ? null : LawList.InputColumns(specs)),
                convention.Build(parse, parse.GetValue(data.File)));
            // Sizes the analysis computes in total parameters are given back in non-embedding ones when the runs were converted.
            var back = convention.BackConversion(parse, runs);
            Func<ReportResult, ReportResult> finished = r => Fitted(back is null ? r : NonEmbeddingResults.Apply(back, r));
            var options = new ReportOptions
            {
                Holdout = split,
                Input = input,
                Laws = specs is null ? null : LawList.Resolve(specs, runs),
                Fit = fit,
                IsoFlop = isoFlop,
                Convention = inConvention,
                HeadlineBudget = budget,
            };
            if (groupBy.Given(parse))
            {
                GroupedReport.Write(context, parse, runs, data, groupBy, specs is null ? null : LawList.InputColumns(specs), options, format, folder,
                    parse.GetValue(output.Json), new ReportProvenance(CommandLine(parse), ReportFiles.Describe(parse.GetValue(data.File)), Version()), finished);
                return;
            }
            var (result, images) = ReportProgressDisplay.Run(context, options,
                o => finished(ReportAnalysis.Run(runs, o)),
                (r, rendered) => ReportFigures.Render(r, new ReportFigureOptions { Format = format, Rendered = rendered }));
            var provenance = new ReportProvenance(CommandLine(parse), ReportFiles.Describe(parse.GetValue(data.File)), Version());
            var written = ReportFiles.Write(folder, AnalysisReport.Build(result, provenance, images), AnalysisReport.Title(result),
                made => context.Error.WriteLine($"note: made the folder {made}"));
            foreach (var path in written.Removed) context.Error.WriteLine($"note: removed {path}, which the previous report wrote and this one does not");
            if (parse.GetValue(output.Json)) context.Out.WriteLine(ReportFiles.Json(written, result, provenance, images.Notes));
            else foreach (var path in written.All) context.Out.WriteLine(path);
        }));
        return command;
    }

    /// <summary>
    /// The analysis when a law could be fitted: a report without a single fitted law is a failure to
    /// say so (exit 1, the previous report left as it was), not a page of warnings.
    /// </summary>
    /// <exception cref="FitException">No law could be fitted.</exception>
    private static ReportResult Fitted(ReportResult result) => result.Best is not null
        ? result
        : throw new FitException($"no law could be fitted to {result.Runs.Source}: " +
                                 string.Join("; ", result.Comparison.Scores.Select(s => $"{LawComparison.Name(s.Spec)}: {s.Error}")));

    /// <summary>The command as typed, each argument quoted where a shell would need it.</summary>
    private static string CommandLine(ParseResult parse) =>
        "scalingfit " + string.Join(' ', parse.Tokens.Select(t => Quote(t.Value)));

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,+@%".Contains(c))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Version()
    {
        var assembly = typeof(ReportCommand).Assembly;
        var informational = (System.Reflection.AssemblyInformationalVersionAttribute?)Attribute.GetCustomAttribute(
            assembly, typeof(System.Reflection.AssemblyInformationalVersionAttribute));
        return informational?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }
}

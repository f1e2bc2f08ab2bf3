using System.CommandLine;
using ScalingFit.Analysis;
using ScalingFit.Cli.Common;
using ScalingFit.Data;
using ScalingFit.Plotting;
using ScalingFit.Plotting.Report;
using ScalingFit.Reporting;

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
        var outDir = new Option<string>("--out", "-o")
        {
            Description = "The folder to write report.html, report.md and the figures into (created if needed).",
            DefaultValueFactory = _ => "report",
        };
        var laws = new Option<string?>("--laws")
        {
            Description = "Comma-separated laws to fit and compare (default: every applicable one of power, saturating, joint, kaplan-nd, chinchilla).",
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
        var command = new Command("report",
            "Write a report: fit and compare every law that applies (ranked by backtest error, with AIC and BIC), the compute-optimal " +
            "allocation and the IsoFLOP analysis where the runs allow, with figures, as DIR/report.html (self-contained) and DIR/report.md. " +
            "Prints the paths written.");
        data.AddTo(command);
        foreach (var option in new Option[] { outDir, laws, x, figureFormat }) command.Add(option);
        nonlinear.AddTo(command);
        holdout.AddTo(command);
        budgets.AddTo(command);
        convention.AddTo(command);
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
            var runs = data.Load(parse);
            var options = new ReportOptions
            {
                Holdout = split,
                Input = input,
                Laws = specs is null ? null : LawList.Resolve(specs, runs),
                Fit = fit,
                IsoFlop = isoFlop,
                Convention = convention.Build(parse, parse.GetValue(data.File)),
            };
            var (result, images) = ReportProgressDisplay.Run(context, options,
                o => ReportAnalysis.Run(runs, o),
                (r, rendered) => ReportFigures.Render(r, new ReportFigureOptions { Format = format, Rendered = rendered }));
            var provenance = new ReportProvenance(CommandLine(parse), ReportFiles.Describe(parse.GetValue(data.File)), Version());
            var written = ReportFiles.Write(folder, AnalysisReport.Build(result, provenance, images), AnalysisReport.Title(result));
            if (parse.GetValue(output.Json)) context.Out.WriteLine(ReportFiles.Json(written, result));
            else foreach (var path in written.All) context.Out.WriteLine(path);
        }));
        return command;
    }

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

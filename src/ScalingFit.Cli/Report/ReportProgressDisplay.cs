using ScalingFit.Analysis;
using ScalingFit.Cli.Rendering;
using ScalingFit.Reporting;
using Spectre.Console;

namespace ScalingFit.Cli.Report;

/// <summary>
/// The report's progress on standard error while a person watches a terminal: the laws (moving with
/// each batch of starts of a nonlinear law's search), the bootstrap of the current law, the
/// frontier and IsoFLOP analysis, the figures. One line per stage, as wide as the terminal and no
/// wider, so nothing wraps at 60 columns. Silent when either output is not a terminal.
/// </summary>
internal static class ReportProgressDisplay
{
    /// <summary>Width of the stage names: "bootstrap: saturating (N)" fits.</summary>
    private const int NameWidth = 25;

    public static (ReportResult Result, ReportImages Images) Run(
        CliContext context, ReportOptions options,
        Func<ReportOptions, ReportResult> analyse, Func<ReportResult, Action<string>?, ReportImages> draw)
    {
        if (!context.Interactive)
        {
            var quiet = analyse(options);
            return (quiet, draw(quiet, null));
        }
        return ProgressLayout.Create(context.ErrorConsole, NameWidth)
            .Start(ctx =>
            {
                int laws = options.Laws?.Count ?? 5, law = 0;
                var fitting = ctx.AddTask(Name("fitting the laws"), maxValue: laws);
                var bootstrap = options.Fit.Bootstrap is { } b ? ctx.AddTask(Name("bootstrap"), maxValue: b.Resamples) : null;
                var allocation = ctx.AddTask(Name("frontier and IsoFLOP"), maxValue: 2);
                var result = analyse(options with
                {
                    Progress = p =>
                    {
                        switch (p.Stage)
                        {
                            case ReportStage.Laws:
                                fitting.MaxValue = p.Total;
                                fitting.Value = law = p.Done;
                                fitting.Description = Name(p.Item.Length == 0 ? "fitted the laws" : $"fitting {p.Item}");
                                break;
                            case ReportStage.Starts when p.Total > 0:
                                fitting.Value = law + (double)p.Done / p.Total;
                                break;
                            case ReportStage.Bootstrap when bootstrap is not null:
                                bootstrap.MaxValue = p.Total;
                                bootstrap.Value = p.Done;
                                bootstrap.Description = Name($"bootstrap: {p.Item}");
                                break;
                            case ReportStage.Allocation:
                                allocation.Value = p.Done;
                                break;
                        }
                    },
                });
                fitting.Value = fitting.MaxValue;
                fitting.StopTask();
                bootstrap?.StopTask();
                allocation.Value = allocation.MaxValue;
                allocation.StopTask();
                var figures = ctx.AddTask(Name("drawing the figures"), maxValue: 1 + result.Fitted.Count + 4);
                var images = draw(result, _ => figures.Increment(1));
                figures.Value = figures.MaxValue;
                return (result, images);
            });
    }

    private static string Name(string text) => ProgressLayout.Name(text, NameWidth);
}

using ScalingFit.Analysis;
using ScalingFit.Reporting;
using Spectre.Console;

namespace ScalingFit.Cli.Report;

/// <summary>
/// The report's progress on standard error while a person watches a terminal: the laws fitted,
/// the bootstrap of the current law, the figures drawn. Silent otherwise.
/// </summary>
internal static class ReportProgressDisplay
{
    public static (ReportResult Result, ReportImages Images) Run(
        CliContext context, ReportOptions options,
        Func<ReportOptions, ReportResult> analyse, Func<ReportResult, Action<string>?, ReportImages> draw)
    {
        if (!context.Interactive)
        {
            var quiet = analyse(options);
            return (quiet, draw(quiet, null));
        }
        return context.ErrorConsole.Progress().AutoClear(true).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                int laws = options.Laws?.Count ?? 5;
                var fitting = ctx.AddTask("fitting and backtesting the laws", maxValue: laws);
                var bootstrap = options.Fit.Bootstrap is { } b ? ctx.AddTask($"bootstrap ({b.Resamples} resamples)", maxValue: b.Resamples) : null;
                var allocation = ctx.AddTask("compute-optimal frontier and IsoFLOP", maxValue: 2);
                var result = analyse(options with
                {
                    Progress = p =>
                    {
                        switch (p.Stage)
                        {
                            case ReportStage.Laws:
                                fitting.MaxValue = p.Total;
                                fitting.Value = p.Done;
                                fitting.Description = p.Item.Length == 0 ? "fitted and backtested the laws" : $"fitting and backtesting {Markup.Escape(p.Item)}";
                                break;
                            case ReportStage.Bootstrap when bootstrap is not null:
                                bootstrap.Value = p.Done;
                                bootstrap.Description = $"bootstrap of {Markup.Escape(p.Item)} ({p.Total} resamples)";
                                break;
                            case ReportStage.Allocation:
                                allocation.Value = p.Done;
                                break;
                        }
                    },
                });
                fitting.StopTask();
                bootstrap?.StopTask();
                allocation.StopTask();
                var figures = ctx.AddTask("drawing the figures", maxValue: 1 + result.Fitted.Count + 3);
                var images = draw(result, _ => figures.Increment(1));
                figures.Value = figures.MaxValue;
                return (result, images);
            });
    }
}

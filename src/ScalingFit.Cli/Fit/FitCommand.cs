using System.CommandLine;
using ScalingFit.Cli.Common;
using ScalingFit.Reporting;
using ScalingFit.Reporting.Json;
using ScalingFit.Cli.Help;
using ScalingFit.Analysis;

namespace ScalingFit.Cli.Fit;

/// <summary>scalingfit fit: fit a scaling law to observed runs and report it.</summary>
internal static class FitCommand
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var law = new LawOptions();
        var output = new OutputOptions();
        var nonlinear = new NonlinearOptions();
        var groupBy = new GroupByOption();
        var convention = new ConventionOption();
        var command = new Command("fit", "Fit a scaling law to training runs: exponents with standard errors, 95% intervals and diagnostics.");
        command.WithExamples(
            new("scalingfit fit", "the power law L = (N_c/N)^α on the built-in Chinchilla runs"),
            new("scalingfit fit --law chinchilla --bootstrap 1000", "L = E + A/N^α + B/D^β with bootstrap percentile intervals"),
            new("scalingfit fit samples/training-log.csv --run-column model,seed --step-column step", "one checkpoint per run from a training log"),
            new("scalingfit fit --law saturating --x D --json", "L = E + A·D^(−α) as one JSON object"));
        data.AddTo(command);
        law.AddTo(command);
        nonlinear.AddTo(command);
        convention.AddTo(command);
        groupBy.AddTo(command);
        output.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            var request = law.Request(parse);
            nonlinear.Build(parse);
            var runs = convention.Convert(parse, data.Load(parse, request.Uses, request.InputColumns, request.TargetColumns));
            if (groupBy.Given(parse))
            {
                var groups = groupBy.Run(parse, runs, data, request.InputColumns, g => nonlinear.Fit(parse, context, request.Resolve(g), g));
                output.Write(parse, context, () => GroupReport.Fit(groups), () => JsonOutput.Groups(groups, JsonOutput.Fit, GroupDifferences.Fit(groups)));
                return;
            }
            var fit = nonlinear.Fit(parse, context, request.Resolve(runs), runs);
            output.Write(parse, context, () => FitReport.Build(fit), () => JsonOutput.Fit(fit));
        }));
        return command;
    }
}

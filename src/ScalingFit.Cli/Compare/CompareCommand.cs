using System.CommandLine;
using ScalingFit.Analysis;
using ScalingFit.Cli.Common;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Reporting;
using ScalingFit.Reporting.Json;
using ScalingFit.Cli.Help;

namespace ScalingFit.Cli.Compare;

/// <summary>scalingfit compare: fit every applicable law to the same runs and rank them by backtest error.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var nonlinear = new NonlinearOptions();
        var holdout = new HoldoutOptions();
        var output = new OutputOptions();
        var groupBy = new GroupByOption();
        var convention = new ConventionOption();
        var laws = new Option<string?>("--laws")
        {
            Description = $"Comma-separated laws to compare (default: every applicable one of {LawList.Compared}).",
        };
        var x = new Option<string>("--x")
        {
            Description = "The input of the one-input laws (power, saturating): N, D or C.",
            DefaultValueFactory = _ => "N",
        };
        var command = new Command("compare",
            "Compare laws on the same runs: rank them by how well they predict held-out larger runs, with AIC, BIC and residual spread beside.");
        command.WithExamples(
            new("scalingfit compare", "every law that applies, ranked by backtest error, with AIC and BIC"),
            new("scalingfit compare --laws power,saturating,chinchilla --holdout-fraction 0.3", "three laws, holding out 30%"),
            new("scalingfit compare --x C --json", "one-input laws in compute C, as JSON"));
        data.AddTo(command);
        command.Add(laws);
        command.Add(x);
        nonlinear.AddTo(command);
        holdout.AddTo(command);
        convention.AddTo(command);
        groupBy.AddTo(command);
        output.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            var input = Quantities.Parse(parse.GetValue(x)!);
            holdout.Build(parse);
            var requests = parse.GetValue(laws) is { } names ? LawList.Parse(names, input) : null;
            var runs = convention.Convert(parse, data.Load(parse, inputColumns: requests is null ? null : LawList.InputColumns(requests)));
            var split = holdout.Build(parse, runs.Has(Quantity.Compute) ? Quantity.Compute : input);
            if (groupBy.Given(parse))
            {
                var groups = groupBy.Run(parse, runs, data, requests is null ? null : LawList.InputColumns(requests), g => Compared(
                    LawComparison.Compare(g, split, requests is null ? LawComparison.ApplicableLaws(g, input) : LawList.Resolve(requests, g), nonlinear.Build(parse))));
                output.Write(parse, context, () => GroupReport.Compare(groups), () => JsonOutput.Groups(groups, JsonOutput.Comparison, []));
                return;
            }
            var specs = requests is null ? LawComparison.ApplicableLaws(runs, input) : LawList.Resolve(requests, runs);
            var result = LawComparison.Compare(runs, split, specs, nonlinear.Build(parse));
            output.Write(parse, context, () => BacktestReport.Build(result), () => JsonOutput.Comparison(result));
        }));
        return command;
    }

    /// <summary>A group's comparison when a law could be fitted; otherwise the group is skipped with every law's reason.</summary>
    private static ComparisonResult Compared(ComparisonResult result) => result.Scores.Any(s => s.Fit is not null)
        ? result
        : throw new FitException("no law could be fitted: " + string.Join("; ", result.Scores.Select(s => $"{LawComparison.Name(s.Spec)}: {s.Error}")));
}

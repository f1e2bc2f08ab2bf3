using System.CommandLine;
using ScalingFit.Cli.Common;
using ScalingFit.Reporting;
using ScalingFit.Reporting.Json;
using ScalingFit.Cli.Help;

namespace ScalingFit.Cli.Backtest;

/// <summary>scalingfit backtest: fit a law to the smaller runs and judge its predictions of the larger ones.</summary>
internal static class BacktestCommand
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var law = new LawOptions();
        var nonlinear = new NonlinearOptions();
        var holdout = new HoldoutOptions();
        var output = new OutputOptions();
        var convention = new ConventionOption();
        var command = new Command("backtest",
            "Backtest a law: hold out the largest runs, fit the rest, and report the error of each held-out prediction and whether " +
            "it fell inside the 95% interval.");
        command.WithExamples(
            new("scalingfit backtest --law chinchilla", "hold out the largest 20% of runs by compute, fit the rest, predict them"),
            new("scalingfit backtest --law chinchilla --holdout-above N=5e9", "hold out every run above 5B parameters"),
            new("scalingfit backtest --holdout-fraction 0.3 --json", "the power law, holding out 30%, as JSON"));
        data.AddTo(command);
        law.AddTo(command);
        nonlinear.AddTo(command);
        holdout.AddTo(command);
        convention.AddTo(command);
        output.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            var request = law.Request(parse);
            var options = nonlinear.Build(parse);
            var runs = convention.Convert(parse, data.Load(parse, request.Uses, request.InputColumns, request.TargetColumns));
            var spec = request.Resolve(runs);
            nonlinear.RequireNonlinear(parse, spec);
            var scale = spec.Inputs.Select(i => i.Quantity).FirstOrDefault(q => q is not null && q != ScalingFit.Data.Quantity.Loss) ?? ScalingFit.Data.Quantity.Compute;
            var split = holdout.Build(parse, runs.Has(ScalingFit.Data.Quantity.Compute) ? ScalingFit.Data.Quantity.Compute : scale).Split(runs);
            var result = ScalingFit.Analysis.Backtest.Run(split, spec, options);
            output.Write(parse, context, () => BacktestReport.Build(result), () => JsonOutput.Backtest(result));
        }));
        return command;
    }
}

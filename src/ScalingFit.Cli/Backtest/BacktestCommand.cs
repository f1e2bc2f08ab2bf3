using System.CommandLine;
using ScalingFit.Cli.Common;
using ScalingFit.Reporting;
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
        output.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            var spec = law.Spec(parse);
            var split = holdout.Build(parse).Split(data.Load(parse));
            var result = ScalingFit.Analysis.Backtest.Run(split, spec, nonlinear.Build(parse));
            output.Write(parse, context, () => BacktestReport.Build(result), () => BacktestJson.Backtest(result));
        }));
        return command;
    }
}

using System.CommandLine;
using ScalingFit.Analysis;
using ScalingFit.Cli.Common;
using ScalingFit.Data;
using ScalingFit.Reporting;
using ScalingFit.Cli.Help;

namespace ScalingFit.Cli.Predict;

/// <summary>scalingfit predict: the loss of larger models from a fitted law, with 95% intervals.</summary>
internal static class PredictCommand
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var law = new LawOptions();
        var output = new OutputOptions();
        var nonlinear = new NonlinearOptions();
        var at = new Option<string[]>("--at")
        {
            Description = "Point to predict at, e.g. N=7e10 or N=7e10,D=1.4e12; repeatable. Any two of N, D, C give the third by C = 6ND.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            Required = true,
        };
        var command = new Command("predict", "Predict the loss of new runs from a law fitted to the data, with a 95% prediction interval.");
        command.WithExamples(
            new("scalingfit predict --at N=7e10 --at N=1e12", "the power law's loss at 70B and 1T parameters"),
            new("scalingfit predict --law chinchilla --at N=7e10,D=1.4e12", "Chinchilla's own size and tokens"),
            new("scalingfit predict --law joint --at N=7e10,C=5.9e23", "any two of N, D and C give the third by C = 6ND"));
        data.AddTo(command);
        law.AddTo(command);
        nonlinear.AddTo(command);
        command.Add(at);
        output.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            var points = parse.GetValue(at)!.Select(Predictor.ParsePoint).ToList();
            var spec = law.Spec(parse, Hint(points));
            foreach (var point in points) Predictor.Complete(point, spec.Inputs, spec.Law);
            var fit = nonlinear.Fit(parse, context, spec, data.Load(parse));
            var predictions = points.Select(p => Predictor.Predict(fit, p)).ToList();
            output.Write(parse, context, () => PredictionReport.Build(fit, predictions), () => JsonOutput.Predictions(fit, predictions));
        }));
        return command;
    }

    /// <summary>The inputs named by every point, used as --x when it is not given.</summary>
    private static IReadOnlyCollection<Quantity>? Hint(IReadOnlyList<IReadOnlyDictionary<Quantity, double>> points)
    {
        var common = points.Select(p => p.Keys.ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; });
        return common.Count > 0 ? common.OrderBy(q => q).ToList() : null;
    }
}

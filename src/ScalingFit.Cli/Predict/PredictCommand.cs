using System.CommandLine;
using ScalingFit.Analysis;
using ScalingFit.Cli.Common;
using ScalingFit.Laws;
using ScalingFit.Reporting;
using ScalingFit.Reporting.Json;
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
        var metricLaw = new Option<string?>("--metric-law")
        {
            Description = "Chain a law of a downstream metric against the loss (sigmoid, downstream or a formula in L) to predict the metric " +
                          "from the predicted loss, with both laws' uncertainty in its interval; needs --metric-column.",
        };
        var metricColumn = new Option<string?>("--metric-column") { Description = "The column of the metric the --metric-law predicts, e.g. accuracy." };
        var convention = new ConventionOption();
        var command = new Command("predict", "Predict the loss of new runs from a law fitted to the data, with a 95% prediction interval.");
        command.WithExamples(
            new("scalingfit predict --at N=7e10 --at N=1e12", "the power law's loss at 70B and 1T parameters"),
            new("scalingfit predict --law chinchilla --at N=7e10,D=1.4e12", "Chinchilla's own size and tokens"),
            new("scalingfit predict --law joint --at N=7e10,C=5.9e23", "any two of N, D and C give the third by C = 6ND"));
        data.AddTo(command);
        law.AddTo(command);
        nonlinear.AddTo(command);
        command.Add(at);
        command.Add(metricLaw);
        command.Add(metricColumn);
        convention.AddTo(command);
        output.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            var points = parse.GetValue(at)!.Select(OptionParsers.Point).ToList();
            var request = law.Request(parse, Hint(points));
            var chain = MetricRequest(parse.GetValue(metricLaw), parse.GetValue(metricColumn));
            if (request.BuiltIn is { } builtIn)
                foreach (var point in points) Predictor.Complete(point, builtIn.Inputs, builtIn.Name);
            nonlinear.Build(parse);
            var (runs, back) = convention.ConvertWithBack(parse, data.Load(parse, LawRequest.UsesOf(request, chain), request.InputColumns, request.TargetColumns));
            var spec = request.Resolve(runs);
            foreach (var point in points) Predictor.Complete(point, spec.Inputs, spec.Law.Name);
            var fit = nonlinear.Fit(parse, context, spec, runs);
            if (chain is not null)
            {
                var metricSpec = chain.Resolve(runs);
                var options = nonlinear.Build(parse);
                // Huber's δ is set for residuals of ln L; a metric in linear units is fitted by least squares unless asked otherwise.
                if (parse.GetResult(nonlinear.LossFunction) is not { Implicit: false }) options = options with { Loss = ScalingFit.Fitting.LossFunction.LeastSquares };
                var metricFit = metricSpec.Fit(runs, options);
                var chained = MetricChain.Predict(fit, metricFit, points, parse.GetValue(nonlinear.Seed));
                if (back is not null) chained = chained.Select(c => c with { Loss = NonEmbeddingResults.Apply(back, [c.Loss])[0] }).ToList();
                output.Write(parse, context, () => PredictionReport.Build(fit, metricFit, chained), () => JsonOutput.Predictions(fit, metricFit, chained));
                return;
            }
            IReadOnlyList<Prediction> predictions = points.Select(p => Predictor.Predict(fit, p)).ToList();
            if (back is not null) predictions = NonEmbeddingResults.Apply(back, predictions);
            output.Write(parse, context, () => PredictionReport.Build(fit, predictions, back?.Assumption), () => JsonOutput.Predictions(fit, predictions));
        }));
        return command;
    }

    /// <summary>The metric law of a two-step prediction, or null; checked before any data is read.</summary>
    private static LawRequest? MetricRequest(string? law, string? column)
    {
        if (law is null && column is null) return null;
        if (law is null) throw new OptionException("--metric-column names the metric of a --metric-law; give the law too, e.g. --metric-law sigmoid.");
        if (column is null) throw new OptionException($"--metric-law {law} predicts a metric column; name it with --metric-column, e.g. --metric-column accuracy.");
        var definition = ScalingFit.Laws.LawRegistry.Find(law);
        if (definition is null)
        {
            if (!ScalingFit.Laws.Formulas.FormulaLaw.LooksLikeFormula(law)) throw LawList.Unknown(law, "--metric-law");
            ScalingFit.Laws.Formulas.FormulaLaw.Check(law);
        }
        return new LawRequest(law, definition, new ScalingFit.Laws.LawSettings(), definition is null ? new ScalingFit.Laws.Formulas.FormulaOptions() : null,
            ScalingFit.Fitting.ParameterConstraints.None, column, null, false);
    }

    /// <summary>The inputs named by every point, used as --x when it is not given.</summary>
    private static IReadOnlyCollection<LawInput>? Hint(IReadOnlyList<IReadOnlyDictionary<LawInput, double>> points)
    {
        var common = points.Select(p => p.Keys.ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; });
        return common.Count > 0 ? common.OrderBy(q => q).ToList() : null;
    }
}

using System.CommandLine;
using ScalingFit.Analysis;
using ScalingFit.Cli.Common;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Reporting;
using ScalingFit.Reporting.Json;
using ScalingFit.Cli.Help;

namespace ScalingFit.Cli.Optimal;

/// <summary>scalingfit optimal: the compute-optimal model size and token count for a budget, from a fitted law of N and D.</summary>
internal static class OptimalCommand
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var nonlinear = new NonlinearOptions();
        var output = new OutputOptions();
        var law = new LawOptions(defaultLaw: "chinchilla");
        var compute = new Option<double[]>("--compute")
        {
            Description = "A compute budget C in FLOP, e.g. 5.76e23; repeatable.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var range = new Option<string?>("--compute-range")
        {
            Description = "Budgets LOW:HIGH, log-spaced (one per decade unless --points), e.g. 1e18:1e26. " +
                          "Default 1e18:1e26 when no --compute, --n or --target-loss is given.",
        };
        var points = new Option<int?>("--points") { Description = "How many log-spaced budgets across --compute-range (both ends included)." };
        var sizes = new Option<double[]>("--n")
        {
            Description = "A model size N: the budget at which it is the compute-optimal size; repeatable.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var targets = new Option<double[]>("--target-loss")
        {
            Description = "A loss to reach: the smallest budget whose optimal allocation reaches it; repeatable.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var convention = new ConventionOption();
        var groupBy = new GroupByOption();
        var compare = new CompareOption("approach 2: an IsoFLOP analysis of the same runs with the isoflop defaults");

        var command = new Command("optimal",
            "Compute-optimal allocation: the model size N_opt and tokens D_opt that minimize a fitted law at a budget C = 6ND, " +
            "the budget at which a size is optimal, and the budget that reaches a loss.");
        command.WithExamples(
            new("scalingfit optimal --compute 5.76e23", "N_opt and D_opt at Chinchilla's budget"),
            new("scalingfit optimal --compute-range 1e18:1e26 --points 17", "a log-spaced table, two rows per decade"),
            new("scalingfit optimal --n 7e10 --target-loss 2.0", "the budget where 70B is optimal; the budget that reaches L = 2"),
            new("scalingfit optimal --compute 5.76e23 --bootstrap 200 --json", "with bootstrap intervals, as JSON"));
        data.AddTo(command);
        law.AddTo(command);
        nonlinear.AddTo(command);
        foreach (var option in new Option[] { compute, range, points, sizes, targets }) command.Add(option);
        convention.AddTo(command);
        compare.AddTo(command);
        groupBy.AddTo(command);
        output.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            var budgets = new List<double>(parse.GetValue(compute) ?? []);
            var n = parse.GetValue(sizes) ?? [];
            var losses = parse.GetValue(targets) ?? [];
            string? rangeText = parse.GetValue(range);
            if (rangeText is null && parse.GetValue(points) is not null)
                throw new OptionException("--points spaces the budgets of --compute-range; give --compute-range LOW:HIGH too.");
            if (rangeText is null && budgets.Count == 0 && n.Length == 0 && losses.Length == 0) rangeText = "1e18:1e26";
            if (rangeText is not null)
            {
                var (low, high) = OptionParsers.Range(rangeText, "--compute-range");
                budgets.AddRange(ComputeBudgets.LogSpaced(low, high, parse.GetValue(points)));
            }
            var options = new ComputeOptimalOptions
            {
                Budgets = budgets,
                ParameterCounts = n,
                TargetLosses = losses,
                Convention = convention.Build(parse, parse.GetValue(data.File)),
            }.Validated();
            var request = law.Request(parse);
            if (request.BuiltIn is { } builtIn && !ComputeFrontier.Supports(builtIn)) throw ComputeFrontier.Unsupported(builtIn);
            nonlinear.Build(parse);
            var (runs, inConvention) = convention.Apply(parse, data.Load(parse, request.Uses, request.InputColumns), options.Convention);
            options = options with { Convention = inConvention };
            var spec = request.Resolve(runs);
            if (!ComputeFrontier.Supports(spec.Law)) throw ComputeFrontier.Unsupported(spec.Law);
            if (groupBy.Given(parse))
            {
                var groups = groupBy.Run(parse, runs, data, request.InputColumns,
                    g => ComputeOptimal.Analyze(nonlinear.Fit(parse, context, request.Resolve(g), g), options));
                output.Write(parse, context, () => GroupReport.Optimal(groups), () => JsonOutput.Groups(groups, JsonOutput.Optimal, GroupDifferences.Optimal(groups)));
                return;
            }
            var fit = nonlinear.Fit(parse, context, spec, runs);
            var result = convention.Back(parse, runs, ComputeOptimal.Analyze(fit, options));
            if (compare.Wanted(parse)) result = ApproachComparisons.ForOptimal(runs, result).AddTo(result);
            output.Write(parse, context, () => OptimalReport.Build(result), () => JsonOutput.Optimal(result));
        }));
        return command;
    }
}

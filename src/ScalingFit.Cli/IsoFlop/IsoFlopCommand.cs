using System.CommandLine;
using ScalingFit.Analysis;
using ScalingFit.Cli.Common;
using ScalingFit.Reporting;
using ScalingFit.Reporting.Json;
using ScalingFit.Cli.Help;

namespace ScalingFit.Cli.IsoFlop;

/// <summary>scalingfit isoflop: Hoffmann et al.'s approach 2, the optimal size at each compute budget from a parabola.</summary>
internal static class IsoFlopCommand
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var output = new OutputOptions();
        var budgets = new BudgetOptions();
        var groupBy = new GroupByOption();
        var compare = new CompareOption("approach 3: the chinchilla law fitted to the same runs (about a second)");
        var convention = new ConventionOption();
        var compute = new Option<double[]>("--compute")
        {
            Description = "A budget C at which to read N_opt and D_opt off the fitted N_opt ∝ C^a; repeatable.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var bootstrap = new Option<int>("--bootstrap")
        {
            Description = "Redo the whole analysis on K resamples of whole runs (rows when every row is a run), for percentile intervals of " +
                          "a, b and N_opt that count the runs budgets share (checkpoint data). 0: t intervals only.",
        };
        var seed = new Option<long>("--seed") { Description = "Seed of the bootstrap.", DefaultValueFactory = _ => 1 };
        var command = new Command("isoflop",
            "IsoFLOP analysis (Hoffmann et al. 2022, approach 2): a parabola of loss against ln N per compute budget, its minimum " +
            "N_opt(C), and N_opt ∝ C^a, D_opt ∝ C^b fitted across budgets.");
        command.WithExamples(
            new("scalingfit isoflop", "the built-in runs, binned into compute budgets"),
            new("scalingfit isoflop samples/isoflop-runs.csv --where experiment=hoffmann --group-column isoflop", "budgets named by a column"),
            new("scalingfit isoflop --min-sizes 8 --compute 5.76e23", "only well-sampled budgets; N_opt read off the fit at a budget"),
            new("scalingfit isoflop samples/isoflop-runs.csv --group-by experiment --group-column isoflop", "each experiment's exponent a side by side, and whether they differ"));
        data.AddTo(command);
        budgets.AddTo(command);
        command.Add(compute);
        command.Add(bootstrap);
        command.Add(seed);
        compare.AddTo(command);
        convention.AddTo(command);
        groupBy.AddTo(command);
        output.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            var options = budgets.Build(parse, parse.GetValue(compute) ?? []) with { Bootstrap = parse.GetValue(bootstrap), Seed = parse.GetValue(seed) };
            var (runs, back) = convention.ConvertWithBack(parse, data.Load(parse));
            if (groupBy.Given(parse))
            {
                var groups = groupBy.Run(parse, runs, data, null, g => ScalingFit.Analysis.IsoFlop.Analyze(g, options));
                output.Write(parse, context, () => GroupReport.IsoFlop(groups), () => JsonOutput.Groups(groups, JsonOutput.IsoFlop, GroupDifferences.IsoFlop(groups)));
                return;
            }
            var result = ScalingFit.Analysis.IsoFlop.Analyze(runs, options);
            if (compare.Wanted(parse)) result = ApproachComparisons.ForIsoFlop(runs, result, options.Budgets).AddTo(result);
            if (back is not null) result = NonEmbeddingResults.Apply(back, result);
            output.Write(parse, context, () => IsoFlopReport.Build(result), () => JsonOutput.IsoFlop(result));
        }));
        return command;
    }
}

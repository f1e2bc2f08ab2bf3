using System.CommandLine;
using ScalingFit.Analysis;
using ScalingFit.Cli.Common;
using ScalingFit.Reporting;

namespace ScalingFit.Cli.IsoFlop;

/// <summary>scalingfit isoflop: Hoffmann et al.'s approach 2, the optimal size at each compute budget from a parabola.</summary>
internal static class IsoFlopCommand
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var output = new OutputOptions();
        var group = new Option<string?>("--group-column")
        {
            Description = "Column whose values name the compute budgets (IsoFLOP curves); without it, budgets are found by binning C.",
        };
        var tolerance = new Option<double>("--budget-tolerance")
        {
            Description = "Binning of C without --group-column: a budget spans at most a factor 1 + T in compute; the densest such windows " +
                          "become budgets first (0: equal compute only).",
            DefaultValueFactory = _ => IsoFlopOptions.DefaultTolerance,
        };
        var minSizes = new Option<int>("--min-sizes")
        {
            Description = "Leave out budgets with fewer distinct model sizes than this (at least 3, which a parabola needs).",
            DefaultValueFactory = _ => ScalingFit.Analysis.IsoFlop.MinimumSizes,
        };
        var compute = new Option<double[]>("--compute")
        {
            Description = "A budget C at which to read N_opt and D_opt off the fitted N_opt ∝ C^a; repeatable.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("isoflop",
            "IsoFLOP analysis (Hoffmann et al. 2022, approach 2): a parabola of loss against ln N per compute budget, its minimum " +
            "N_opt(C), and N_opt ∝ C^a, D_opt ∝ C^b fitted across budgets.");
        data.AddTo(command);
        foreach (var option in new Option[] { group, tolerance, minSizes, compute }) command.Add(option);
        output.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            var options = new IsoFlopOptions
            {
                GroupColumn = parse.GetValue(group),
                BudgetTolerance = parse.GetValue(tolerance),
                MinimumSizes = parse.GetValue(minSizes),
                Budgets = parse.GetValue(compute) ?? [],
            };
            var result = ScalingFit.Analysis.IsoFlop.Analyze(data.Load(parse), options);
            output.Write(parse, context, () => IsoFlopReport.Build(result), () => AllocationJson.IsoFlop(result));
        }));
        return command;
    }
}

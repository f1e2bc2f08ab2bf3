using System.CommandLine;
using ScalingFit.Analysis;
using ScalingFit.Cli.Common;
using ScalingFit.Data;
using ScalingFit.Reporting;
using ScalingFit.Reporting.Json;
using ScalingFit.Cli.Help;

namespace ScalingFit.Cli.Tradeoff;

/// <summary>scalingfit tradeoff: loss gained against cost along a ladder of model sizes.</summary>
internal static class TradeoffCommand
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var law = new LawOptions(defaultLaw: "chinchilla");
        var nonlinear = new NonlinearOptions();
        var output = new OutputOptions();
        var from = new Option<double>("--from") { Description = "The smallest model size N of the ladder.", DefaultValueFactory = _ => 1e7 };
        var to = new Option<double>("--to") { Description = "The largest model size N of the ladder.", DefaultValueFactory = _ => 1e11 };
        var factor = new Option<double>("--factor") { Description = "Each rung is this many times the one before.", DefaultValueFactory = _ => 2 };
        var ladder = new Option<string?>("--ladder")
        {
            Description = "A CSV of rungs instead of --from/--to: an N column, optional D and cost columns (names as in runs files).",
        };
        var costColumn = new Option<string?>("--cost-column") { Description = "The column of the --ladder table that holds each rung's cost (default: cost, when present)." };
        var ratio = new Option<double?>("--tokens-per-parameter")
        {
            Description = "Train every rung on this many tokens per parameter (e.g. 20) instead of the law's compute-optimal rule.",
        };
        var costPerFlop = new Option<double?>("--cost-per-flop") { Description = "Cost of one training FLOP (default: cost is the compute C = 6ND itself)." };
        var costUnit = new Option<string?>("--cost-unit") { Description = "The unit of cost for the report, e.g. USD." };
        var minGain = new Option<double?>("--min-gain-per-cost") { Description = "Mark rungs whose loss gain per unit of added cost falls below this." };
        var flops = new Option<double?>("--accelerator-flops") { Description = "Peak FLOP/s of one accelerator, for training time (e.g. 9.89e14 for an H100, dense BF16)." };
        var utilization = new Option<double?>("--utilization") { Description = "Achieved fraction of peak FLOP/s, in (0, 1]; required with --accelerator-flops." };
        var count = new Option<int>("--accelerators") { Description = "Accelerators training in parallel.", DefaultValueFactory = _ => 1 };
        var convention = new ConventionOption();

        var command = new Command("tradeoff",
            "Cost trade-off along a ladder of model sizes: predicted loss, loss gain, cost, added cost and gain per unit cost, " +
            "training time on given accelerators, and the diminishing returns decade by decade.");
        command.WithExamples(
            new("scalingfit tradeoff --from 1e7 --to 1e11", "doubling N with compute-optimal tokens"),
            new("scalingfit tradeoff --tokens-per-parameter 20 --cost-per-flop 2e-18 --cost-unit USD", "20 tokens per parameter, cost in dollars"),
            new("scalingfit tradeoff --accelerator-flops 9.89e14 --utilization 0.4 --accelerators 1024", "training days on 1024 accelerators"));
        data.AddTo(command);
        law.AddTo(command);
        nonlinear.AddTo(command);
        foreach (var option in new Option[] { from, to, factor, ladder, costColumn, ratio, costPerFlop, costUnit, minGain, flops, utilization, count })
            command.Add(option);
        convention.AddTo(command);
        output.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            var options = new TradeoffOptions
            {
                TokensPerParameter = parse.GetValue(ratio),
                CostPerFlop = parse.GetValue(costPerFlop),
                CostUnit = parse.GetValue(costUnit),
                MinGainPerCost = parse.GetValue(minGain),
                Accelerators = Accelerators(parse.GetValue(flops), parse.GetValue(utilization), parse.GetValue(count)),
            }.Validated();
            var request = law.Request(parse, [Quantity.ParameterCount]);
            var rungs = parse.GetValue(ladder) is { } path
                ? Ladder.FromTable(DataOptions.LoadTable(path), parse.GetValue(costColumn))
                : Ladder.Geometric(parse.GetValue(from), parse.GetValue(to), parse.GetValue(factor));
            if (request.BuiltIn is { } builtIn) ScalingFit.Analysis.Tradeoff.RequireTokenRule(builtIn, rungs, options);
            nonlinear.Build(parse);
            var (runs, back) = convention.ConvertWithBack(parse, data.Load(parse, request.Uses, request.InputColumns));
            var spec = request.Resolve(runs);
            ScalingFit.Analysis.Tradeoff.RequireTokenRule(spec.Law, rungs, options);
            var fit = nonlinear.Fit(parse, context, spec, runs);
            var result = ScalingFit.Analysis.Tradeoff.Analyze(fit, rungs, options);
            if (back is not null) result = NonEmbeddingResults.Apply(back, result);
            output.Write(parse, context, () => TradeoffReport.Build(result), () => JsonOutput.Tradeoff(result));
        }));
        return command;
    }

    private static AcceleratorSpec? Accelerators(double? flops, double? utilization, int count)
    {
        if (flops is null)
        {
            if (utilization is not null) throw new OptionException("--utilization goes with --accelerator-flops; give both.");
            return null;
        }
        if (utilization is null)
            throw new OptionException("--accelerator-flops needs --utilization, the achieved fraction of peak (typically 0.3 to 0.5 for large training runs).");
        return new AcceleratorSpec(flops.Value, utilization.Value, count).Validated();
    }
}

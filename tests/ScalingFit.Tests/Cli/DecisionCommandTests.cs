using System.Text.Json;
using ScalingFit.Data;
using ScalingFit.Laws;
using ScalingFit.Tests.Analysis;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>The decision commands end to end: optimal, isoflop, backtest, compare, tradeoff.</summary>
public class DecisionCommandTests
{
    private static readonly double[] Hoffmann = [1.69, 406.4, 410.7, 0.34, 0.28];

    private static TempFile ChinchillaRuns() => new(Synthetic.Csv(
        Synthetic.Runs((n, d) => ChinchillaLaw.Instance.Value(Hoffmann, [n, d]), sizes: 6, tokenCounts: 6, noise: 0.005, seed: 9) is var runs
            ? Enumerable.Range(0, runs.Count).Select(i => (runs.Value(Quantity.ParameterCount, i),
                runs.Value(Quantity.TrainingTokens, i), runs.Value(Quantity.Loss, i)))
            : []));

    private static TempFile SaturatingRuns() => new(Synthetic.Csv(
        Synthetic.Runs((n, _) => 1.8 + 400 * Math.Pow(n, -0.3), sizes: 16, noise: 0.004, seed: 5) is var runs
            ? Enumerable.Range(0, runs.Count).Select(i => (runs.Value(Quantity.ParameterCount, i),
                runs.Value(Quantity.TrainingTokens, i), runs.Value(Quantity.Loss, i)))
            : []));

    private static string IsoFlopSample => IsoFlopTests.SamplePath("isoflop-runs.csv");

    [Fact]
    public void Optimal_Json_HasTheContractNames()
    {
        using var file = ChinchillaRuns();
        var run = CliRun.Of("optimal", file.Path, "--compute", "5.76e23", "--compute", "1e21", "--n", "7e10", "--target-loss", "2.1", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("chinchilla", json.GetProperty("law").GetString());
        Assert.Equal(0.28 / 0.62, json.GetProperty("a").GetDouble(), 1);
        var allocations = json.GetProperty("allocations");
        Assert.Equal(4, allocations.GetArrayLength());
        var first = allocations[0];
        foreach (var name in new[] { "compute", "nOpt", "dOpt", "tokensPerParameter", "loss", "ci95" })
            Assert.True(first.TryGetProperty(name, out _), name);
        Assert.Equal(5.76e23, first.GetProperty("compute").GetDouble());
        Assert.Equal("compute", first.GetProperty("given").GetString());
        // Without --bootstrap the interval of N_opt comes from the delta method and brackets it.
        var nOpt = first.GetProperty("ci95").GetProperty("nOpt");
        Assert.InRange(first.GetProperty("nOpt").GetDouble(), nOpt[0].GetDouble(), nOpt[1].GetDouble());
        Assert.Equal(2, first.GetProperty("ci95").GetProperty("loss").GetArrayLength());
        Assert.Equal("parameterCount", allocations[2].GetProperty("given").GetString());
        Assert.Equal(7e10, allocations[2].GetProperty("nOpt").GetDouble());
        Assert.Equal("loss", allocations[3].GetProperty("given").GetString());
        Assert.Equal("unknown", json.GetProperty("convention").GetString());
        Assert.True(json.GetProperty("fit").TryGetProperty("parameters", out _));
    }

    [Fact]
    public void Optimal_Text_ShowsTheFormulaAndTheAllocations()
    {
        using var file = ChinchillaRuns();
        var run = CliRun.Of("optimal", file.Path, "--law", "kaplan-nd", "--compute-range", "1e20:1e22", "--parameter-convention", "non-embedding");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("α_D/(α_N+α_D)", run.Out);
        Assert.Contains("non-embedding", run.Out);
        Assert.Contains("1e21", run.Out);
    }

    [Theory]
    [InlineData("--compute-range", "1e26:1e18")]
    [InlineData("--compute-range", "1e18")]
    [InlineData("--compute", "-5")]
    [InlineData("--points", "5")]
    [InlineData("--law", "power")]
    [InlineData("--parameter-convention", "some")]
    [InlineData("--n", "0")]
    public void Optimal_MalformedOptions_ExitTwo(params string[] options)
    {
        var run = CliRun.Of(["optimal", .. options]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error);
    }

    [Fact]
    public void IsoFlop_SampleJson_HasTheContractNamesAndRecoversTheLaw()
    {
        var run = CliRun.Of("isoflop", IsoFlopSample, "--where", "experiment=hoffmann", "--group-column", "isoflop", "--compute", "5.76e23", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        double a = json.GetProperty("a").GetDouble();
        var ci = json.GetProperty("ci95").GetProperty("a");
        Assert.InRange(0.28 / 0.62, ci[0].GetDouble(), ci[1].GetDouble());
        Assert.Equal(1, a + json.GetProperty("b").GetDouble(), 9);
        Assert.Equal(2, json.GetProperty("ci95").GetProperty("b").GetArrayLength());
        var budgets = json.GetProperty("budgets");
        Assert.Equal(9, budgets.GetArrayLength());
        foreach (var name in new[] { "compute", "nOpt", "lossAtOpt", "sizes", "used", "reason" })
            Assert.True(budgets[0].TryGetProperty(name, out _), name);
        Assert.Equal(6e18, budgets[0].GetProperty("compute").GetDouble(), 1e6);
        Assert.Equal(9, budgets[0].GetProperty("sizes").GetInt32());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("warnings").ValueKind);
        Assert.Equal(1, json.GetProperty("allocations").GetArrayLength());
    }

    [Fact]
    public void IsoFlop_BuiltInData_BinsAndWarns()
    {
        var run = CliRun.Of("isoflop", "--drop-highest-loss", "5");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("densest first", run.Out);
        Assert.Contains("warning:", run.Out);
        Assert.Contains("0.49", run.Out);
    }

    [Fact]
    public void IsoFlop_TooFewBudgets_ExitsOneWithTheReason()
    {
        using var file = new TempFile(SyntheticIsoFlop.Csv(Hoffmann, [1e19, 1e20], SyntheticIsoFlop.NineSizes));
        var run = CliRun.Of("isoflop", file.Path, "--group-column", "isoflop");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("at least 3 compute budgets", run.Error);
    }

    [Fact]
    public void IsoFlop_BudgetsWithFewerThanThreeSizes_ExitOneNamingThem()
    {
        using var file = new TempFile(SyntheticIsoFlop.Csv(Hoffmann, SyntheticIsoFlop.HoffmannBudgets, [-0.5, 0.5]));
        var run = CliRun.Of("isoflop", file.Path, "--budget-tolerance", "0");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2 sizes: a parabola needs 3", run.Error);
    }

    [Theory]
    [InlineData("--budget-tolerance", "-1")]
    [InlineData("--min-sizes", "2")]
    [InlineData("--compute", "0")]
    public void IsoFlop_MalformedOptions_ExitTwo(params string[] options)
    {
        var run = CliRun.Of(["isoflop", IsoFlopSample, "--group-column", "isoflop", .. options]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error);
    }

    [Fact]
    public void IsoFlop_UnknownGroupColumn_ExitsOneListingTheColumns()
    {
        var run = CliRun.Of("isoflop", IsoFlopSample, "--group-column", "budgetname");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("isoflop", run.Error);
    }

    [Fact]
    public void Backtest_Json_HasTheContractNames()
    {
        using var file = SaturatingRuns();
        var run = CliRun.Of("backtest", file.Path, "--law", "saturating", "--holdout-above", "N=1e9", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("saturating", json.GetProperty("law").GetString());
        Assert.True(json.GetProperty("meanAbsoluteRelativeError").GetDouble() < 0.01);
        var p = json.GetProperty("predictions")[0];
        foreach (var name in new[] { "line", "at", "actual", "predicted", "relativeError", "lower", "upper", "inside" })
            Assert.True(p.TryGetProperty(name, out _), name);
        Assert.True(p.GetProperty("at").GetProperty("N").GetDouble() > 1e9);
        Assert.Equal(json.GetProperty("heldOutRuns").GetInt32(), json.GetProperty("predictions").GetArrayLength());
    }

    [Fact]
    public void Backtest_EmptyHeldOutSet_ExitsOne()
    {
        using var file = SaturatingRuns();
        var run = CliRun.Of("backtest", file.Path, "--holdout-above", "N=1e15");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("held-out set is empty", run.Error);
    }

    [Theory]
    [InlineData("--holdout-above", "N1e9")]
    [InlineData("--holdout-above", "loss=3")]
    [InlineData("--holdout-fraction", "1.5")]
    [InlineData("--holdout-fraction", "0.2", "--holdout-above", "N=1e9")]
    public void Backtest_MalformedHoldout_ExitsTwo(params string[] options)
    {
        using var file = SaturatingRuns();
        var run = CliRun.Of(["backtest", file.Path, .. options]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error);
    }

    [Fact]
    public void Compare_Json_RanksTheSaturatingLawFirst()
    {
        using var file = SaturatingRuns();
        var run = CliRun.Of("compare", file.Path, "--laws", "power,saturating", "--holdout-fraction", "0.25", "--json");
        Assert.Equal(0, run.ExitCode);
        var laws = run.Json.GetProperty("laws");
        Assert.Equal("saturating", laws[0].GetProperty("law").GetString());
        Assert.Equal(1, laws[0].GetProperty("rank").GetInt32());
        foreach (var name in new[] { "backtest", "aic", "bic", "deltaAic", "residualStd", "parameters" })
            Assert.True(laws[0].TryGetProperty(name, out _), name);
        Assert.Contains("Gaussian log-likelihood", run.Json.GetProperty("criteria").GetString());
    }

    [Fact]
    public void Compare_UnknownLaw_ExitsTwo()
    {
        using var file = SaturatingRuns();
        Assert.Equal(2, CliRun.Of("compare", file.Path, "--laws", "power,cubic").ExitCode);
    }

    [Fact]
    public void Tradeoff_Json_HasTheContractNames()
    {
        using var file = SaturatingRuns();
        var run = CliRun.Of("tradeoff", file.Path, "--law", "power", "--tokens-per-parameter", "20", "--from", "1e7", "--to", "1e9",
            "--accelerator-flops", "1e15", "--utilization", "0.5", "--accelerators", "8", "--min-gain-per-cost", "1e-19", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        var rungs = json.GetProperty("rungs");
        Assert.Equal(7, rungs.GetArrayLength());
        foreach (var name in new[] { "n", "d", "compute", "loss", "lossGain", "cost", "addedCost", "gainPerCost", "belowThreshold", "days", "acceleratorHours" })
            Assert.True(rungs[1].TryGetProperty(name, out _), name);
        Assert.Equal(JsonValueKind.Null, rungs[0].GetProperty("lossGain").ValueKind);
        Assert.Equal(2, json.GetProperty("decades").GetArrayLength());
        Assert.Contains("1e8 → 1e9", json.GetProperty("diminishingReturns").GetString());
    }

    [Fact]
    public void Tradeoff_LadderTable_ReadsSizesAndCosts()
    {
        using var runs = SaturatingRuns();
        using var ladder = new TempFile("params,tokens,cost\n1e8,2e9,10\n1e9,2e10,900\n");
        var run = CliRun.Of("tradeoff", runs.Path, "--law", "saturating", "--ladder", ladder.Path, "--cost-unit", "USD", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(890, run.Json.GetProperty("rungs")[1].GetProperty("addedCost").GetDouble(), 9);
        Assert.Equal("USD", run.Json.GetProperty("costUnit").GetString());
    }

    [Theory]
    [InlineData("--law", "power")]
    [InlineData("--from", "1e9", "--to", "1e8")]
    [InlineData("--utilization", "0.5")]
    [InlineData("--accelerator-flops", "1e15")]
    [InlineData("--accelerator-flops", "1e15", "--utilization", "2")]
    [InlineData("--tokens-per-parameter", "-20")]
    public void Tradeoff_MalformedOptions_ExitTwo(params string[] options)
    {
        using var file = SaturatingRuns();
        var run = CliRun.Of(["tradeoff", file.Path, .. options]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error);
    }
}

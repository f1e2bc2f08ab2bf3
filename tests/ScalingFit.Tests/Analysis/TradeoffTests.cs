using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Analysis;

public class TradeoffTests
{
    private static readonly double[] Hoffmann = [1.69, 406.4, 410.7, 0.34, 0.28];

    private static readonly StartGrid Near = new([[0, 0.5], [5, 7], [5, 7], [0.3, 0.5], [0.3, 0.5]]);

    private static FitResult ChinchillaFit() => NonlinearFitter.Fit(
        Synthetic.Runs((n, d) => ChinchillaLaw.Instance.Value(Hoffmann, [n, d]), sizes: 6, tokenCounts: 6),
        ChinchillaLaw.Instance, new NonlinearFitOptions { Loss = LossFunction.LeastSquares, Starts = Near });

    private static readonly RunReadOptions NoLoss = new() { RequireLoss = false };

    private static FitResult PowerFit() =>
        LogLogRegression.Power(Synthetic.Runs((n, _) => Math.Pow(8.8e13 / n, 0.076), sizes: 12), Quantity.ParameterCount);

    [Fact]
    public void Geometric_Doubling_RunsFromFromToTo()
    {
        var ladder = Ladder.Geometric(1e7, 1e9);
        Assert.Equal(7, ladder.Count);
        Assert.Equal(1e7, ladder[0].ParameterCount);
        Assert.Equal(6.4e8, ladder[^1].ParameterCount, 1e-3);
        Assert.Equal(3, Ladder.Geometric(1e8, 1e10, 10).Count);
    }

    [Theory]
    [InlineData(1e9, 1e8, 2), InlineData(0, 1e8, 2), InlineData(1e7, 1e9, 1), InlineData(1e7, 1e9, 0.5)]
    public void Geometric_BadRange_Refuses(double from, double to, double factor)
    {
        Assert.Throws<OptionException>(() => Ladder.Geometric(from, to, factor));
    }

    [Fact]
    public void Analyze_FixedRatio_CostsTrainingComputeAndGainsByHand()
    {
        var fit = PowerFit();
        var result = Tradeoff.Analyze(fit, Ladder.Geometric(1e8, 8e8), new TradeoffOptions { TokensPerParameter = 20, CostPerFlop = 2e-18 });
        Assert.Equal(4, result.Rows.Count);
        double Loss(double n) => Math.Pow(fit["scale"].Value / n, fit["alpha"].Value);
        for (int i = 0; i < result.Rows.Count; i++)
        {
            var r = result.Rows[i];
            Assert.Equal(20 * r.ParameterCount, r.TrainingTokens);
            Assert.Equal(6 * r.ParameterCount * 20 * r.ParameterCount, r.Compute, r.Compute * 1e-12);
            Assert.Equal(r.Compute * 2e-18, r.Cost, r.Cost * 1e-12);
            Assert.Equal(Loss(r.ParameterCount), r.Loss, 10);
            if (i == 0)
            {
                Assert.True(double.IsNaN(r.LossGain));
                continue;
            }
            var before = result.Rows[i - 1];
            Assert.Equal(before.Loss - r.Loss, r.LossGain, 12);
            Assert.Equal(r.Cost - before.Cost, r.AddedCost, r.AddedCost * 1e-12);
            Assert.Equal(r.LossGain / r.AddedCost, r.GainPerCost, Math.Abs(r.GainPerCost) * 1e-12);
        }
        Assert.Equal("D = 20·N", result.TokenRule);
        Assert.Equal("cost units", result.CostUnit);
    }

    [Fact]
    public void Analyze_Threshold_MarksTheRungsWhoseGainPerCostFallsBelowIt()
    {
        var fit = PowerFit();
        var all = Tradeoff.Analyze(fit, Ladder.Geometric(1e8, 1.6e9), new TradeoffOptions { TokensPerParameter = 20 });
        double threshold = all.Rows[2].GainPerCost * 0.999;   // rungs 3 and beyond gain less per FLOP
        var result = Tradeoff.Analyze(fit, Ladder.Geometric(1e8, 1.6e9), new TradeoffOptions { TokensPerParameter = 20, MinGainPerCost = threshold });
        Assert.Equal([false, false, false, true, true], result.Rows.Select(r => r.BelowThreshold));
        Assert.Same(result.Rows[3], result.FirstBelowThreshold);
    }

    [Fact]
    public void Analyze_Accelerators_GiveDaysAndAcceleratorHours()
    {
        var result = Tradeoff.Analyze(PowerFit(), [new LadderRung(1e9)], new TradeoffOptions
        {
            TokensPerParameter = 20,
            Accelerators = new AcceleratorSpec(1e15, 0.5, 8),
        });
        // C = 6·1e9·2e10 = 1.2e20 FLOP at 0.5·1e15 FLOP/s each: 2.4e5 accelerator-seconds.
        var time = result.Rows[0].Time!;
        Assert.Equal(1.2e20 / (1e15 * 0.5) / 3600, time.AcceleratorHours, 9);
        Assert.Equal(1.2e20 / (1e15 * 0.5 * 8) / 86400, time.WallClockDays, 9);
    }

    [Fact]
    public void Analyze_ComputeOptimalRule_TrainsEachSizeOnItsOptimalTokens()
    {
        var fit = ChinchillaFit();
        var result = Tradeoff.Analyze(fit, [new LadderRung(1e9), new LadderRung(7e10)]);
        // C where N is optimal: N = G·(C/6)^a ⇒ C = 6·(N/G)^(1/a); D = C/(6N). Formulas from the fitted parameters.
        double alpha = fit["alpha"].Value, beta = fit["beta"].Value;
        double g = Math.Pow(alpha * fit["A"].Value / (beta * fit["B"].Value), 1 / (alpha + beta)), a = beta / (alpha + beta);
        foreach (var r in result.Rows)
        {
            double c = 6 * Math.Pow(r.ParameterCount / g, 1 / a);
            Assert.Equal(1, r.TrainingTokens / (c / (6 * r.ParameterCount)), 9);
        }
        Assert.StartsWith("compute-optimal", result.TokenRule);
    }

    [Fact]
    public void Analyze_DiminishingReturns_EachDecadeGainsTenToTheMinusAlphaOfTheLast()
    {
        // On the frontier L − E = (1 + α/β)·A/N^α, so a decade of N gains 10^−α times what the decade before gained.
        var fit = ChinchillaFit();
        var result = Tradeoff.Analyze(fit, Ladder.Geometric(1e7, 1e10));
        var decades = result.Decades;
        Assert.Equal([1e7, 1e8, 1e9], decades.Select(d => d.From));
        double ratio = Math.Pow(10, -fit["alpha"].Value);
        Assert.Equal(ratio, decades[1].Gain / decades[0].Gain, 9);
        Assert.Equal(ratio, decades[2].Gain / decades[1].Gain, 9);
        Assert.Equal(0.34, fit["alpha"].Value, 6);
        var text = global::ScalingFit.Reporting.TradeoffReport.DiminishingReturns(decades)!;
        Assert.Contains("1e7 → 1e8", text);
        Assert.Contains("45.7%", text);   // 10^−0.34 = 0.457
    }

    [Fact]
    public void Analyze_LawWithoutAFrontierAndNoRatio_AsksForOne()
    {
        var e = Assert.Throws<OptionException>(() => Tradeoff.Analyze(PowerFit(), Ladder.Geometric(1e8, 1e9)));
        // The library names its own parameter; the command line turns it into --tokens-per-parameter.
        Assert.Equal("TradeoffOptions.TokensPerParameter", e.Parameter);
        Assert.Contains("tokens-per-parameter ratio", e.Message);
        Assert.DoesNotContain("--", e.Message);
    }

    [Fact]
    public void FromTable_ReadsSizesTokensAndCosts()
    {
        var table = RunPreparation.Prepare(CsvRunReader.Parse("params,tokens,cost\n1e8,2e9,10\n1e9,2e10,900\n", "ladder.csv", NoLoss), RunSelection.None);
        var rungs = Ladder.FromTable(table);
        Assert.Equal([1e8, 1e9], rungs.Select(r => r.ParameterCount));
        Assert.Equal([2e9, 2e10], rungs.Select(r => r.TrainingTokens!.Value));
        Assert.Equal([10.0, 900.0], rungs.Select(r => r.Cost!.Value));
        var result = Tradeoff.Analyze(PowerFit(), rungs);
        Assert.Equal(890, result.Rows[1].AddedCost, 9);
        Assert.Equal("cost units", result.CostUnit);
    }

    [Fact]
    public void FromTable_BadCost_NamesTheLineAndColumn()
    {
        var table = RunPreparation.Prepare(CsvRunReader.Parse("N,dollars\n1e8,10\n1e9,lots\n", "ladder.csv", NoLoss), RunSelection.None);
        var e = Assert.Throws<DataException>(() => Ladder.FromTable(table, "dollars"));
        Assert.Equal(3, e.Line);
        Assert.Equal("dollars", e.Column);
        Assert.Throws<DataException>(() => Ladder.FromTable(table, "price"));
    }

    [Theory]
    [InlineData(0.0, 0.5, 1), InlineData(1e15, 0.0, 1), InlineData(1e15, 1.5, 1), InlineData(1e15, 0.5, 0)]
    public void AcceleratorSpec_BadValues_Refuse(double flops, double utilization, int count)
    {
        Assert.Throws<OptionException>(() => new AcceleratorSpec(flops, utilization, count).Validated());
    }
}

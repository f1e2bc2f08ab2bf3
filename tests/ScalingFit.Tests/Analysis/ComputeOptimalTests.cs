using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Tests.Support;
using ScalingFit.Uncertainty;

namespace ScalingFit.Tests.Analysis;

public class ComputeOptimalTests
{
    private static readonly double[] Hoffmann = [1.69, 406.4, 410.7, 0.34, 0.28];

    /// <summary>32 starts around Hoffmann's constants in θ = (ln E, ln A, ln B, α, β): enough for these data, far cheaper than 4,500.</summary>
    private static readonly StartGrid Near = new([[0, 0.5], [5, 7], [5, 7], [0.3, 0.5], [0.3, 0.5]]);

    private static FitResult Fit(double noise = 0, BootstrapOptions? bootstrap = null) => NonlinearFitter.Fit(
        Synthetic.Runs((n, d) => ChinchillaLaw.Instance.Value(Hoffmann, [n, d]), sizes: 6, tokenCounts: 6, noise: noise, seed: 7),
        ChinchillaLaw.Instance,
        new NonlinearFitOptions { Loss = noise == 0 ? LossFunction.LeastSquares : LossFunction.Default, Starts = Near, Bootstrap = bootstrap });

    [Fact]
    public void Analyze_NoiseFreeHoffmannRuns_AllocatesAsTheClosedForm()
    {
        var result = ComputeOptimal.Analyze(Fit(), new ComputeOptimalOptions { Budgets = [5.76e23], Convention = ParameterConvention.Total });
        double g = Math.Pow(0.34 * 406.4 / (0.28 * 410.7), 1 / 0.62), a = 0.28 / 0.62;
        double n = g * Math.Pow(5.76e23 / 6, a), d = 5.76e23 / (6 * n);
        var allocation = result.Allocations.Single();
        Assert.Equal(AllocationGiven.Compute, allocation.Given);
        Assert.Equal(1, allocation.ParameterCount / n, 4);
        Assert.Equal(1, allocation.TrainingTokens / d, 4);
        Assert.Equal(d / n, allocation.TokensPerParameter, 2);
        Assert.Equal(1.69 + 406.4 / Math.Pow(n, 0.34) + 410.7 / Math.Pow(d, 0.28), allocation.Loss, 5);
        Assert.Equal(a, result.ParameterExponent.Value, 6);
        Assert.Equal(1 - a, result.TokenExponent.Value, 6);
        Assert.Equal(g, result.Coefficient.Value, 4);
    }

    [Fact]
    public void Analyze_InverseQuestions_AnswerWithTheSameFrontier()
    {
        var fit = Fit();
        var result = ComputeOptimal.Analyze(fit, new ComputeOptimalOptions { ParameterCounts = [7e10], TargetLosses = [2.0] });
        var bySize = result.Allocations[0];
        Assert.Equal(AllocationGiven.ParameterCount, bySize.Given);
        Assert.Equal(7e10, bySize.ParameterCount);
        Assert.Equal(1, result.Frontier.OptimalParameters(bySize.Compute) / 7e10, 10);
        var byLoss = result.Allocations[1];
        Assert.Equal(AllocationGiven.Loss, byLoss.Given);
        Assert.Equal(2.0, result.Frontier.OptimalLoss(byLoss.Compute), 9);
        Assert.Equal(2.0, byLoss.Loss);
    }

    [Fact]
    public void Analyze_WithBootstrap_GivesPercentileIntervalsAroundEachAllocation()
    {
        var fit = Fit(noise: 0.01, bootstrap: new BootstrapOptions(40, Seed: 3));
        var result = ComputeOptimal.Analyze(fit, new ComputeOptimalOptions { Budgets = [1e21, 1e24], ParameterCounts = [1e9] });
        foreach (var allocation in result.Allocations)
        {
            var ci = allocation.Ci95;
            Assert.True(ci.ParameterCount.Lower < ci.ParameterCount.Upper || allocation.Given == AllocationGiven.ParameterCount);
            Assert.True(ci.TrainingTokens.Contains(allocation.TrainingTokens), $"D {allocation.TrainingTokens} outside {ci.TrainingTokens}");
            Assert.True(ci.Loss.Contains(allocation.Loss), $"loss {allocation.Loss} outside {ci.Loss}");
        }
        // Independently: the 2.5% and 97.5% percentiles of N_opt(1e24) over the resamples' own frontiers.
        var values = fit.ParameterSamples
            .Select(p => Math.Pow(p[3] * p[1] / (p[4] * p[2]), 1 / (p[3] + p[4])) * Math.Pow(1e24 / 6, p[4] / (p[3] + p[4])))
            .ToList();
        var expected = Percentiles.Interval95(values);
        Assert.Equal(expected.Lower, result.Allocations[1].Ci95.ParameterCount.Lower, expected.Lower * 1e-9);
        Assert.Equal(expected.Upper, result.Allocations[1].Ci95.ParameterCount.Upper, expected.Upper * 1e-9);
        Assert.True(result.Coefficient.Ci95.Contains(result.Coefficient.Value));
        Assert.Contains("bootstrap", result.IntervalMethod);
    }

    [Fact]
    public void Analyze_WithoutBootstrap_GivesDeltaMethodIntervalsFromTheClosedForm()
    {
        var fit = Fit(noise: 0.01);
        var result = ComputeOptimal.Analyze(fit, new ComputeOptimalOptions { Budgets = [1e22] });
        var allocation = result.Allocations[0];
        Assert.True(allocation.Ci95.Loss.Contains(allocation.Loss));
        Assert.Contains("delta-method", result.IntervalMethod);

        // Independently: ln N_opt = ln G + a·ln(C/6) with G = (αA/(βB))^(1/(α+β)), a = β/(α+β); its
        // gradient in (E, A, B, α, β) by central differences of this formula, then √(gᵀΣg).
        var p = fit.Parameters.Select(q => q.Value).ToArray();
        static double LogN(double[] v) => Math.Log(v[3] * v[1] / (v[4] * v[2])) / (v[3] + v[4]) + v[4] / (v[3] + v[4]) * Math.Log(1e22 / 6);
        var cov = fit.ParameterCovariance!;
        var g = new double[5];
        for (int j = 0; j < 5; j++)
        {
            double h = 1e-6 * Math.Abs(p[j]);
            var up = (double[])p.Clone();
            var down = (double[])p.Clone();
            up[j] += h;
            down[j] -= h;
            g[j] = (LogN(up) - LogN(down)) / (2 * h);
        }
        double se = Math.Sqrt(Enumerable.Range(0, 25).Sum(i => g[i / 5] * cov[i] * g[i % 5]));
        double t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, fit.Statistics.DegreesOfFreedom, 0.975);
        Assert.Equal(Math.Exp(LogN(p)), allocation.ParameterCount, 6);
        Assert.Equal(Math.Log(allocation.ParameterCount) - t * se, Math.Log(allocation.Ci95.ParameterCount.Lower), 5);
        Assert.Equal(Math.Log(allocation.ParameterCount) + t * se, Math.Log(allocation.Ci95.ParameterCount.Upper), 5);
    }

    [Fact]
    public void Analyze_BeyondTheData_WarnsOfExtrapolationAndOfAnUnknownConvention()
    {
        var result = ComputeOptimal.Analyze(Fit(), new ComputeOptimalOptions { Budgets = [1e26] });
        Assert.Contains(result.Warnings, w => w.Contains("extrapolated"));
        Assert.Contains(result.Warnings, w => w.Contains("embedding"));
        Assert.Contains("does not say", result.ConventionNote);
    }

    [Fact]
    public void Analyze_PowerLawFit_RefusesBecauseItCannotSplitCompute()
    {
        var fit = LogLogRegression.Power(Synthetic.Runs((n, _) => Math.Pow(8.8e13 / n, 0.076)), Quantity.ParameterCount);
        var e = Assert.Throws<OptionException>(() => ComputeOptimal.Analyze(fit, new ComputeOptimalOptions { Budgets = [1e20] }));
        Assert.Contains("needs a law of both N and D", e.Message);
    }

    [Fact]
    public void Analyze_TargetBelowTheIrreducibleLoss_SaysNoBudgetReachesIt()
    {
        var e = Assert.Throws<FitException>(() => ComputeOptimal.Analyze(Fit(), new ComputeOptimalOptions { TargetLosses = [1.5] }));
        Assert.Contains("irreducible", e.Message);
    }

    [Theory]
    [InlineData(-1.0), InlineData(0.0), InlineData(double.NaN), InlineData(double.PositiveInfinity)]
    public void Validated_BadBudget_Refuses(double budget)
    {
        Assert.Throws<OptionException>(() => new ComputeOptimalOptions { Budgets = [budget] }.Validated());
    }
}

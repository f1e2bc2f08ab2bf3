using ScalingFit.Analysis;
using ScalingFit.Tests.Fitting;

namespace ScalingFit.Tests.Analysis;

/// <summary>The frontier of the Chinchilla fit on the replication data (the full 4,500-start fit, made once).</summary>
public class ComputeOptimalChinchillaTests(ChinchillaFitFixture chinchilla) : IClassFixture<ChinchillaFitFixture>
{
    [Fact]
    public void Analyze_ChinchillasOwnBudget_MatchesTheFormulaOnTheScipyOptimum()
    {
        // From the independent scipy fit (E = 1.8172, A = 477.8, B = 2143, α = 0.3473, β = 0.3672)
        // by the closed form: a = 0.5139, G = 0.1132, N_opt(5.76e23) ≈ 7.32e10, D_opt ≈ 1.31e12.
        double alpha = 0.3473, beta = 0.3672, a = beta / (alpha + beta);
        double g = Math.Pow(alpha * 477.8 / (beta * 2143), 1 / (alpha + beta));
        double n = g * Math.Pow(5.76e23 / 6, a);
        var result = ComputeOptimal.Analyze(chinchilla.Fit, new ComputeOptimalOptions { Budgets = [5.76e23], Convention = ParameterConvention.Total });
        var allocation = result.Allocations.Single();
        Assert.Equal(a, result.ParameterExponent.Value, 3);
        Assert.Equal(1, allocation.ParameterCount / n, 1);   // within 5%: the reference constants carry 4 figures
        Assert.InRange(allocation.ParameterCount, 7.0e10, 7.6e10);
        Assert.InRange(allocation.TokensPerParameter, 16, 20);
        Assert.Contains("embeddings included", result.ConventionNote);
    }
}

using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;
using ScalingFit.Laws.Formulas;
using ScalingFit.Tests.Support;
using ScalingFit.Uncertainty;

namespace ScalingFit.Tests.Fitting;

/// <summary>
/// The warnings of nonlinear fits, each on runs from a known law that trigger it and on runs of the same kind just on
/// the other side of its condition (issue 11: every warning has a test that triggers it and one that does not).
/// </summary>
public class NonlinearWarningSidesTests
{
    private static readonly SaturatingLaw Saturating = new(LawInput.Of(Quantity.ParameterCount));

    private static readonly NonlinearFitOptions LeastSquares = new() { Loss = LossFunction.LeastSquares };

    private static List<string> Codes(FitResult fit) => [.. fit.Diagnostics.Select(d => d.Code)];

    private static string Said(FitResult fit) => string.Join(" | ", fit.Diagnostics.Select(d => d.Code));

    /// <summary>L = 1.8 + 400·N^−0.3 over three decades of N with 0.3% noise.</summary>
    private static RunSet SaturatingRuns(int seed = 6) => Synthetic.Runs((n, _) => 1.8 + 400 * Math.Pow(n, -0.3), sizes: 12, noise: 0.003, seed: seed);

    [Fact]
    public void AsymptoticIntervals_UnderHuberWithoutABootstrap_NotWithOne_NorUnderLeastSquares()
    {
        var runs = SaturatingRuns();
        var huber = NonlinearFitter.Fit(runs, Saturating, new NonlinearFitOptions { Loss = LossFunction.Default });
        Assert.Equal(LossKind.Huber, LossFunction.Default.Kind);
        Assert.Contains(DiagnosticCodes.AsymptoticIntervals, Codes(huber));
        var bootstrapped = NonlinearFitter.Fit(runs, Saturating, new NonlinearFitOptions { Bootstrap = new BootstrapOptions(40, Seed: 2) });
        Assert.DoesNotContain(DiagnosticCodes.AsymptoticIntervals, Codes(bootstrapped));
        Assert.DoesNotContain(DiagnosticCodes.AsymptoticIntervals, Codes(NonlinearFitter.Fit(runs, Saturating, LeastSquares)));
    }

    [Theory]
    [InlineData(1e-4, true)]   // D spans a factor of about 1.6: B and β trade off
    [InlineData(1.0, false)]   // D spans two decades
    public void WeaklyIdentified_WhenTheTokenRangeBarelyConstrainsB(double tokenScale, bool warns)
    {
        double[] hoffmann = [1.69, 406.4, 410.7, 0.34, 0.28];
        var runs = Synthetic.Runs((n, d) => ChinchillaLaw.Instance.Value(hoffmann, [n, 2e9 + d * tokenScale]), sizes: 10, tokenCounts: 3, noise: 0.002, seed: 3);
        var fit = NonlinearFitter.Fit(runs, ChinchillaLaw.Instance);
        Assert.True(warns == Codes(fit).Contains(DiagnosticCodes.WeaklyIdentified), Said(fit));
        Assert.Equal(warns, fit.Parameters.Any(p => p.RelativeError > 0.5));
    }

    [Theory]
    [InlineData(0.1, true)]    // L = 1.5 + 0.01·N^0.1 rises with N
    [InlineData(-0.3, false)]  // L = 1.5 + 400·N^−0.3 falls
    public void LossRises_ForALawWhoseFittedLossRisesWithN(double exponent, bool warns)
    {
        double scale = exponent > 0 ? 0.01 : 400;
        var runs = Synthetic.Runs((n, _) => 1.5 + scale * Math.Pow(n, exponent), sizes: 12, noise: 0.002, seed: 4);
        var law = FormulaLaw.Create("E + A*N^b", runs.TextColumnNames);
        var fit = NonlinearFitter.Fit(runs, law, LeastSquares);
        Assert.Equal(Math.Sign(exponent), Math.Sign(fit["b"].Value));
        Assert.True(warns == Codes(fit).Contains(DiagnosticCodes.LossRises), Said(fit));
    }

    [Theory]
    [InlineData(0.0, true)]    // L = 400·N^−0.3 exactly: no irreducible loss, E → 0
    [InlineData(1.8, false)]   // L = 1.8 + 400·N^−0.3
    public void VanishedTerm_WhenTheRunsHaveNoIrreducibleLoss(double e, bool warns)
    {
        var runs = Synthetic.Runs((n, _) => e + 400 * Math.Pow(n, -0.3), sizes: 12);
        var fit = NonlinearFitter.Fit(runs, Saturating, LeastSquares);
        Assert.True(warns == fit.Diagnostics.Any(d => d.Code == DiagnosticCodes.VanishedTerm && d.Message.StartsWith("E =", StringComparison.Ordinal)), Said(fit));
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(500, false)]
    public void NotConverged_WhenTheIterationsRunOut(int iterations, bool warns)
    {
        var fit = NonlinearFitter.Fit(SaturatingRuns(), Saturating, new NonlinearFitOptions
        {
            Loss = LossFunction.LeastSquares, Optimizer = new OptimizerOptions { MaxIterations = iterations },
        });
        Assert.Equal(!warns, fit.Convergence.Converged);
        Assert.True(warns == Codes(fit).Contains(DiagnosticCodes.NotConverged), Said(fit));
    }

    [Theory]
    [InlineData(0.2, 0.25, true)]   // the runs' α = 0.3 lies above the range
    [InlineData(0.2, 0.4, false)]   // inside it
    public void AtBound_WhenTheRangeExcludesTheRunsExponent(double lower, double upper, bool warns)
    {
        var spec = new LawSpec(Saturating)
        {
            Constraints = new ParameterConstraints { Bounds = new Dictionary<string, ParameterBounds> { ["alpha"] = new(lower, upper) } },
        };
        var fit = NonlinearFitter.Fit(SaturatingRuns(), spec, LeastSquares);
        Assert.True(warns == Codes(fit).Contains(DiagnosticCodes.AtBound), Said(fit));
        if (warns) Assert.Equal(upper, fit["alpha"].Value);
    }

    [Theory]
    [InlineData(1e7, true)]   // B equal to the smallest N: 1/(N − B) is infinite there
    [InlineData(5e6, false)]  // B below every N
    public void LawNotFinite_WhenEveryParameterIsFixedWhereTheLawIsInfinite(double b, bool warns)
    {
        var runs = SaturatingRuns();
        var law = FormulaLaw.Create("E + A/(N - B)", runs.TextColumnNames);
        var spec = new LawSpec(law)
        {
            Constraints = new ParameterConstraints { Fixed = new Dictionary<string, double> { ["E"] = 1.8, ["A"] = 1e7, ["B"] = b } },
        };
        var fit = NonlinearFitter.Fit(runs, spec, LeastSquares);
        Assert.True(warns == Codes(fit).Contains(DiagnosticCodes.LawNotFinite), Said(fit));
    }

    [Theory]
    [InlineData("E + exp(A + B)/N^alpha", true)]   // only A + B is identified: the Hessian is singular along A − B
    [InlineData("E + exp(A)/N^alpha", false)]      // the same law with one scale
    public void NoCovariance_WhenTwoParametersEnterOnlyAsTheirSum(string formula, bool warns)
    {
        var runs = SaturatingRuns(seed: 5);
        var fit = NonlinearFitter.Fit(runs, FormulaLaw.Create(formula, runs.TextColumnNames), LeastSquares);
        Assert.True(warns == Codes(fit).Contains(DiagnosticCodes.NoCovariance), Said(fit));
    }

    [Theory]
    [InlineData(false, true)]  // L = 1.7 + 400/N^0.3 depends on N only: β → 0 and B/D^β folds into E
    [InlineData(true, false)]  // L = 1.7 + 400/N^0.3 + 410.7/D^0.28: D matters
    public void ExponentZero_WhenTheRunsDoNotDependOnD(bool dependsOnD, bool warns)
    {
        var runs = Synthetic.Runs((n, d) => 1.7 + 400 * Math.Pow(n, -0.3) + (dependsOnD ? 410.7 * Math.Pow(d, -0.28) : 0), sizes: 8, tokenCounts: 4);
        var fit = NonlinearFitter.Fit(runs, ChinchillaLaw.Instance, LeastSquares);
        Assert.True(warns == Codes(fit).Contains(DiagnosticCodes.ExponentZero), Said(fit));
        if (!warns) Assert.Equal(0.28, fit["beta"].Value, 1e-4);
    }

    /// <summary>
    /// The saturating law's bootstrap (200 resamples) on 8 sizes with 1% noise, where A is weakly identified, against
    /// 12 sizes with 0.3% noise, where it is not: the bootstrap's A spreads far wider than the curvature at the optimum
    /// says only in the first.
    /// </summary>
    [Theory]
    [InlineData(8, 0.01, true)]
    [InlineData(12, 0.003, false)]
    public void StandardErrorsDisagree_WhenTheBootstrapSpreadsMoreThanThreeTimesTheAsymptoticError(int sizes, double noise, bool warns)
    {
        var runs = Synthetic.Runs((n, _) => 1.8 + 400 * Math.Pow(n, -0.3), sizes: sizes, noise: noise, seed: 5);
        var fit = NonlinearFitter.Fit(runs, Saturating, LeastSquares with { Bootstrap = new BootstrapOptions(200, Seed: 2) });
        var asymptotic = NonlinearFitter.Fit(runs, Saturating, LeastSquares);
        double ratio = fit.Parameters.Max(p => p.StandardError / asymptotic[p.Name].StandardError);
        Assert.Equal(warns, ratio > 3);
        Assert.True(warns == Codes(fit).Contains(DiagnosticCodes.StandardErrorsDisagree), Said(fit));
        if (warns) Assert.Contains("Trust the bootstrap", fit.Diagnostics.First(d => d.Code == DiagnosticCodes.StandardErrorsDisagree).Message);
    }

    /// <summary>Five sizes with 1% noise leave some resamples without a convergent optimum; twelve with 0.3% do not.</summary>
    [Theory]
    [InlineData(5, 0.01, true)]
    [InlineData(12, 0.003, false)]
    public void BootstrapNotConverged_WhenMoreThanOnePercentOfResamplesFail(int sizes, double noise, bool warns)
    {
        var runs = Synthetic.Runs((n, _) => 1.8 + 400 * Math.Pow(n, -0.3), sizes: sizes, noise: noise, seed: 5);
        var fit = NonlinearFitter.Fit(runs, Saturating, LeastSquares with { Bootstrap = new BootstrapOptions(200, Seed: 2) });
        Assert.Equal(warns, 200 - fit.Bootstrap!.Converged > 2);
        Assert.True(warns == Codes(fit).Contains(DiagnosticCodes.BootstrapNotConverged), Said(fit));
        Assert.DoesNotContain(DiagnosticCodes.BootstrapStoppedAtStart, Codes(fit));
    }
}

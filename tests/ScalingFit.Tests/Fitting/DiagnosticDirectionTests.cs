using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Tests.Support;
using ScalingFit.Uncertainty;

namespace ScalingFit.Tests.Fitting;

/// <summary>Issue 11's diagnostics, each on data that triggers it and on data that does not.</summary>
public class DiagnosticDirectionTests
{
    private static IEnumerable<string> Codes(FitResult fit) => fit.Diagnostics.Select(d => d.Code);

    [Fact]
    public void Curvature_TowardAnIrreducibleLoss_PointsUpAndToTheSaturatingLaw()
    {
        // L = 1.8 + 400·N^−0.3 flattens: on log-log axes the loss bends up (convex).
        var fit = LogLogRegression.Power(Synthetic.Runs((n, _) => 1.8 + 400 * Math.Pow(n, -0.3), sizes: 16, noise: 0.002, seed: 2), Quantity.ParameterCount);
        Assert.Contains(DiagnosticCodes.CurvatureUp, Codes(fit));
        Assert.DoesNotContain(DiagnosticCodes.CurvatureDown, Codes(fit));
        Assert.Contains(fit.Warnings, w => w.Contains("curve upward") && w.Contains("saturating"));
    }

    [Fact]
    public void Curvature_FasterThanAPowerLaw_PointsDownAndToTheBrokenLaw()
    {
        // ln L = 1 − 0.02·ln N − 0.004·(ln N − 18)²: the loss falls ever faster (concave on log-log axes), as at a break.
        var fit = LogLogRegression.Power(Synthetic.Runs((n, _) => Math.Exp(1 - 0.02 * Math.Log(n) - 0.004 * Math.Pow(Math.Log(n) - 18, 2)),
            sizes: 16, noise: 0.002, seed: 2), Quantity.ParameterCount);
        Assert.Contains(DiagnosticCodes.CurvatureDown, Codes(fit));
        Assert.DoesNotContain(DiagnosticCodes.CurvatureUp, Codes(fit));
        Assert.Contains(fit.Warnings, w => w.Contains("curve downward") && w.Contains("broken law") && !w.Contains("try the saturating"));
    }

    [Fact]
    public void Curvature_OnAnExactPowerLawWithNoise_IsNotFlagged()
    {
        var fit = LogLogRegression.Power(Synthetic.Runs((n, _) => Math.Pow(8.8e13 / n, 0.076), sizes: 16, noise: 0.005, seed: 4), Quantity.ParameterCount);
        Assert.DoesNotContain(DiagnosticCodes.CurvatureUp, Codes(fit));
        Assert.DoesNotContain(DiagnosticCodes.CurvatureDown, Codes(fit));
    }

    [Fact]
    public void ConstantLoss_SaysTheLossDoesNotVary()
    {
        var runs = RunPreparation.Prepare(CsvRunReader.Parse("N,loss\n1e8,2.5\n1e9,2.5\n1e10,2.5\n1e11,2.5\n", "flat.csv"), RunSelection.None);
        var power = Assert.Throws<FitException>(() => LogLogRegression.Power(runs, Quantity.ParameterCount));
        Assert.Contains("the loss does not vary", power.Message);
        var saturating = Assert.Throws<FitException>(() => NonlinearFitter.Fit(runs, new SaturatingLaw(LawInput.Of(Quantity.ParameterCount))));
        Assert.Contains("the loss does not vary", saturating.Message);
    }

    [Fact]
    public void ExactData_ConvergeOnce_AndEveryResamplePassesTheTest()
    {
        // Noise-free L = 1.8 + 400·N^−0.3: the objective falls to rounding, where only the absolute floor can pass.
        var runs = Synthetic.Runs((n, _) => 1.8 + 400 * Math.Pow(n, -0.3), sizes: 12);
        var fit = NonlinearFitter.Fit(runs, new SaturatingLaw(LawInput.Of(Quantity.ParameterCount)),
            new NonlinearFitOptions { Loss = LossFunction.LeastSquares, Bootstrap = new BootstrapOptions(100, Seed: 3) });
        Assert.True(fit.Convergence.Converged);
        Assert.DoesNotContain(DiagnosticCodes.NotConverged, Codes(fit));
        Assert.Equal(100, fit.Bootstrap!.Converged);
        Assert.DoesNotContain(DiagnosticCodes.BootstrapNotConverged, Codes(fit));
        Assert.Equal(1.8, fit.NaturalParameters[0], 6);
    }

    [Fact]
    public void IrreducibleLossAboveTheLowestLosses_IsFlagged_AndNotWhenBelow()
    {
        var runs = Synthetic.Runs((n, _) => 1.8 + 400 * Math.Pow(n, -0.3), sizes: 12, noise: 0.003, seed: 6);
        var law = new SaturatingLaw(LawInput.Of(Quantity.ParameterCount));
        var free = NonlinearFitter.Fit(runs, law, new NonlinearFitOptions { Loss = LossFunction.LeastSquares });
        Assert.DoesNotContain(DiagnosticCodes.FloorAboveLosses, Codes(free));
        // E held at 0.05 above the lowest observed loss: the runs at the largest sizes beat it.
        double lowest = runs.Values(Quantity.Loss).ToArray().Min();
        var spec = new LawSpec(law)
        {
            Constraints = new ParameterConstraints { Bounds = new Dictionary<string, ParameterBounds> { ["E"] = new(lowest + 0.05, 10) } },
        };
        var forced = NonlinearFitter.Fit(runs, spec, new NonlinearFitOptions { Loss = LossFunction.LeastSquares });
        Assert.Contains(DiagnosticCodes.FloorAboveLosses, Codes(forced));
    }
}

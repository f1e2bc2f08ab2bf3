using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Analysis;

public class PredictorTests
{
    [Fact]
    public void Predict_PowerLaw_EqualsLawAndIntervalMatchesTextbookFormula()
    {
        var runs = Synthetic.Runs((n, _) => Math.Pow(8.8e13 / n, 0.076), sizes: 20, noise: 0.02, seed: 3);
        var fit = LogLogRegression.Power(runs, Quantity.ParameterCount);
        var p = Predictor.Predict(fit, new Dictionary<Quantity, double> { [Quantity.ParameterCount] = 7e10 });

        Assert.Equal(Math.Pow(fit["scale"].Value / 7e10, fit["alpha"].Value), p.Loss, 1e-10);

        // Simple regression: half-width t·s·√(1 + 1/n + (x₀ − x̄)²/Sxx) in ln L, computed from the data here.
        var x = runs.Values(Quantity.ParameterCount).ToArray().Select(v => Math.Log(v)).ToArray();
        double mean = x.Average(), sxx = x.Sum(v => (v - mean) * (v - mean));
        double s = fit.Statistics.ResidualStandardDeviation, t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, x.Length - 2, 0.975);
        double half = t * s * Math.Sqrt(1 + 1.0 / x.Length + Math.Pow(Math.Log(7e10) - mean, 2) / sxx);
        Assert.Equal(Math.Log(p.Loss) - half, Math.Log(p.Interval.Lower), 1e-10);
        Assert.Equal(Math.Log(p.Loss) + half, Math.Log(p.Interval.Upper), 1e-10);
    }

    [Fact]
    public void Predict_BeyondData_WarnsOfExtrapolationInDecades()
    {
        var runs = Synthetic.Runs((n, _) => Math.Pow(8.8e13 / n, 0.076));
        var fit = LogLogRegression.Power(runs, Quantity.ParameterCount);
        var p = Predictor.Predict(fit, new Dictionary<Quantity, double> { [Quantity.ParameterCount] = 1e12 });
        Assert.Contains(p.Warnings, w => w.Contains("far extrapolation") && w.Contains("2.0 decades"));
    }

    [Fact]
    public void Predict_JointLawFromNAndCompute_DerivesTokens()
    {
        var runs = Synthetic.Runs((n, d) => 7.5 * Math.Pow(n, -0.05) * Math.Pow(d, -0.07), sizes: 6, tokenCounts: 5);
        var fit = LogLogRegression.Joint(runs, [Quantity.ParameterCount, Quantity.TrainingTokens]);
        var p = Predictor.Predict(fit, new Dictionary<Quantity, double> { [Quantity.ParameterCount] = 7e10, [Quantity.Compute] = 5.88e23 });
        Assert.Equal(5.88e23 / (6 * 7e10), p.At[Quantity.TrainingTokens], 1e-3);
        Assert.Equal(7.5 * Math.Pow(7e10, -0.05) * Math.Pow(1.4e12, -0.07), p.Loss, 1e-9);
    }

    [Fact]
    public void Predict_MissingInput_SaysWhatToAdd()
    {
        var runs = Synthetic.Runs((n, d) => 7.5 * Math.Pow(n, -0.05) * Math.Pow(d, -0.07), sizes: 6, tokenCounts: 5);
        var fit = LogLogRegression.Joint(runs, [Quantity.ParameterCount, Quantity.TrainingTokens]);
        var e = Assert.Throws<OptionException>(() => Predictor.Predict(fit, new Dictionary<Quantity, double> { [Quantity.ParameterCount] = 7e10 }));
        Assert.Contains("D=...", e.Message);
    }
}

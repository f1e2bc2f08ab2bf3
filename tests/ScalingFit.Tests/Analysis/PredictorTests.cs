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
        var p = Predictor.Predict(fit, Predictor.ParsePoint("N=1e12"));
        Assert.Contains(p.Warnings, w => w.Contains("far extrapolation") && w.Contains("2.0 decades"));
    }

    [Fact]
    public void Predict_JointLawFromNAndCompute_DerivesTokens()
    {
        var runs = Synthetic.Runs((n, d) => 7.5 * Math.Pow(n, -0.05) * Math.Pow(d, -0.07), sizes: 6, tokenCounts: 5);
        var fit = LogLogRegression.Joint(runs, [Quantity.ParameterCount, Quantity.TrainingTokens]);
        var p = Predictor.Predict(fit, Predictor.ParsePoint("N=7e10,C=5.88e23"));
        Assert.Equal(5.88e23 / (6 * 7e10), p.At[Quantity.TrainingTokens], 1e-3);
        Assert.Equal(7.5 * Math.Pow(7e10, -0.05) * Math.Pow(1.4e12, -0.07), p.Loss, 1e-9);
    }

    [Fact]
    public void Predict_MissingInput_SaysWhatToAdd()
    {
        var runs = Synthetic.Runs((n, d) => 7.5 * Math.Pow(n, -0.05) * Math.Pow(d, -0.07), sizes: 6, tokenCounts: 5);
        var fit = LogLogRegression.Joint(runs, [Quantity.ParameterCount, Quantity.TrainingTokens]);
        var e = Assert.Throws<OptionException>(() => Predictor.Predict(fit, Predictor.ParsePoint("N=7e10")));
        Assert.Contains("D=...", e.Message);
    }

    [Theory]
    [InlineData("N7e10"), InlineData("Q=5"), InlineData("N=abc"), InlineData("N=-1"), InlineData("N=1,N=2"), InlineData("loss=2")]
    public void ParsePoint_Malformed_Refuses(string text)
    {
        Assert.Throws<OptionException>(() => Predictor.ParsePoint(text));
    }
}

public class IntervalTests
{
    [Fact]
    public void ConfidenceInterval_PowerLaw_MatchesTextbookFormulaWithoutTheNewRunTerm()
    {
        var runs = Synthetic.Runs((n, _) => Math.Pow(8.8e13 / n, 0.076), sizes: 20, noise: 0.02, seed: 3);
        var fit = LogLogRegression.Power(runs, Quantity.ParameterCount);
        var x = runs.Values(Quantity.ParameterCount).ToArray().Select(v => Math.Log(v)).ToArray();
        double mean = x.Average(), sxx = x.Sum(v => (v - mean) * (v - mean));
        double s = fit.Statistics.ResidualStandardDeviation, t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, x.Length - 2, 0.975);
        double half = t * s * Math.Sqrt(1.0 / x.Length + Math.Pow(Math.Log(7e10) - mean, 2) / sxx);
        var ci = fit.Model.ConfidenceInterval([7e10]);
        double center = Math.Log(fit.Model.Predict([7e10]));
        Assert.Equal(center - half, Math.Log(ci.Lower), 10);
        Assert.Equal(center + half, Math.Log(ci.Upper), 10);
    }

    [Fact]
    public void PredictionInterval_NonlinearLaw_WidensTheConfidenceIntervalByTheScatterInQuadrature()
    {
        double[] truth = [1.69, 406.4, 410.7, 0.34, 0.28];
        var runs = Synthetic.Runs((n, d) => ScalingFit.Laws.ChinchillaLaw.Instance.Loss(truth, [n, d]), sizes: 8, tokenCounts: 8, noise: 0.01, seed: 2);
        var fit = NonlinearFitter.Fit(runs, ScalingFit.Laws.ChinchillaLaw.Instance);
        double[] at = [7e10, 1.4e12];
        double center = Math.Log(fit.Model.Predict(at));
        var ci = fit.Model.ConfidenceInterval(at);
        var pi = fit.Model.PredictionInterval(at);
        double noise = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, fit.Statistics.DegreesOfFreedom, 0.975) * fit.Statistics.ResidualStandardDeviation;
        Assert.Equal(Math.Sqrt(Math.Pow(center - Math.Log(ci.Lower), 2) + noise * noise), center - Math.Log(pi.Lower), 10);
        Assert.Equal(Math.Sqrt(Math.Pow(Math.Log(ci.Upper) - center, 2) + noise * noise), Math.Log(pi.Upper) - center, 10);
        Assert.True(pi.Lower < ci.Lower && ci.Upper < pi.Upper);
    }
}

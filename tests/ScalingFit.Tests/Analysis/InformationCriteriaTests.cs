using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Analysis;

public class InformationCriteriaTests
{
    [Fact]
    public void Of_OlsPowerFit_IsTheGaussianLikelihoodOfItsResiduals()
    {
        var runs = Synthetic.Runs((n, _) => Math.Pow(8.8e13 / n, 0.076), sizes: 20, noise: 0.02, seed: 3);
        var fit = LogLogRegression.Power(runs, Quantity.ParameterCount);
        var criteria = InformationCriteria.Of(fit, runs);

        // By hand: residuals of ln L from the fitted slope and intercept, σ̂² = SSR/n, k = 2 plus σ.
        int n = runs.Count;
        double ssr = Enumerable.Range(0, n).Sum(i =>
        {
            double r = fit["intercept"].Value + fit["slope"].Value * Math.Log(runs.Value(Quantity.ParameterCount, i))
                       - Math.Log(runs.Value(Quantity.Loss, i));
            return r * r;
        });
        double logLikelihood = -n / 2.0 * (Math.Log(2 * Math.PI * ssr / n) + 1);
        Assert.Equal(2, criteria.Parameters);
        Assert.Equal(ssr, criteria.SumOfSquares, 12);
        Assert.Equal(fit.Statistics.Objective, criteria.SumOfSquares, 12);
        Assert.Equal(logLikelihood, criteria.LogLikelihood, 9);
        Assert.Equal(2 * 3 - 2 * logLikelihood, criteria.Aic, 9);
        Assert.Equal(3 * Math.Log(n) - 2 * logLikelihood, criteria.Bic, 9);
        Assert.Equal(fit.Statistics.ResidualStandardDeviation, criteria.ResidualStandardDeviation, 12);
    }

    [Fact]
    public void Of_NonlinearFit_CountsTheLawsParameters()
    {
        var runs = Synthetic.Runs((n, _) => 1.7 + 500 * Math.Pow(n, -0.3), sizes: 15, noise: 0.01, seed: 2);
        var fit = NonlinearFitter.Fit(runs, new SaturatingLaw(Quantity.ParameterCount));
        var criteria = InformationCriteria.Of(fit, runs);
        Assert.Equal(3, criteria.Parameters);
        Assert.Equal(fit.Statistics.Rmse * fit.Statistics.Rmse * runs.Count, criteria.SumOfSquares, 12);
    }
}

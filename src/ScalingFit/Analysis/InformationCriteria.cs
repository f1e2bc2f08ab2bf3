using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;

namespace ScalingFit.Analysis;

/// <summary>
/// AIC and BIC of a fitted law on its runs, defined the same way for every law whatever its
/// fitting criterion (OLS or Huber): the Gaussian log-likelihood of the residuals of ln L at the
/// maximum-likelihood variance σ̂² = SSR/n, ln ℒ = −(n/2)·(ln(2π·σ̂²) + 1), with k + 1 parameters
/// (the law's k and σ): AIC = 2(k + 1) − 2 ln ℒ, BIC = (k + 1)·ln n − 2 ln ℒ (Akaike 1974; Schwarz 1978).
/// </summary>
/// <param name="Points">n: the runs.</param>
/// <param name="Parameters">k: the law's fitted parameters (σ not counted here).</param>
/// <param name="SumOfSquares">SSR: Σ (ln L̂ − ln L)².</param>
/// <param name="LogLikelihood">ln ℒ.</param>
/// <param name="Aic">Akaike's information criterion: lower is better.</param>
/// <param name="Bic">The Bayesian (Schwarz) information criterion: lower is better.</param>
public sealed record InformationCriteria(int Points, int Parameters, double SumOfSquares, double LogLikelihood, double Aic, double Bic)
{
    /// <summary>The definition, for reports.</summary>
    public const string Definition =
        "AIC and BIC from the Gaussian log-likelihood of the ln L residuals at σ̂² = SSR/n, ln ℒ = −(n/2)(ln 2πσ̂² + 1), " +
        "with k + 1 parameters (the law's k and σ): AIC = 2(k+1) − 2 ln ℒ, BIC = (k+1) ln n − 2 ln ℒ. The same definition " +
        "for every law, whether it was fitted by OLS or by Huber's loss; lower is better, and differences below about 2 mean little.";

    /// <summary>√(SSR/(n − k)): the spread of the ln L residuals.</summary>
    public double ResidualStandardDeviation => Points > Parameters ? Math.Sqrt(SumOfSquares / (Points - Parameters)) : double.NaN;

    /// <summary>The criteria of a fit on runs (normally those it was fitted to).</summary>
    public static InformationCriteria Of(FitResult fit, RunSet runs)
    {
        if (fit.ScalingLaw is Laws.IPreparesRuns prepares) runs = prepares.Prepare(runs);
        int n = runs.Count, k = fit.Statistics.Points - fit.Statistics.DegreesOfFreedom;
        var columns = fit.Inputs.Select(x => Laws.LawInputs.Values(runs, x)).ToArray();
        var observed = fit.Target.Values(runs);
        var inputs = new double[fit.Inputs.Count];
        double ssr = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < inputs.Length; j++) inputs[j] = columns[j][i];
            double r = fit.Residuals.Transform(fit.Model.Predict(inputs)) - fit.Residuals.Transform(observed[i]);
            ssr += r * r;
        }
        double logLikelihood = -0.5 * n * (Math.Log(2 * Math.PI * ssr / n) + 1);
        return new InformationCriteria(n, k, ssr, logLikelihood,
            2 * (k + 1) - 2 * logLikelihood,
            (k + 1) * Math.Log(n) - 2 * logLikelihood);
    }
}

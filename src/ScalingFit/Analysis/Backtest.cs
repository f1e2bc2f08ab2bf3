using ScalingFit.Data;
using ScalingFit.Fitting;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Analysis;

/// <summary>
/// The honest test of a scaling law: fit it to the smaller runs, predict the larger ones it never
/// saw, and measure the error (relative error (L̂ − L)/L per run, its mean absolute value, and
/// whether each actual loss fell inside the law's 95% interval).
/// </summary>
public static class Backtest
{
    /// <summary>Holds out runs, fits the law to the rest and predicts the held-out runs.</summary>
    /// <exception cref="FitException">The held-out set or the training set is empty, or the law cannot be fitted to the training runs.</exception>
    public static BacktestResult Run(RunSet runs, LawSpec law, Holdout holdout, NonlinearFitOptions? options = null) =>
        Run(holdout.Split(runs), law, options);

    /// <summary>Fits the law to a split's training runs and predicts its held-out runs.</summary>
    /// <exception cref="FitException">The law cannot be fitted to the training runs.</exception>
    public static BacktestResult Run(HoldoutSplit split, LawSpec law, NonlinearFitOptions? options = null)
    {
        var fit = law.Fit(split.Training, options);
        var test = law.Law is Laws.IPreparesRuns prepares ? prepares.Prepare(split.HeldOut) : split.HeldOut;
        var quantities = Quantities.Inputs.Where(test.Has).ToList();
        var columns = fit.Inputs.Select(x => Laws.LawInputs.Values(test, x)).ToArray();
        var actual = fit.Target.Values(test);
        var inputs = new double[fit.Inputs.Count];
        var predictions = new List<BacktestPrediction>(test.Count);
        for (int i = 0; i < test.Count; i++)
        {
            for (int j = 0; j < inputs.Length; j++) inputs[j] = columns[j][i];
            predictions.Add(new BacktestPrediction(
                test.Line(i),
                quantities.ToDictionary(q => q, q => test.Value(q, i)),
                actual[i],
                fit.Model.Predict(inputs),
                fit.Model.PredictionInterval(inputs)));
        }
        var result = new BacktestResult(fit, split.Description, split.Training.Count, predictions, []);
        return result with { Warnings = Warnings(result) };
    }

    private static List<string> Warnings(BacktestResult result)
    {
        var warnings = new List<string>();
        int n = result.Predictions.Count;
        if (n > 0 && double.IsFinite(result.Coverage) && result.Coverage < 0.8)
            warnings.Add($"only {result.Inside} of {n} held-out losses ({Percent(result.Coverage)}) fall inside their 95% intervals: " +
                         (result.Fit.Model.IntervalMethod.Contains("confidence", StringComparison.Ordinal)
                             ? "these intervals are of the law's curve, not of a new run's scatter, and "
                             : "") +
                         "the law extrapolates with more error than its fit suggests.");
        if (n > 0 && Math.Abs(result.MeanRelativeError) > 0.5 * result.MeanAbsoluteRelativeError && result.MeanAbsoluteRelativeError > 0.005)
            warnings.Add($"the errors lean one way: the law {(result.MeanRelativeError > 0 ? "over" : "under")}predicts the held-out losses " +
                         $"by {Percent(Math.Abs(result.MeanRelativeError))} on average, a sign the law's shape misses the trend at scale.");
        warnings.AddRange(result.Fit.Warnings);
        return warnings;
    }
}

/// <summary>The prediction of one held-out run.</summary>
/// <param name="Line">The input line of the run.</param>
/// <param name="At">Its N, D and C (those the data has).</param>
/// <param name="Actual">Its observed loss.</param>
/// <param name="Predicted">The law's prediction.</param>
/// <param name="Interval">The law's 95% interval there.</param>
public sealed record BacktestPrediction(
    long Line, IReadOnlyDictionary<Quantity, double> At, double Actual, double Predicted, Interval Interval)
{
    /// <summary>(L̂ − L)/L: positive when the law predicts too high a loss.</summary>
    public double RelativeError => (Predicted - Actual) / Actual;

    /// <summary>Whether the actual loss lies inside the 95% interval.</summary>
    public bool Inside => Interval.Contains(Actual);
}

/// <summary>The result of a backtest.</summary>
/// <param name="Fit">The law fitted to the training runs.</param>
/// <param name="Holdout">Which runs were held out, in words.</param>
/// <param name="TrainingRuns">How many runs the law was fitted to.</param>
/// <param name="Predictions">One per held-out run, in input order.</param>
/// <param name="Warnings">Poor coverage, one-sided errors, and the fit's own warnings.</param>
public sealed record BacktestResult(
    FitResult Fit, string Holdout, int TrainingRuns, IReadOnlyList<BacktestPrediction> Predictions, IReadOnlyList<string> Warnings)
{
    /// <summary>Mean of |L̂ − L|/L over the held-out runs.</summary>
    public double MeanAbsoluteRelativeError => Predictions.Count == 0 ? double.NaN : Predictions.Average(p => Math.Abs(p.RelativeError));

    /// <summary>The largest |L̂ − L|/L.</summary>
    public double MaxAbsoluteRelativeError => Predictions.Count == 0 ? double.NaN : Predictions.Max(p => Math.Abs(p.RelativeError));

    /// <summary>Mean of (L̂ − L)/L: the bias of the extrapolation.</summary>
    public double MeanRelativeError => Predictions.Count == 0 ? double.NaN : Predictions.Average(p => p.RelativeError);

    /// <summary>How many actual losses fell inside their intervals.</summary>
    public int Inside => Predictions.Count(p => p.Inside);

    /// <summary>The fraction inside (NaN when the law gives no intervals).</summary>
    public double Coverage => Predictions.Count == 0 || Predictions.All(p => double.IsNaN(p.Interval.Lower))
        ? double.NaN
        : (double)Inside / Predictions.Count;
}

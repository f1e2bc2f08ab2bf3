using System.Globalization;
using System.Text;
using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Analysis;

/// <summary>Predicting a downstream metric in two steps: a law of the loss, then a law of the metric against the loss.</summary>
public class MetricChainTests
{
    /// <summary>N, D and loss from Hoffmann's law with 0.5% noise; accuracy from a sigmoid of the loss (lo 0.25, hi 0.85, k 8, L₀ 2.6) with noise 0.005.</summary>
    private static RunSet Runs()
    {
        var random = new Random(21);
        var csv = new StringBuilder("N,D,loss,accuracy\n");
        foreach (double n in new[] { 2e7, 5e7, 1e8, 2e8, 5e8, 1e9, 2e9, 5e9 })
            foreach (double ratio in new[] { 5.0, 20, 80 })
            {
                double d = ratio * n;
                double loss = (1.69 + 406.4 / Math.Pow(n, 0.34) + 410.7 / Math.Pow(d, 0.28)) * Math.Exp(0.005 * Synthetic.Gaussian(random));
                double accuracy = 0.25 + 0.6 / (1 + Math.Exp(8 * (loss - 2.6))) + 0.005 * Synthetic.Gaussian(random);
                csv.Append(CultureInfo.InvariantCulture, $"{n:R},{d:R},{loss:R},{accuracy:R}\n");
            }
        return RunPreparation.Prepare(CsvRunReader.Parse(csv.ToString(), "downstream.csv"), RunSelection.None);
    }

    private static (FitResult Loss, FitResult Metric) Fits(RunSet runs) => (
        NonlinearFitter.Fit(runs, ChinchillaLaw.Instance),
        NonlinearFitter.Fit(runs, new LawSpec(LawRegistry.Create("sigmoid")) { Target = LawTarget.Column("accuracy"), Residuals = ResidualSpace.Linear },
            new NonlinearFitOptions { Loss = LossFunction.LeastSquares }));

    [Fact]
    public void Predict_Sigmoid_IntervalStaysInsideItsBoundsEvenFarBeyondTheData()
    {
        var runs = Runs();
        var (loss, metric) = Fits(runs);
        var points = new[] { 1e10, 1e11, 1e12, 1e13 }.Select(n => (IReadOnlyDictionary<LawInput, double>)new Dictionary<LawInput, double>
        {
            [Quantity.ParameterCount] = n, [Quantity.TrainingTokens] = 20 * n,
        }).ToList();
        var predictions = MetricChain.Predict(loss, metric, points);
        double hi = metric["hi"].Ci95.Upper, lo = metric["lo"].Ci95.Lower;
        foreach (var p in predictions)
        {
            Assert.True(p.Interval.Lower >= lo && p.Interval.Upper <= hi, $"[{p.Interval.Lower}, {p.Interval.Upper}] outside [{lo}, {hi}]");
            Assert.True(p.Interval.Contains(p.Metric));
            // The centre is the metric law at the predicted loss.
            Assert.Equal(metric.ScalingLaw.Value(metric.NaturalParameters, [p.Loss.Loss]), p.Metric, 1e-12);
        }
        // Far beyond the data the accuracy is near its ceiling, and the interval is narrow there (the sigmoid saturates).
        Assert.True(predictions[^1].Metric > 0.84);
    }

    [Fact]
    public void Predict_NearTheMidpoint_CarriesTheLossUncertainty()
    {
        // Where the sigmoid is steep, the loss interval dominates: the metric interval is wider than from the metric law's parameters alone.
        var runs = Runs();
        var (loss, metric) = Fits(runs);
        var point = new Dictionary<LawInput, double> { [Quantity.ParameterCount] = 1e9, [Quantity.TrainingTokens] = 2e10 };
        var chained = MetricChain.Predict(loss, metric, [point])[0];
        var alone = metric.Model.ConfidenceInterval([chained.Loss.Loss]);
        Assert.True(chained.Interval.Width > alone.Width, $"chained {chained.Interval.Width}, metric law alone {alone.Width}");
        Assert.Equal(chained.Interval, MetricChain.Predict(loss, metric, [point])[0].Interval);   // the same seed, the same interval
    }

    [Fact]
    public void Predict_MetricLawNotOfTheLoss_Refuses()
    {
        var runs = Runs();
        var (loss, _) = Fits(runs);
        var e = Assert.Throws<OptionException>(() => MetricChain.Predict(loss, loss, []));
        Assert.Equal("MetricChain.MetricLaw", e.Parameter);
    }
}

using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Plotting.Series;

namespace ScalingFit.Plotting.Tests.Series;

public class SeriesTests
{
    [Fact]
    public void Of_FewDistinctBudgets_OneLevelEach()
    {
        double[] c = [1e19, 1e19, 1.01e19, 1e20, 1e20, 1e21];
        var levels = RunLevels.Of("C", c);
        Assert.Equal(3, levels.Count);
        Assert.Equal([0, 1, 2], levels[0].Rows);
        Assert.Equal(Math.Pow(1e19 * 1e19 * 1.01e19, 1.0 / 3), levels[0].Center, 1e6);
        Assert.Equal("C = 10²¹", levels[2].Label);
    }

    [Fact]
    public void Of_ContinuousValues_BinsOfWholeDecades()
    {
        var c = Enumerable.Range(0, 40).Select(i => Math.Pow(10, 18.05 + 0.1 * i)).ToArray();
        var levels = RunLevels.Of("C", c);
        Assert.Equal(4, levels.Count);
        Assert.Equal("C 10¹⁸–10¹⁹", levels[0].Label);
        Assert.Equal(40, levels.Sum(l => l.Rows.Count));
        Assert.All(levels, l => Assert.Equal(10, l.Rows.Count));
    }

    [Fact]
    public void Complete_MissingTokens_DerivedFromSixND()
    {
        var model = new RecordingModel([Quantity.ParameterCount, Quantity.TrainingTokens]);
        var inputs = new double[2];
        ModelCurve.Complete(model, Quantity.ParameterCount, 1e9, new Dictionary<ScalingFit.Laws.LawInput, double> { [Quantity.Compute] = 6e19 }, inputs);
        Assert.Equal([1e9, 1e10], inputs);
    }

    [Fact]
    public void Complete_InputNeitherHeldNorDerivable_ThrowsOptionException()
    {
        var model = new RecordingModel([Quantity.ParameterCount, Quantity.TrainingTokens]);
        Assert.Throws<OptionException>(() => ModelCurve.Complete(model, Quantity.ParameterCount, 1e9, new Dictionary<ScalingFit.Laws.LawInput, double>(), new double[2]));
    }

    [Fact]
    public void Sample_EvenlyInLogAndEndpointsExact()
    {
        var model = new RecordingModel([Quantity.ParameterCount]);
        var curve = ModelCurve.Sample(model, Quantity.ParameterCount, 1e8, 1e12, new Dictionary<ScalingFit.Laws.LawInput, double>(), 5);
        Assert.Equal([8.0, 9, 10, 11, 12], curve.X);
        Assert.Equal(curve.X.Select(x => Math.Log10(Math.Pow(10, x) * 1e-9)), curve.Y, new ToleranceComparer(1e-12));
        Assert.All(curve.Lower.Zip(curve.Upper), p => Assert.Equal(p.Second - p.First, 2 * Math.Log10(1.1), 12));
    }

    /// <summary>L = 1e−9 × (product of the inputs), interval ×/÷ 1.1.</summary>
    private sealed class RecordingModel(IReadOnlyList<Quantity> quantities) : ILossModel
    {
        private readonly IReadOnlyList<Quantity> inputs = quantities;

        public IReadOnlyList<ScalingFit.Laws.LawInput> Inputs => ScalingFit.Laws.LawInputs.Of(inputs);
        public IReadOnlyList<Interval> InputRanges => inputs.Select(_ => new Interval(1, 2)).ToList();
        public string IntervalMethod => "test";
        public double Predict(ReadOnlySpan<double> x) { double p = 1e-9; foreach (double v in x) p *= v; return p; }
        public Interval PredictionInterval(ReadOnlySpan<double> x) => new(Predict(x) / 1.1, Predict(x) * 1.1);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double value) => 0;
    }
}

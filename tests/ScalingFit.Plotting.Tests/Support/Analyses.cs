using System.Globalization;
using System.Text;
using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;

namespace ScalingFit.Plotting.Tests.Support;

/// <summary>The analyses the IsoFLOP, frontier and backtest figures draw, from known laws or the built-in runs, made once.</summary>
public static class Analyses
{
    /// <summary>Hoffmann et al. 2022's fitted law (their Eq. 10): E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28.</summary>
    public static readonly double[] Hoffmann = [1.69, 406.4, 410.7, 0.34, 0.28];

    private static readonly Lazy<IsoFlopResult> LazyIsoFlop = new(() => IsoFlop.Analyze(Fits.Chinchilla));
    private static readonly Lazy<BacktestRuns> LazyBacktests = new(() =>
    {
        var split = Holdout.LargestCompute(0.2).Split(Fits.Chinchilla);
        return new BacktestRuns(
        [
            Backtest.Run(split, LawSpec.Create("power", [Quantity.ParameterCount])),
            Backtest.Run(split, LawSpec.Create("joint", null)),
        ], split);
    });

    /// <summary>The IsoFLOP analysis of the built-in runs less the 5 highest losses (C binned, tolerance 0.2).</summary>
    public static IsoFlopRuns ChinchillaIsoFlop => new(LazyIsoFlop.Value, Fits.Chinchilla);

    /// <summary>Power (N) and joint (N, D) backtested on the built-in runs, the 20% largest by compute held out.</summary>
    public static BacktestRuns PowerAndJoint => LazyBacktests.Value;

    /// <summary>Hoffmann's law as a chinchilla fit, fitted (so to speak) to N from 7e7 to 1.6e10 and D from 5e9 to 5e11.</summary>
    public static FitResult HoffmannFit(IReadOnlyList<double[]>? samples = null)
    {
        var runs = Runs.Load(new MemoryStream(Encoding.UTF8.GetBytes("N,D,loss\n7e7,5e9,3\n1.6e10,5e11,2\n")), "hoffmann.csv");
        string[] names = ["E", "A", "B", "alpha", "beta"];
        return new FitResult
        {
            Law = "chinchilla",
            Formula = ChinchillaLaw.Instance.Formula,
            Inputs = ChinchillaLaw.Instance.Inputs,
            Parameters = names.Select((n, i) => new FittedParameter(n, n, Hoffmann[i], 0, new Interval(Hoffmann[i], Hoffmann[i]))).ToList(),
            Statistics = new FitStatistics(2, 0, 0, 0, 1, 0),
            Convergence = Convergence.Direct("published constants"),
            Warnings = [],
            Data = DataDescription.Of(runs),
            Model = new FixedLaw(Hoffmann, [new Interval(7e7, 1.6e10), new Interval(5e9, 5e11)]),
            ScalingLaw = ChinchillaLaw.Instance,
            ParameterSamples = samples ?? [],
        };
    }

    /// <summary>The allocation of <see cref="HoffmannFit"/> at one budget per decade from 1e18 to 1e26.</summary>
    public static ComputeOptimalResult HoffmannOptimal(IReadOnlyList<double[]>? samples = null) =>
        ComputeOptimal.Analyze(HoffmannFit(samples), new ComputeOptimalOptions { Budgets = ComputeBudgets.LogSpaced(1e18, 1e26) });

    /// <summary>
    /// IsoFLOP runs whose losses lie exactly on chosen parabolas L = c + k·(ln N − ln N*)² (downward for k &lt; 0), one budget per
    /// (C, N*, k, sizes) with sizes spread evenly in ln N over a factor 16 centred on <c>center</c>.
    /// </summary>
    public static IsoFlopRuns Parabolas(params (double Compute, double Center, double Vertex, double Curvature, int Sizes)[] budgets)
    {
        var csv = new StringBuilder("budget,N,C,loss\n");
        foreach (var (c, center, vertex, k, sizes) in budgets)
        {
            for (int i = 0; i < sizes; i++)
            {
                double n = center * Math.Pow(16, sizes == 1 ? 0 : (double)i / (sizes - 1) - 0.5);
                double x = Math.Log(n) - Math.Log(vertex);
                csv.Append(CultureInfo.InvariantCulture, $"{c:R},{n:R},{c:R},{2.5 + k * x * x:R}\n");
            }
        }
        var runs = Runs.Load(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "parabolas.csv");
        // The figures draw extrapolated minima (open diamonds) and exact parabolas: keep them as the old rule did.
        return new IsoFlopRuns(IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "budget", KeepExtrapolated = true, MinimumSizes = 3 }), runs);
    }

    /// <summary>
    /// Runs of Hoffmann's law at five budgets from 1e19 to 1e21, seven sizes each spread over a factor 8 either side of the law's
    /// optimum, with 0.5% log-normal noise (seed 2).
    /// </summary>
    public static RunSet HoffmannRuns()
    {
        var random = new Random(2);
        double e = Hoffmann[0], a = Hoffmann[1], b = Hoffmann[2], alpha = Hoffmann[3], beta = Hoffmann[4];
        double g = Math.Pow(alpha * a / (beta * b), 1 / (alpha + beta));
        var csv = new StringBuilder("N,D,C,loss\n");
        foreach (double c in new[] { 1e19, 3e19, 1e20, 3e20, 1e21 })
        {
            for (int k = -3; k <= 3; k++)
            {
                double n = g * Math.Pow(c / 6, beta / (alpha + beta)) * Math.Pow(8, k / 3.0), d = c / (6 * n);
                double noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                double loss = (e + a / Math.Pow(n, alpha) + b / Math.Pow(d, beta)) * Math.Exp(0.005 * noise);
                csv.Append(CultureInfo.InvariantCulture, $"{n:R},{d:R},{c:R},{loss:R}\n");
            }
        }
        return Runs.Load(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "hoffmann-isoflop.csv");
    }

    private static readonly Lazy<ReportResult> LazyReport = new(() => ReportAnalysis.Run(HoffmannRuns(),
        new ReportOptions { Fit = new NonlinearFitOptions { Bootstrap = new Uncertainty.BootstrapOptions(30, 5) } }));

    /// <summary>The report's analysis of <see cref="HoffmannRuns"/> (every law, a 30-resample bootstrap), made once.</summary>
    public static ReportResult HoffmannReport => LazyReport.Value;

    /// <summary>A chinchilla law at fixed parameters with a ±2% interval.</summary>
    private sealed class FixedLaw(double[] parameters, IReadOnlyList<Interval> ranges) : ILossModel
    {
        public IReadOnlyList<ScalingFit.Laws.LawInput> Inputs => ChinchillaLaw.Instance.Inputs;

        public IReadOnlyList<Interval> InputRanges => ranges;

        public string IntervalMethod => "95% confidence interval of the law's prediction (test: ±2%)";

        public double Predict(ReadOnlySpan<double> inputs) => ChinchillaLaw.Instance.Value(parameters, inputs);

        public Interval PredictionInterval(ReadOnlySpan<double> inputs) => new(0.98 * Predict(inputs), 1.02 * Predict(inputs));
    }
}

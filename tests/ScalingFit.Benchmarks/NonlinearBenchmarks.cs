using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;

namespace ScalingFit.Benchmarks;

/// <summary>
/// The Chinchilla Huber fit on the replication data (240 runs): every 10th start of Hoffmann's
/// grid (450 starts, one thread) with our Newton trust region on the vectorised objective, with the
/// same optimizer on the generic objective, and with MathNet's L-BFGS on the same objective and
/// gradient — the measurement behind writing our own optimizer. Then the whole fit (4,500 starts,
/// all cores), screened (the default) against exhaustive, and a 4,000-resample bootstrap.
/// </summary>
[MemoryDiagnoser]
public class NonlinearBenchmarks
{
    private readonly RunSet _runs = Runs.Chinchilla(new RunSelection { DropHighestLoss = 5 });
    private FitData _data = null!;
    private double[] _optimum = [];

    [GlobalSetup]
    public void Setup()
    {
        _data = FitData.From(_runs, ChinchillaLaw.Instance.Inputs);
        _optimum = [Math.Log(1.8172), Math.Log(477.8), Math.Log(2143.4), 0.3473, 0.3672];
    }

    [Benchmark(Baseline = true)]
    public double Starts450_NewtonTrustRegion() => Starts(new ChinchillaObjective(_data, LossFunction.Default));

    [Benchmark]
    public double Starts450_NewtonTrustRegion_GenericObjective() =>
        Starts(new LogLossObjective(ChinchillaLaw.Instance, _data, LossFunction.Default));

    [Benchmark]
    public double Starts450_MathNetLbfgs()
    {
        var objective = new ChinchillaObjective(_data, LossFunction.Default);
        var gradient = new double[5];
        var function = ObjectiveFunction.Gradient(v =>
        {
            double f = objective.Evaluate(v.AsArray() ?? v.ToArray(), gradient, Span<double>.Empty);
            return (f, Vector<double>.Build.DenseOfArray((double[])gradient.Clone()));
        });
        double best = double.PositiveInfinity;
        var x = new double[5];
        for (int s = 0; s < 4500; s += 10)
        {
            ChinchillaLaw.Instance.Starts(StartContext.None).Point(s, x);
            try
            {
                var result = new LimitedMemoryBfgsMinimizer(1e-10, 1e-12, 1e-12, 10, 10_000).FindMinimum(function, Vector<double>.Build.DenseOfArray(x));
                best = Math.Min(best, result.FunctionInfoAtMinimum.Value);
            }
            catch (Exception e) when (e is MaximumIterationsException or InnerOptimizationException or EvaluationException)
            {
                // A failed line search is a counted outcome, as in our multi-start.
            }
        }
        return best;
    }

    [Benchmark]
    public FitResult FullFit_4500Starts_Screened() => NonlinearFitter.Fit(_runs, ChinchillaLaw.Instance);

    [Benchmark]
    public FitResult FullFit_4500Starts_Exhaustive() =>
        NonlinearFitter.Fit(_runs, ChinchillaLaw.Instance, new NonlinearFitOptions { Search = StartSearch.Exhaustive });

    [Benchmark]
    public FitResult Bootstrap_4000() => NonlinearFitter.Fit(_runs, ChinchillaLaw.Instance, new NonlinearFitOptions
    {
        Starts = new StartGrid([[_optimum[0]], [_optimum[1]], [_optimum[2]], [_optimum[3]], [_optimum[4]]]),
        Bootstrap = new ScalingFit.Uncertainty.BootstrapOptions(4000, 1),
    });

    private static double Starts(IObjective objective)
    {
        var optimizer = new NewtonTrustRegion(5);
        var x = new double[5];
        double best = double.PositiveInfinity;
        for (int s = 0; s < 4500; s += 10)
        {
            ChinchillaLaw.Instance.Starts(StartContext.None).Point(s, x);
            best = Math.Min(best, optimizer.Minimize(objective, x).Objective);
        }
        return best;
    }
}

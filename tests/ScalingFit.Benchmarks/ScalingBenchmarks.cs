using BenchmarkDotNet.Attributes;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Uncertainty;

namespace ScalingFit.Benchmarks;

/// <summary>
/// Approach 3 on many runs (issue 13): the Chinchilla fit of 20,000 and 100,000 runs drawn from
/// Hoffmann et al.'s law (<see cref="RunsCsvGenerator"/>), screened (the default) against the
/// exhaustive search on 20,000 (every start on all runs: about half a minute per fit, so three
/// iterations), and a 1,000-resample bootstrap of the 20,000-run fit from its optimum.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ScalingBenchmarks
{
    private RunSet _runs20k = null!, _runs100k = null!;
    private NonlinearFitOptions _bootstrap = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runs20k = Load(20_000);
        _runs100k = Load(100_000);
        var optimum = NonlinearFitter.Fit(_runs20k, ChinchillaLaw.Instance).Parameters.Select(p => p.Value).ToArray();
        var theta = ChinchillaLaw.Instance.Parameters.Select((p, j) => p.ToTheta(optimum[j])).ToArray();
        _bootstrap = new NonlinearFitOptions
        {
            Starts = new StartGrid([.. theta.Select(v => (IReadOnlyList<double>)[v])]),
            Bootstrap = new BootstrapOptions(1000, 1),
        };
    }

    private static RunSet Load(int rows)
    {
        using var memory = new MemoryStream(RunsCsvGenerator.Bytes(rows, seed: 1));
        return Runs.Load(memory, $"{rows} runs");
    }

    [Benchmark(Baseline = true)]
    public FitResult Chinchilla_20000Runs_Exhaustive() =>
        NonlinearFitter.Fit(_runs20k, ChinchillaLaw.Instance, new NonlinearFitOptions { Search = StartSearch.Exhaustive });

    [Benchmark]
    public FitResult Chinchilla_20000Runs_Screened() => NonlinearFitter.Fit(_runs20k, ChinchillaLaw.Instance);

    [Benchmark]
    public FitResult Chinchilla_100000Runs_Screened() => NonlinearFitter.Fit(_runs100k, ChinchillaLaw.Instance);

    [Benchmark]
    public FitResult Chinchilla_20000Runs_Bootstrap1000() => NonlinearFitter.Fit(_runs20k, ChinchillaLaw.Instance, _bootstrap);
}

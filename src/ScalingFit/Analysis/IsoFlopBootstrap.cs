using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Uncertainty;

namespace ScalingFit.Analysis;

/// <summary>
/// The IsoFLOP analysis redone on bootstrap resamples of whole runs (Efron and Tibshirani 1993, ch. 6;
/// by cluster as in Cameron and Miller 2015): budgets, vertices and N_opt ∝ C^a are all refitted on
/// each resample, and the 2.5th and 97.5th percentiles give the intervals. When the budgets are built
/// from checkpoints of the same runs their minima are not independent, and the t interval of a, which
/// takes them as independent points, is too narrow; resampling whole runs counts what they share.
/// Each drawn run is a run of its own in the resample, so a run drawn twice keeps both copies in
/// every budget it reaches.
/// </summary>
/// <param name="Resamples">K, the resamples drawn.</param>
/// <param name="Failed">Resamples with fewer than 3 budgets that have a usable minimum (left out of the percentiles).</param>
/// <param name="Units">What was resampled: "24 runs named by run" or "240 rows".</param>
/// <param name="ParameterExponent">Percentile 95% interval of a in N_opt ∝ C^a.</param>
/// <param name="TokenExponent">Percentile 95% interval of b in D_opt ∝ C^b.</param>
/// <param name="ParameterCounts">Percentile 95% intervals of N_opt at the budgets asked for, in their order.</param>
public sealed record IsoFlopBootstrap(int Resamples, int Failed, string Units, Interval ParameterExponent, Interval TokenExponent,
    IReadOnlyList<Interval> ParameterCounts)
{
    /// <summary>Redoes the analysis with <paramref name="options"/> on <see cref="IsoFlopOptions.Bootstrap"/> resamples.</summary>
    /// <exception cref="FitException">Fewer than half the resamples give an analysis.</exception>
    internal static IsoFlopBootstrap Run(RunSet runs, IsoFlopOptions options)
    {
        int k = options.Bootstrap;
        var clusters = runs.Clusters;
        int units = clusters?.Count ?? runs.Count;
        var members = new List<int>[units];
        for (int u = 0; u < units; u++) members[u] = [];
        for (int row = 0; row < runs.Count; row++) members[clusters?.Of(row) ?? row].Add(row);
        var single = options with { Bootstrap = 0 };
        var a = new double[k];
        var b = new double[k];
        var n = options.Budgets.Select(_ => new double[k]).ToArray();
        int failed = 0;
        Parallel.For(0, k, r =>
        {
            var random = new SplitMix64(options.Seed, r);
            var rows = new List<int>(runs.Count);
            var ids = new List<int>(runs.Count);
            for (int draw = 0; draw < units; draw++)
                foreach (int row in members[random.NextIndex(units)])
                {
                    rows.Add(row);
                    ids.Add(draw);
                }
            var resample = runs.Subset(rows, null);
            if (clusters is not null) resample = resample.WithClusters(RunClusters.Of([.. ids], units, clusters.Columns));
            try
            {
                var result = IsoFlop.Analyze(resample, single);
                a[r] = result.ParameterExponent.Value;
                b[r] = result.TokenExponent.Value;
                for (int j = 0; j < n.Length; j++) n[j][r] = result.Allocations[j].ParameterCount;
            }
            catch (FitException)
            {
                a[r] = b[r] = double.NaN;
                foreach (var column in n) column[r] = double.NaN;
                Interlocked.Increment(ref failed);
            }
        });
        if (failed * 2 > k)
            throw new FitException($"only {k - failed} of {k} bootstrap resamples of {runs.Source} give an IsoFLOP analysis (3 budgets with a usable minimum); " +
                                   "the intervals would rest on the few resamples that happen to.");
        string what = clusters is null ? $"{units} rows" : $"{units} runs named by {clusters.Describe()}";
        return new IsoFlopBootstrap(k, failed, what, Percentiles.Interval95(a), Percentiles.Interval95(b), n.Select(Percentiles.Interval95).ToList());
    }
}

using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Uncertainty;

namespace ScalingFit.Tests.Support;

/// <summary>Runs for report tests: IsoFLOP runs of Hoffmann et al.'s law (six budgets, nine sizes each, 0.5% noise), analysed once.</summary>
public static class ReportData
{
    /// <summary>Hoffmann et al. 2022's fitted law (their Eq. 10): E, A, B, α, β.</summary>
    public static readonly double[] Hoffmann = [1.69, 406.4, 410.7, 0.34, 0.28];

    /// <summary>Six of Hoffmann's IsoFLOP budgets.</summary>
    public static readonly double[] Budgets = [1e19, 3e19, 6e19, 1e20, 3e20, 1e21];

    /// <summary>The runs as CSV (columns isoflop, N, D, C, loss).</summary>
    public static string Csv => SyntheticIsoFlop.Csv(Hoffmann, Budgets, SyntheticIsoFlop.NineSizes, noise: 0.005, seed: 3);

    /// <summary>The runs.</summary>
    public static RunSet Runs => SyntheticIsoFlop.Runs(Hoffmann, Budgets, SyntheticIsoFlop.NineSizes, noise: 0.005, seed: 3);

    /// <summary>The same runs with N and the loss only: no D, no C.</summary>
    public static string SizesOnlyCsv
    {
        get
        {
            var runs = Runs;
            return "N,loss\n" + string.Concat(Enumerable.Range(0, runs.Count).Select(i =>
                FormattableString.Invariant($"{runs.Value(Quantity.ParameterCount, i):R},{runs.Value(Quantity.Loss, i):R}\n")));
        }
    }

    private static readonly Lazy<ReportResult> LazyReport = new(() =>
        ReportAnalysis.Run(Runs, new ReportOptions { Fit = new NonlinearFitOptions { Bootstrap = new BootstrapOptions(40, 7) } }));

    /// <summary>The report's analysis of <see cref="Runs"/> with a 40-resample bootstrap, made once.</summary>
    public static ReportResult Report => LazyReport.Value;
}

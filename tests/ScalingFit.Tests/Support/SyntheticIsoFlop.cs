using System.Globalization;
using System.Text;
using ScalingFit.Data;
using ScalingFit.Laws;

namespace ScalingFit.Tests.Support;

/// <summary>IsoFLOP runs from a known Chinchilla law: at each budget, sizes at fixed offsets in ln N around the law's own optimum.</summary>
public static class SyntheticIsoFlop
{
    /// <summary>Hoffmann et al. 2022's nine IsoFLOP budgets.</summary>
    public static readonly double[] HoffmannBudgets = [6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21];

    /// <summary>Nine sizes spanning a factor 4 either side of the optimum.</summary>
    public static readonly double[] NineSizes = [.. Enumerable.Range(-4, 9).Select(k => k / 4.0 * Math.Log(4))];

    /// <summary>CSV with columns isoflop, N, D, C, loss; N = N_opt(C)·exp(offset), D = C/(6N), log-normal noise.</summary>
    public static string Csv(double[] law, IEnumerable<double> budgets, IEnumerable<double> offsets, double noise = 0, int seed = 1)
    {
        var random = new Random(seed);
        double e = law[0], a = law[1], b = law[2], alpha = law[3], beta = law[4];
        // The law's own optimum, N_opt = G·(C/6)^(β/(α+β)), written here independently of the library.
        double g = Math.Pow(alpha * a / (beta * b), 1 / (alpha + beta));
        var csv = new StringBuilder("isoflop,N,D,C,loss\n");
        foreach (double c in budgets)
        {
            double optimum = g * Math.Pow(c / 6, beta / (alpha + beta));
            foreach (double u in offsets)
            {
                double n = optimum * Math.Exp(u), d = c / (6 * n);
                double loss = ChinchillaLaw.Instance.Value(law, [n, d]) * Math.Exp(noise * Synthetic.Gaussian(random));
                csv.Append(CultureInfo.InvariantCulture, $"{c:0.###e0},{n:R},{d:R},{c:R},{loss:R}\n");
            }
        }
        return csv.ToString();
    }

    /// <summary>The same as runs.</summary>
    public static RunSet Runs(double[] law, IEnumerable<double> budgets, IEnumerable<double> offsets, double noise = 0, int seed = 1) =>
        RunPreparation.Prepare(CsvRunReader.Parse(Csv(law, budgets, offsets, noise, seed), "isoflop.csv"), RunSelection.None);
}

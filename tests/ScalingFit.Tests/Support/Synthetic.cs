using System.Globalization;
using System.Text;
using ScalingFit.Data;

namespace ScalingFit.Tests.Support;

/// <summary>Synthetic runs from known laws, with a fixed seed, as CSV text or run sets.</summary>
public static class Synthetic
{
    /// <summary>CSV with columns N, D, loss for the given rows.</summary>
    public static string Csv(IEnumerable<(double N, double D, double Loss)> rows)
    {
        var text = new StringBuilder("N,D,loss\n");
        foreach (var (n, d, l) in rows)
            text.Append(n.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(d.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(l.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        return text.ToString();
    }

    /// <summary>Runs on a log grid of N (and D), loss from a function, optional log-normal noise.</summary>
    public static RunSet Runs(Func<double, double, double> loss, int sizes = 12, int tokenCounts = 1, double noise = 0, int seed = 1)
    {
        var random = new Random(seed);
        var rows = new List<(double, double, double)>();
        for (int i = 0; i < sizes; i++)
        {
            double n = 1e7 * Math.Pow(10, 3.0 * i / Math.Max(1, sizes - 1));
            for (int j = 0; j < tokenCounts; j++)
            {
                double d = 1e9 * Math.Pow(10, 2.0 * j / Math.Max(1, tokenCounts - 1)) * (1 + 0.37 * i);
                double l = loss(n, d) * Math.Exp(noise * Gaussian(random));
                rows.Add((n, d, l));
            }
        }
        return Load(Csv(rows));
    }

    /// <summary>Runs from CSV text, prepared without selection.</summary>
    public static RunSet Load(string csv) => RunPreparation.Prepare(CsvRunReader.Parse(csv, "synthetic.csv"), RunSelection.None);

    /// <summary>A standard normal deviate (Box–Muller).</summary>
    public static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

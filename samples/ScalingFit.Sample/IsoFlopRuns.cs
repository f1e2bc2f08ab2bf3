using System.Globalization;
using System.Text;

namespace ScalingFit.Sample;

/// <summary>
/// Synthetic IsoFLOP experiments drawn from known laws, so an IsoFLOP analysis can be checked
/// against the truth. Two experiments, each at Hoffmann et al. 2022's nine budgets (6e18 to 3e21
/// FLOP): "hoffmann" from their published fit L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 (a = β/(α+β)
/// = 0.4516), and "replication" from the refit of their data by Besiroglu et al. 2024 as this
/// project reproduces it, L = 1.8172 + 477.8/N^0.3473 + 2143/D^0.3672 (a = 0.5139). At each budget
/// nine model sizes span a factor 4 either side of the law's optimum, rounded to two significant
/// digits as real model sizes are; D = C/(6N) rounded to whole tokens; 0.5% log-normal noise on
/// every loss.
/// </summary>
public static class IsoFlopRuns
{
    private static readonly double[] Budgets = [6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21];

    private static readonly (string Name, double E, double A, double B, double Alpha, double Beta)[] Laws =
    [
        ("hoffmann", 1.69, 406.4, 410.7, 0.34, 0.28),
        ("replication", 1.8172, 477.8, 2143, 0.3473, 0.3672),
    ];

    public static string Generate(int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("experiment,isoflop,params,tokens,flops,loss\n");
        foreach (var (name, e, a, b, alpha, beta) in Laws)
        {
            // N_opt = G·(C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β)) (Hoffmann et al. 2022, Eq. 4).
            double g = Math.Pow(alpha * a / (beta * b), 1 / (alpha + beta));
            foreach (double c in Budgets)
            {
                double optimum = g * Math.Pow(c / 6, beta / (alpha + beta));
                for (int k = -4; k <= 4; k++)
                {
                    double n = RoundSignificant(optimum * Math.Pow(4, k / 4.0), 2);
                    double d = Math.Round(c / (6 * n));
                    double noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                    double loss = (e + a / Math.Pow(n, alpha) + b / Math.Pow(d, beta)) * Math.Exp(0.005 * noise);
                    csv.Append(CultureInfo.InvariantCulture, $"{name},{c:0e0},{n:R},{d:R},{c:R},{loss:F4}\n");
                }
            }
        }
        return csv.ToString();
    }

    private static double RoundSignificant(double value, int digits)
    {
        double scale = Math.Pow(10, Math.Floor(Math.Log10(value)) - digits + 1);
        return Math.Round(value / scale) * scale;
    }
}

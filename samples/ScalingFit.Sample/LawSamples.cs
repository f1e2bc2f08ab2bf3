using System.Globalization;
using System.Text;

namespace ScalingFit.Sample;

/// <summary>
/// Synthetic runs drawn from known laws with log-normal (or, for metrics, normal) noise, one file per
/// law added in issue 10, so each built-in law can be tried from the README and checked against the
/// truth it was drawn from:
/// <list type="bullet">
/// <item>repeated-runs.csv: the data-constrained law of Muennighoff et al. 2023 at their published
/// fit (E = e^0.6254804, A = e^6.255414, B = e^7.3049974, α = β = 0.3526596, R_D* = 15.387756,
/// R_N* = 5.309743; huggingface/datablations README), N from 1e8 to 3e9, unique tokens from 1e8 to
/// 2e10 repeated 1 to 100 times, 0.5% noise.</item>
/// <item>broken-runs.csv: a loss that breaks sharply, L = 1.2 + 30·N^(−0.15)·(1 + (N/3e8)^(1/0.1))^(−0.35·0.1),
/// N from 1e6 to 1e10, 0.5% noise.</item>
/// <item>downstream-runs.csv: N and D with L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 (Hoffmann et al. 2022),
/// an accuracy lo + (hi − lo)/(1 + e^(k(L − L₀))) with lo = 0.25, hi = 0.85, k = 8, L₀ = 2.6, and an
/// error ε − k·e^(−γL) with ε = 0.75, k = 12, γ = 1.6; 0.5% noise on the loss, 0.005 on the metrics.</item>
/// <item>hyperparameter-runs.csv: the best learning rate and batch size at each budget C from
/// lr = 0.3·C^(−0.125) and batch = 0.29·C^0.327 (the form DeepSeek-AI 2024 fitted), 2% noise.</item>
/// </list>
/// </summary>
public static class LawSamples
{
    public static void Generate(string folder, int seed)
    {
        var random = new Random(seed);
        double Noise(double sd) => sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

        var repeated = new StringBuilder("N,D,unique_tokens,loss\n");
        double e = Math.Exp(0.6254804), a = Math.Exp(6.255414), b = Math.Exp(7.3049974), alpha = 0.3526596, beta = 0.3526596, rd = 15.387756, rn = 5.309743;
        double g = Math.Pow(alpha * a / (beta * b), 1 / (alpha + beta));
        foreach (double n in new[] { 1e8, 3e8, 1e9, 3e9 })
            foreach (double u in new[] { 1e8, 1e9, 4e9, 2e10 })
                foreach (double epochs in new[] { 1.0, 2, 4, 8, 16, 40, 100 })
                {
                    double d = u * epochs, rD = Math.Max(d / u - 1, 0);
                    double uN = Math.Min(n, Math.Pow(u * g, beta / alpha) * g), rN = Math.Max(n / uN - 1, 0);
                    double loss = e + a / Math.Pow(uN + uN * rn * (1 - Math.Exp(-rN / rn)), alpha) + b / Math.Pow(u + u * rd * (1 - Math.Exp(-rD / rd)), beta);
                    repeated.Append(CultureInfo.InvariantCulture, $"{F(n)},{F(d)},{F(u)},{(loss * Math.Exp(Noise(0.005))).ToString("F5", CultureInfo.InvariantCulture)}\n");
                }
        File.WriteAllText(Path.Combine(folder, "repeated-runs.csv"), repeated.ToString());

        var broken = new StringBuilder("N,loss\n");
        for (int i = 0; i <= 40; i++)
        {
            double n = 1e6 * Math.Pow(10, i / 10.0);
            double loss = 1.2 + 30 * Math.Pow(n, -0.15) * Math.Pow(1 + Math.Pow(n / 3e8, 1 / 0.1), -0.35 * 0.1);
            broken.Append(CultureInfo.InvariantCulture, $"{F(Math.Round(n))},{(loss * Math.Exp(Noise(0.005))).ToString("F5", CultureInfo.InvariantCulture)}\n");
        }
        File.WriteAllText(Path.Combine(folder, "broken-runs.csv"), broken.ToString());

        var downstream = new StringBuilder("N,D,loss,accuracy,error\n");
        foreach (double n in new[] { 2e7, 5e7, 1e8, 2e8, 5e8, 1e9, 2e9, 5e9 })
            foreach (double ratio in new[] { 5.0, 20, 80 })
            {
                double d = ratio * n;
                double loss = (1.69 + 406.4 / Math.Pow(n, 0.34) + 410.7 / Math.Pow(d, 0.28)) * Math.Exp(Noise(0.005));
                double accuracy = 0.25 + 0.6 / (1 + Math.Exp(8 * (loss - 2.6))) + Noise(0.005);
                double error = 0.75 - 12 * Math.Exp(-1.6 * loss) + Noise(0.005);
                downstream.Append(CultureInfo.InvariantCulture, $"{F(n)},{F(d)},{loss.ToString("F5", CultureInfo.InvariantCulture)},{accuracy.ToString("F4", CultureInfo.InvariantCulture)},{error.ToString("F4", CultureInfo.InvariantCulture)}\n");
            }
        File.WriteAllText(Path.Combine(folder, "downstream-runs.csv"), downstream.ToString());

        var hyper = new StringBuilder("C,lr,batch,loss\n");
        for (int i = 0; i <= 12; i++)
        {
            double c = 1e17 * Math.Pow(10, i / 3.0);
            double lr = 0.3 * Math.Pow(c, -0.125) * Math.Exp(Noise(0.02));
            double batch = 0.29 * Math.Pow(c, 0.327) * Math.Exp(Noise(0.02));
            double loss = 1.7 + 2e3 * Math.Pow(c, -0.15);
            hyper.Append(CultureInfo.InvariantCulture, $"{F(c)},{lr.ToString("G5", CultureInfo.InvariantCulture)},{Math.Round(batch).ToString(CultureInfo.InvariantCulture)},{loss.ToString("F4", CultureInfo.InvariantCulture)}\n");
        }
        File.WriteAllText(Path.Combine(folder, "hyperparameter-runs.csv"), hyper.ToString());
    }
}

using System.Globalization;
using System.Text;

namespace ScalingFit.Sample;

/// <summary>
/// A synthetic training log drawn from a known law, so the sample's fit can be checked against the
/// truth: Hoffmann et al. 2022's published fit L(N, D) = 1.69 + 406.4/N^0.34 + 410.7/D^0.28, six
/// model sizes from 20M to 1.3B parameters, each trained on 20 tokens per parameter (two seeds),
/// ten evaluation checkpoints per run, 0.5% log-normal noise on every evaluation.
/// </summary>
public static class TrainingLog
{
    public static string Generate(int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("model,seed,step,params,tokens,eval_loss,lr\n");
        double[] sizes = [20e6, 60e6, 150e6, 350e6, 700e6, 1.3e9];
        foreach (double n in sizes)
        {
            for (int s = 1; s <= 2; s++)
            {
                double totalTokens = 20 * n;
                const int checkpoints = 10;
                for (int k = 1; k <= checkpoints; k++)
                {
                    double d = totalTokens * k / checkpoints;
                    double noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                    double loss = (1.69 + 406.4 / Math.Pow(n, 0.34) + 410.7 / Math.Pow(d, 0.28)) * Math.Exp(0.005 * noise);
                    long step = (long)Math.Round(d / 524_288);
                    csv.Append(CultureInfo.InvariantCulture,
                        $"gpt-{n / 1e6:0}m,{s},{step},{n:R},{d:R},{loss:F4},{3e-4 * Math.Sqrt(1.3e9 / n):G3}\n");
                }
            }
        }
        return csv.ToString();
    }
}

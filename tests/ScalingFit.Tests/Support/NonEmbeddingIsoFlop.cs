using System.Globalization;
using System.Text;

namespace ScalingFit.Tests.Support;

/// <summary>
/// IsoFLOP runs generated in TOTAL parameters and written with NON-EMBEDDING N: the truth is
/// Hoffmann et al. 2022's fitted law L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 in total N, whose
/// compute-optimal N_opt ∝ C^a has a = β/(α+β) = 0.28/0.62 (their eq. 4). Widths d_model at an aspect
/// ratio d_model/n_layer = 64 (N_ne = 12·n_layer·d² = 0.1875·d³), total = N_ne + V·d with V = 50257 (tied
/// head, no learned positions). Seven budgets 1e17 to 1e20 FLOP, nine sizes each spaced by a
/// factor √2 in total N about the true N_opt, D = C/(6·N_total), 0.3% log-normal noise (seed given).
/// The C column is the budget: 6·N_total·D, the true training compute.
/// </summary>
internal static class NonEmbeddingIsoFlop
{
    public const long Vocab = 50257;
    public const double E = 1.69, A = 406.4, B = 410.7, Alpha = 0.34, Beta = 0.28;

    /// <summary>a = β/(α+β), the exponent of N_opt ∝ C^a in total parameters.</summary>
    public const double ParameterExponent = Beta / (Alpha + Beta);

    /// <summary>The compute-optimal N in total parameters at C (Hoffmann et al. eq. 4).</summary>
    public static double OptimalTotal(double compute) =>
        Math.Pow(Alpha * A / (Beta * B), 1 / (Alpha + Beta)) * Math.Pow(compute / 6, ParameterExponent);

    /// <summary>The CSV: d_model, N (non-embedding), D, C (unless left out), loss.</summary>
    public static string Csv(int seed = 5, bool withCompute = true)
    {
        var random = new Random(seed);
        var text = new StringBuilder(withCompute ? "d_model,N,D,C,loss\n" : "d_model,N,D,loss\n");
        foreach (double c in new[] { 1e17, 3e17, 1e18, 3e18, 1e19, 3e19, 1e20 })
        {
            double center = OptimalTotal(c);
            for (int k = -4; k <= 4; k++)
            {
                long d = Width(center * Math.Pow(2, k / 2.0));
                double nonEmbedding = 0.1875 * d * d * d, total = nonEmbedding + (double)Vocab * d;
                double tokens = c / (6 * total);
                double loss = (E + A / Math.Pow(total, Alpha) + B / Math.Pow(tokens, Beta)) * Math.Exp(0.003 * Synthetic.Gaussian(random));
                text.Append(CultureInfo.InvariantCulture, $"{d},{nonEmbedding:R},{tokens:R},");
                if (withCompute) text.Append(CultureInfo.InvariantCulture, $"{c:R},");
                text.Append(CultureInfo.InvariantCulture, $"{loss:R}\n");
            }
        }
        return text.ToString();
    }

    /// <summary>The width (a multiple of 4, so that 0.1875·d³ is an integer) whose total parameters are nearest the target.</summary>
    private static long Width(double total)
    {
        long best = 4;
        for (long d = 4; d < 100_000; d += 4)
        {
            double t = 0.1875 * d * d * d + (double)Vocab * d;
            if (Math.Abs(Math.Log(t / total)) < Math.Abs(Math.Log((0.1875 * best * best * best + (double)Vocab * best) / total))) best = d;
            if (t > 2 * total) break;
        }
        return best;
    }
}

using ScalingFit.Fitting;
using ScalingFit.Laws;

namespace ScalingFit.Tests.Support;

/// <summary>
/// Synthetic runs (fixed seeds) on which the Chinchilla law has several local optima: a law
/// L = E + A/N^α + B/D^β with random constants, 0.3–3% log-normal noise, and inputs that barely
/// separate N from D ("frontier": D ≈ 20·N, as runs along a compute-optimal frontier; "narrow": D
/// spans a factor of about two), or a loss with an extra term the law does not have ("mismatch":
/// + 30/N^0.12). As fitting data: ln N, ln D and ln L.
/// </summary>
public static class SeveralOptima
{
    internal static FitData Data(string kind, int rows, int seed)
    {
        var random = new Random(seed);
        var logX = new double[rows * 2];
        var logL = new double[rows];
        double e = 1.5 + random.NextDouble(), a = 200 + 400 * random.NextDouble(), b = 200 + 2000 * random.NextDouble();
        double alpha = 0.25 + 0.2 * random.NextDouble(), beta = 0.25 + 0.2 * random.NextDouble();
        double noise = new[] { 0.003, 0.01, 0.03 }[random.Next(3)];
        for (int i = 0; i < rows; i++)
        {
            double n = Math.Pow(10, 7 + 3 * random.NextDouble()), d = Math.Pow(10, 9 + 3 * random.NextDouble()), extra = 0;
            switch (kind)
            {
                case "frontier": d = 20 * n * Math.Exp(0.3 * Synthetic.Gaussian(random)); break;
                case "narrow": d = 1e10 * Math.Exp(0.2 * Synthetic.Gaussian(random)); break;
                case "mismatch": extra = 30 / Math.Pow(n, 0.12); break;
            }
            double loss = (e + a / Math.Pow(n, alpha) + b / Math.Pow(d, beta) + extra) * Math.Exp(noise * Synthetic.Gaussian(random));
            logX[2 * i] = Math.Log(n);
            logX[2 * i + 1] = Math.Log(d);
            logL[i] = Math.Log(loss);
        }
        return new FitData(logX, logL, 2);
    }

    /// <summary>The first input only (ln N), for laws of one input.</summary>
    internal static FitData FirstInput(FitData data) =>
        new(Enumerable.Range(0, data.Count).Select(i => data.LogInputs[i * data.InputCount]).ToArray(), data.LogLoss, 1);

    /// <summary>
    /// Converged end points within 50% of the best objective whose natural parameters differ from
    /// every other counted one by more than 1% in some parameter: the local optima a search found.
    /// </summary>
    internal static int DistinctOptima(MultiStartResult search, IScalingLaw law)
    {
        double best = search.Results[search.Best()].Objective;
        var found = new List<double[]>();
        var natural = new double[law.Parameters.Count];
        var jacobian = new double[natural.Length * natural.Length];
        for (int s = 0; s < search.Count; s++)
        {
            var r = search.Results[s];
            if (!r.Converged || !(r.Objective <= 1.5 * best)) continue;
            law.ToNatural(search.EndPoint(s), natural, jacobian);
            if (found.Any(f => f.Zip(natural).All(p => Math.Abs(p.First - p.Second) <= 0.01 * Math.Abs(p.First) + 1e-12))) continue;
            found.Add((double[])natural.Clone());
        }
        return found.Count;
    }
}

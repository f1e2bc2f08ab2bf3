using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;

namespace ScalingFit.Tests.Support;

/// <summary>
/// Synthetic runs (fixed seeds) on which the Chinchilla law has several local optima: a law
/// L = E + A/N^α + B/D^β with random constants, 0.3–3% log-normal noise, and inputs that barely
/// separate N from D ("frontier": D ≈ 20·N, as runs along a compute-optimal frontier; "narrow": D
/// spans a factor of about two), or a loss with an extra term the law does not have ("mismatch":
/// + 30/N^0.12). As fitting data: N, D and L, in log space.
/// </summary>
public static class SeveralOptima
{
    internal static FitData Data(string kind, int rows, int seed)
    {
        var random = new Random(seed);
        var ns = new double[rows];
        var ds = new double[rows];
        var losses = new double[rows];
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
            ns[i] = n;
            ds[i] = d;
            losses[i] = loss;
        }
        return FitData.Of([ns, ds], losses, ResidualSpace.Log);
    }

    /// <summary>The first input only (N), for laws of one input.</summary>
    internal static FitData FirstInput(FitData data) => FitData.Of([data.Columns[0]], data.Observed, data.Space);

    /// <summary>The same runs as a run set (columns N, D and loss), for fits through the public API.</summary>
    public static RunSet Runs(string kind, int rows, int seed)
    {
        var data = Data(kind, rows, seed);
        return Synthetic.Load(Synthetic.Csv(Enumerable.Range(0, rows).Select(i => (data.Columns[0][i], data.Columns[1][i], data.Observed[i]))));
    }

    /// <summary>
    /// Converged end points within 50% of the best objective whose natural parameters differ from
    /// every other counted one by more than 1% in some parameter: the local optima a search found.
    /// </summary>
    internal static int DistinctOptima(MultiStartResult search, IScalingLaw law)
    {
        double best = search.Results[search.Best()].Objective;
        var found = new List<double[]>();
        var natural = new double[law.Parameters.Count];
        for (int s = 0; s < search.Count; s++)
        {
            var r = search.Results[s];
            if (!r.Converged || !(r.Objective <= 1.5 * best)) continue;
            var theta = search.EndPoint(s);
            for (int j = 0; j < natural.Length; j++) natural[j] = law.Parameters[j].FromTheta(theta[j]);
            if (found.Any(f => f.Zip(natural).All(p => Math.Abs(p.First - p.Second) <= 0.01 * Math.Abs(p.First) + 1e-12))) continue;
            found.Add((double[])natural.Clone());
        }
        return found.Count;
    }
}

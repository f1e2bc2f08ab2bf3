using ScalingFit.Data;
using ScalingFit.Laws;

namespace ScalingFit.Analysis;

/// <summary>
/// The minimum of a law of N and D (or N and C) along C = 6ND at one budget: g(u) = L(N = eᵘ,
/// D = C/(6eᵘ)) over ln N ∈ [0, ln(C/6)] (at least one parameter and one token). A scan of 41 points
/// brackets the lowest value; the root of g′(u) = N·∂L/∂N − D·∂L/∂D inside the bracket is then found
/// by the Illinois method to 1e-12 in ln N (N_opt to about 1e-10 relative or better). g′ is exact
/// for laws with <see cref="IHasInputGradient"/>, else a fourth-order central difference.
/// </summary>
internal sealed class FrontierSearch
{
    private const int Scan = 41;
    private readonly IScalingLaw _law;
    private readonly double[] _parameters;
    private readonly int _n, _d, _c;

    public FrontierSearch(IScalingLaw law, double[] parameters)
    {
        _law = law;
        _parameters = parameters;
        _n = Index(law, Quantity.ParameterCount);
        _d = Index(law, Quantity.TrainingTokens);
        _c = Index(law, Quantity.Compute);
    }

    /// <summary>Whether the law's inputs are N with D or C (or both) and nothing else.</summary>
    public static bool Applies(IScalingLaw law)
    {
        var inputs = law.Inputs;
        bool allQuantities = inputs.All(i => i.Quantity is Quantity.ParameterCount or Quantity.TrainingTokens or Quantity.Compute);
        return allQuantities && inputs.Distinct().Count() == inputs.Count && Index(law, Quantity.ParameterCount) >= 0 &&
               (Index(law, Quantity.TrainingTokens) >= 0 || Index(law, Quantity.Compute) >= 0);
    }

    private static int Index(IScalingLaw law, Quantity q)
    {
        for (int i = 0; i < law.Inputs.Count; i++)
            if (law.Inputs[i].Quantity == q) return i;
        return -1;
    }

    /// <summary>The law's value at (N, D), with C = 6ND where the law takes C.</summary>
    public double Loss(double n, double d)
    {
        Span<double> x = stackalloc double[_law.Inputs.Count];
        Fill(x, n, d);
        return _law.Value(_parameters, x);
    }

    private void Fill(Span<double> x, double n, double d)
    {
        x[_n] = n;
        if (_d >= 0) x[_d] = d;
        if (_c >= 0) x[_c] = Derivation.FlopPerParameterToken * n * d;
    }

    private double G(double u, double logBudget)
    {
        double v = Loss(Math.Exp(u), Math.Exp(logBudget - u));
        return double.IsNaN(v) ? double.PositiveInfinity : v;
    }

    /// <summary>g′(u) = N·∂L/∂N − D·∂L/∂D (C is constant along the constraint).</summary>
    private double Slope(double u, double logBudget)
    {
        if (_law is IHasInputGradient exact)
        {
            int k = _law.Inputs.Count;
            Span<double> x = stackalloc double[k];
            Span<double> g = stackalloc double[k];
            double n = Math.Exp(u), d = Math.Exp(logBudget - u);
            Fill(x, n, d);
            exact.InputGradient(_parameters, x, g);
            return n * g[_n] - (_d >= 0 ? d * g[_d] : 0);
        }
        const double h = 1e-3;
        return (8 * (G(u + h, logBudget) - G(u - h, logBudget)) - (G(u + 2 * h, logBudget) - G(u - 2 * h, logBudget))) / (12 * h);
    }

    /// <summary>N_opt at budget C, or false with the reason when the law has no interior minimum there.</summary>
    public bool TryMinimize(double compute, out double parameters, out string? problem)
    {
        parameters = double.NaN;
        problem = null;
        double logBudget = Math.Log(compute / Derivation.FlopPerParameterToken);
        if (!(logBudget > 0) || !double.IsFinite(logBudget))
        {
            problem = $"a budget of {NumberFormat.Significant(compute, 3)} FLOP buys less than one parameter trained on one token.";
            return false;
        }
        double step = logBudget / (Scan - 1);
        int best = 0;
        double bestValue = double.PositiveInfinity;
        for (int i = 0; i < Scan; i++)
        {
            double v = G(i * step, logBudget);
            if (v < bestValue) (best, bestValue) = (i, v);
        }
        if (best == 0 || best == Scan - 1)
        {
            problem = $"along C = 6ND at C = {NumberFormat.Significant(compute, 3)} FLOP the {_law.Name} law keeps falling as " +
                      $"{(best == 0 ? "N shrinks and D grows" : "N grows and D shrinks")}: it has no compute-optimal size there.";
            return false;
        }
        double lo = (best - 1) * step, hi = (best + 1) * step;
        double flo = Slope(lo, logBudget), fhi = Slope(hi, logBudget);
        if (!(flo <= 0 && fhi >= 0))
        {
            // The slope does not change sign across the bracket (a flat or noisy law): take the scan's best point.
            parameters = Math.Exp(best * step);
            return true;
        }
        // Illinois method: regula falsi with the stale end's value halved, so both ends move.
        int side = 0;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.Max(1, Math.Abs(lo)); i++)
        {
            double u = fhi - flo != 0 ? hi - fhi * (hi - lo) / (fhi - flo) : 0.5 * (lo + hi);
            if (!(u > lo && u < hi)) u = 0.5 * (lo + hi);
            double fu = Slope(u, logBudget);
            if (fu == 0 || double.IsNaN(fu)) { lo = hi = u; break; }
            if (fu < 0)
            {
                (lo, flo) = (u, fu);
                if (side == -1) fhi *= 0.5;
                side = -1;
            }
            else
            {
                (hi, fhi) = (u, fu);
                if (side == 1) flo *= 0.5;
                side = 1;
            }
        }
        parameters = Math.Exp(0.5 * (lo + hi));
        return true;
    }
}

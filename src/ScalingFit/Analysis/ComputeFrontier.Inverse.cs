using ScalingFit.Data;

namespace ScalingFit.Analysis;

/// <summary>The frontier read backwards: the budget at which a size or a token count is optimal, and the budget that reaches a loss.</summary>
public sealed partial class ComputeFrontier
{
    /// <summary>The budget at which N is the optimal size: C = 6·(N/G)^(1/a), or found by bisection in ln C.</summary>
    public double ComputeWhereOptimal(double parameters)
    {
        if (_closed is not null)
            return Derivation.FlopPerParameterToken * Math.Exp((Math.Log(parameters) - LogCoefficient) / ParameterExponent);
        return Invert(c => OptimalParameters(c), parameters, Derivation.FlopPerParameterToken * parameters);
    }

    /// <summary>The budget at which D is the optimal token count.</summary>
    public double ComputeWhereOptimalTokens(double tokens)
    {
        if (_closed is not null)
            return Derivation.FlopPerParameterToken * Math.Exp((Math.Log(tokens) + LogCoefficient) / (1 - ParameterExponent));
        return Invert(OptimalTokens, tokens, Derivation.FlopPerParameterToken * tokens);
    }

    /// <summary>The C in [low, 1e60] where a rising function of C reaches a value, by bisection in ln C; NaN when out of reach.</summary>
    private static double Invert(Func<double, double> rising, double value, double low)
    {
        double lo = Math.Log(low), hi = Math.Log(1e60);
        if (!(rising(Math.Exp(hi)) >= value) || !(rising(Math.Exp(lo)) <= value)) return double.NaN;
        for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.Abs(hi); i++)
        {
            double mid = 0.5 * (lo + hi);
            if (rising(Math.Exp(mid)) < value) lo = mid;
            else hi = mid;
        }
        return Math.Exp(0.5 * (lo + hi));
    }

    /// <summary>
    /// The smallest compute whose optimal allocation reaches the target loss, found by bisection in
    /// ln C (the optimal loss falls strictly with C); NaN when the target is at or below
    /// <see cref="LossFloor"/> or beyond 1e60 FLOP.
    /// </summary>
    public double ComputeForLoss(double target)
    {
        if (!(target > LossFloor)) return double.NaN;
        // A numeric frontier needs N ≥ 1 and D ≥ 1, so C ≥ 6; a budget without a frontier counts as not reaching the target.
        double lo = Math.Log(IsClosedForm ? 1e-3 : 6.0001), hi = Math.Log(1e60);
        if (!(OptimalLoss(Math.Exp(hi)) <= target)) return double.NaN;
        if (OptimalLoss(Math.Exp(lo)) <= target) return Math.Exp(lo);
        for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.Abs(hi); i++)
        {
            double mid = 0.5 * (lo + hi);
            if (!(OptimalLoss(Math.Exp(mid)) <= target)) lo = mid;
            else hi = mid;
        }
        return Math.Exp(0.5 * (lo + hi));
    }
}

using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;

namespace ScalingFit.Analysis;

/// <summary>
/// The compute-optimal allocation implied by a law of N and D under the constraint C = 6ND: the
/// model size N_opt(C) and token count D_opt(C) = C/(6·N_opt) that minimize the law's loss at
/// compute C, in the form N_opt = G·(C/6)^a, D_opt = G⁻¹·(C/6)^b with b = 1 − a.
/// </summary>
/// <remarks>
/// Chinchilla law L = E + A/N^α + B/D^β (Hoffmann et al. 2022, Eq. 4 and Appendix D.2):
/// G = (αA/(βB))^(1/(α+β)), a = β/(α+β), b = α/(α+β).
/// At the optimum αA/N^α = βB/D^β, so L_opt = E + (1 + α/β)·A/N_opt^α.
/// <para/>
/// Kaplan law L = [(N_c/N)^r + D_c/D]^α_D with r = α_N/α_D (Kaplan et al. 2020, Eq. 1.5):
/// setting d/dN of (N_c/N)^r + 6·D_c·N/C to zero gives N_opt^(1+r) = r·N_c^r·C/(6·D_c), so
/// G = (r·N_c^r/D_c)^(1/(1+r)), a = 1/(1+r) = α_D/(α_N+α_D) (= α_C/α_N with the loss on the
/// frontier falling as C^(−α_C), α_C = α_N·α_D/(α_N+α_D)). Kaplan et al.'s own frontier,
/// N ∝ C^0.73, came from their L(N, S) fit with early stopping, not from Eq. 1.5 at C = 6ND.
/// </remarks>
public sealed class ComputeFrontier
{
    private readonly IScalingLaw _law;
    private readonly double[] _parameters;

    private ComputeFrontier(IScalingLaw law, double[] parameters, double logCoefficient, double exponent, double floor)
    {
        _law = law;
        _parameters = parameters;
        LogCoefficient = logCoefficient;
        ParameterExponent = exponent;
        LossFloor = floor;
    }

    /// <summary>The frontier of a fitted chinchilla or kaplan-nd law.</summary>
    /// <exception cref="OptionException">The law is not one of N and D with a frontier.</exception>
    /// <exception cref="FitException">The fitted exponents leave no interior optimum (an exponent ≤ 0).</exception>
    public static ComputeFrontier Of(FitResult fit)
    {
        if (fit.ScalingLaw is not { } law || !Supports(law.Name))
            throw new OptionException(
                $"a compute-optimal allocation needs a law of both N and D (chinchilla or kaplan-nd); the {fit.Law} law " +
                $"{fit.Formula} does not say how to split compute between them.");
        return Of(law, fit.Parameters.Select(p => p.Value).ToArray());
    }

    /// <summary>The frontier of a law at given natural parameters (e.g. one bootstrap resample).</summary>
    /// <exception cref="FitException">An exponent is not positive, so the loss has no minimum along 6ND = C.</exception>
    public static ComputeFrontier Of(IScalingLaw law, IReadOnlyList<double> natural) =>
        TryOf(law, natural, out var frontier, out var problem) ? frontier! : throw new FitException(problem!);

    /// <summary>Whether a law (by name) has a compute-optimal frontier: chinchilla and kaplan-nd.</summary>
    public static bool Supports(string law) => law is "chinchilla" or "kaplan-nd";

    /// <summary>The frontier, or false with the reason when the parameters have none.</summary>
    public static bool TryOf(IScalingLaw law, IReadOnlyList<double> p, out ComputeFrontier? frontier, out string? problem)
    {
        frontier = null;
        problem = null;
        double[] parameters = [.. p];
        switch (law.Name)
        {
            case "chinchilla":
            {
                double a = p[1], b = p[2], alpha = p[3], beta = p[4];
                if (!(alpha > 0 && beta > 0))
                {
                    problem = $"the fitted exponents α = {G(alpha)}, β = {G(beta)} must both be positive for the loss to have a " +
                              "minimum along 6ND = C; this fit has no compute-optimal allocation.";
                    return false;
                }
                // ln G = (ln(αA) − ln(βB))/(α+β).
                double logG = (Math.Log(alpha * a) - Math.Log(beta * b)) / (alpha + beta);
                frontier = new ComputeFrontier(law, parameters, logG, beta / (alpha + beta), p[0]);
                return true;
            }
            case "kaplan-nd":
            {
                double nc = p[0], dc = p[1], alphaN = p[2], alphaD = p[3];
                if (!(alphaN > 0 && alphaD > 0))
                {
                    problem = $"the fitted exponents α_N = {G(alphaN)}, α_D = {G(alphaD)} must both be positive for the loss to " +
                              "have a minimum along 6ND = C; this fit has no compute-optimal allocation.";
                    return false;
                }
                double r = alphaN / alphaD;
                // ln G = (ln r + r·ln N_c − ln D_c)/(1 + r).
                double logG = (Math.Log(r) + r * Math.Log(nc) - Math.Log(dc)) / (1 + r);
                frontier = new ComputeFrontier(law, parameters, logG, 1 / (1 + r), 0);
                return true;
            }
            default:
                problem = $"the {law.Name} law has no compute-optimal frontier; use chinchilla or kaplan-nd.";
                return false;
        }
    }

    /// <summary>The law's name: chinchilla or kaplan-nd.</summary>
    public string Law => _law.Name;

    /// <summary>ln G, the logarithm of the coefficient of N_opt = G·(C/6)^a.</summary>
    public double LogCoefficient { get; }

    /// <summary>G in N_opt = G·(C/6)^a (parameters per (FLOP/6)^a).</summary>
    public double Coefficient => Math.Exp(LogCoefficient);

    /// <summary>a: N_opt ∝ C^a.</summary>
    public double ParameterExponent { get; }

    /// <summary>b = 1 − a: D_opt ∝ C^b.</summary>
    public double TokenExponent => 1 - ParameterExponent;

    /// <summary>The loss no budget reaches: E for the chinchilla law, 0 for kaplan-nd.</summary>
    public double LossFloor { get; }

    /// <summary>N_opt(C) = G·(C/6)^a, parameters.</summary>
    public double OptimalParameters(double compute) =>
        Math.Exp(LogCoefficient + ParameterExponent * Math.Log(compute / Derivation.FlopPerParameterToken));

    /// <summary>D_opt(C) = C/(6·N_opt) = G⁻¹·(C/6)^b, tokens.</summary>
    public double OptimalTokens(double compute) => compute / (Derivation.FlopPerParameterToken * OptimalParameters(compute));

    /// <summary>The law's loss at (N_opt(C), D_opt(C)): the lowest loss compute C can buy.</summary>
    public double OptimalLoss(double compute) => Loss(OptimalParameters(compute), OptimalTokens(compute));

    /// <summary>The law's loss at (N, D).</summary>
    public double Loss(double parameters, double tokens) => _law.Loss(_parameters, [parameters, tokens]);

    /// <summary>The budget at which N is the optimal size: C = 6·(N/G)^(1/a).</summary>
    public double ComputeWhereOptimal(double parameters) =>
        Derivation.FlopPerParameterToken * Math.Exp((Math.Log(parameters) - LogCoefficient) / ParameterExponent);

    /// <summary>
    /// The smallest compute whose optimal allocation reaches the target loss, found by bisection in
    /// ln C (the optimal loss falls strictly with C); NaN when the target is at or below
    /// <see cref="LossFloor"/> or beyond 1e60 FLOP.
    /// </summary>
    public double ComputeForLoss(double target)
    {
        if (!(target > LossFloor)) return double.NaN;
        double lo = Math.Log(1e-3), hi = Math.Log(1e60);
        if (OptimalLoss(Math.Exp(hi)) > target) return double.NaN;
        if (OptimalLoss(Math.Exp(lo)) <= target) return Math.Exp(lo);
        for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.Abs(hi); i++)
        {
            double mid = 0.5 * (lo + hi);
            if (OptimalLoss(Math.Exp(mid)) > target) lo = mid;
            else hi = mid;
        }
        return Math.Exp(0.5 * (lo + hi));
    }

    private static string G(double v) => NumberFormat.Significant(v, 4);
}

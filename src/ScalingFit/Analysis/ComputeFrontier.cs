using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;

namespace ScalingFit.Analysis;

/// <summary>
/// The compute-optimal allocation implied by a law of N and D under the constraint C = 6ND: the
/// model size N_opt(C) and token count D_opt(C) = C/(6·N_opt) that minimize the law's loss at
/// compute C. A law with a closed form (<see cref="IHasFrontier"/>: Chinchilla, Kaplan's Eq. 1.5)
/// gives N_opt = G·(C/6)^a; any other law of N and D (or N and C) is minimized along the constraint
/// numerically (<see cref="FrontierSearch"/>: bracketed, N_opt to 1e-10 relative), and its a is the
/// local exponent d ln N_opt/d ln C at a reference budget.
/// </summary>
public sealed partial class ComputeFrontier
{
    private readonly IScalingLaw _law;
    private readonly double[] _parameters;
    private readonly ClosedFormFrontier? _closed;
    private readonly FrontierSearch? _search;

    private ComputeFrontier(IScalingLaw law, double[] parameters, ClosedFormFrontier? closed, FrontierSearch? search, double reference)
    {
        _law = law;
        _parameters = parameters;
        _closed = closed;
        _search = search;
        ReferenceCompute = reference;
        if (closed is { } c)
        {
            LogCoefficient = c.LogCoefficient;
            ParameterExponent = c.ParameterExponent;
            LossFloor = c.LossFloor;
        }
        else
        {
            ParameterExponent = ExponentAt(reference);
            LogCoefficient = Math.Log(OptimalParameters(reference)) - ParameterExponent * Math.Log(reference / Derivation.FlopPerParameterToken);
            LossFloor = OptimalLoss(1e60);
        }
    }

    /// <summary>The budget (FLOP) at which a numeric frontier's exponent a is taken when none is given.</summary>
    public const double DefaultReferenceCompute = 1e21;

    /// <summary>The frontier of a fitted law of N and D, its exponent taken at the middle of the runs' compute (numeric frontiers).</summary>
    /// <exception cref="OptionException">The law is not one of N and D (or N and C).</exception>
    /// <exception cref="FitException">The fitted law has no compute-optimal allocation (no interior minimum along C = 6ND).</exception>
    public static ComputeFrontier Of(FitResult fit) => Of(fit.ScalingLaw, fit.NaturalParameters, ReferenceOf(fit));

    /// <summary>The frontier of a law at given natural parameters (e.g. one bootstrap resample).</summary>
    /// <exception cref="OptionException">The law is not one of N and D (or N and C).</exception>
    /// <exception cref="FitException">The parameters leave no minimum along 6ND = C.</exception>
    public static ComputeFrontier Of(IScalingLaw law, IReadOnlyList<double> natural, double reference = DefaultReferenceCompute)
    {
        if (!Supports(law)) throw Unsupported(law);
        return TryOf(law, natural, out var frontier, out var problem, reference) ? frontier! : throw new FitException(problem!);
    }

    /// <summary>
    /// Whether a law has a compute-optimal frontier: a closed form, or inputs that are N and D (or
    /// N and C) and nothing else.
    /// </summary>
    public static bool Supports(IScalingLaw law) => law is IHasFrontier || FrontierSearch.Applies(law);

    /// <summary>The error for a law without a frontier.</summary>
    public static OptionException Unsupported(IScalingLaw law) => new("LawSpec.Law",
        $"a compute-optimal allocation needs a law of both N and D; the {law.Name} law {law.Formula} takes {law.Inputs.Names(" and ")}, " +
        "so it does not say how to split compute between them.");

    /// <summary>The frontier numerically, even for a law with a closed form (to check one against the other).</summary>
    /// <exception cref="FitException">No interior minimum along C = 6ND at the reference budget.</exception>
    public static ComputeFrontier Numeric(IScalingLaw law, IReadOnlyList<double> natural, double reference = DefaultReferenceCompute)
    {
        if (!FrontierSearch.Applies(law)) throw Unsupported(law);
        double[] p = [.. natural];
        var search = new FrontierSearch(law, p);
        if (!search.TryMinimize(reference, out _, out var problem)) throw new FitException(problem!);
        return new ComputeFrontier(law, p, null, search, reference);
    }

    /// <summary>The frontier, or false with the reason when the parameters have none.</summary>
    public static bool TryOf(IScalingLaw law, IReadOnlyList<double> p, out ComputeFrontier? frontier, out string? problem, double reference = DefaultReferenceCompute)
    {
        frontier = null;
        problem = null;
        double[] parameters = [.. p];
        if (law is IHasFrontier closed)
        {
            if (!closed.TryFrontier(parameters, out var form, out problem)) return false;
            frontier = new ComputeFrontier(law, parameters, form, null, reference);
            return true;
        }
        if (!FrontierSearch.Applies(law))
        {
            problem = Unsupported(law).Message;
            return false;
        }
        var search = new FrontierSearch(law, parameters);
        if (!search.TryMinimize(reference, out _, out problem)) return false;
        frontier = new ComputeFrontier(law, parameters, null, search, reference);
        return true;
    }

    /// <summary>The frontier of a fitted law, its exponent taken where <see cref="Of(FitResult)"/> takes it; false when the law or its parameters have none.</summary>
    public static bool TryOf(FitResult fit, out ComputeFrontier? frontier) =>
        TryOf(fit.ScalingLaw, fit.NaturalParameters, out frontier, out _, ReferenceOf(fit));

    /// <summary>The middle of the runs' compute, √(C_min·C_max) with C = 6ND from the fitted ranges of N and D.</summary>
    private static double ReferenceOf(FitResult fit)
    {
        int n = IndexOf(fit.Inputs, Quantity.ParameterCount), d = IndexOf(fit.Inputs, Quantity.TrainingTokens), c = IndexOf(fit.Inputs, Quantity.Compute);
        var r = fit.Model.InputRanges;
        if (c >= 0) return Math.Sqrt(r[c].Lower * r[c].Upper);
        if (n >= 0 && d >= 0) return Derivation.FlopPerParameterToken * Math.Sqrt(r[n].Lower * r[n].Upper * r[d].Lower * r[d].Upper);
        return DefaultReferenceCompute;
    }

    private static int IndexOf(IReadOnlyList<LawInput> inputs, Quantity q)
    {
        for (int i = 0; i < inputs.Count; i++)
            if (inputs[i].Quantity == q) return i;
        return -1;
    }

    /// <summary>The law's name.</summary>
    public string Law => _law.Name;

    /// <summary>The law.</summary>
    public IScalingLaw ScalingLaw => _law;

    /// <summary>Whether N_opt = G·(C/6)^a holds exactly (a closed form); otherwise the frontier is found numerically at each budget.</summary>
    public bool IsClosedForm => _closed is not null;

    /// <summary>The frontier's form, for reports.</summary>
    public string Formula => _law is IHasFrontier closed
        ? closed.FrontierFormula
        : $"N_opt(C) minimizes the law along C = 6ND, found numerically at each budget (bracketed in ln N, then Newton steps to 1e-10 " +
          $"relative); a is the local exponent d ln N_opt/d ln C at C = {NumberFormat.Significant(ReferenceCompute, 3)} FLOP and G = N_opt/(C/6)^a there";

    /// <summary>The budget at which a numeric frontier's a and G are taken.</summary>
    public double ReferenceCompute { get; }

    /// <summary>ln G, the logarithm of the coefficient of N_opt = G·(C/6)^a (at the reference budget for a numeric frontier).</summary>
    public double LogCoefficient { get; }

    /// <summary>G in N_opt = G·(C/6)^a (parameters per (FLOP/6)^a).</summary>
    public double Coefficient => Math.Exp(LogCoefficient);

    /// <summary>a: N_opt ∝ C^a (the local exponent at the reference budget for a numeric frontier).</summary>
    public double ParameterExponent { get; }

    /// <summary>b = 1 − a: D_opt ∝ C^b.</summary>
    public double TokenExponent => 1 - ParameterExponent;

    /// <summary>The loss no budget reaches: E for the chinchilla law, 0 for kaplan-nd; for a numeric frontier, its loss at 1e60 FLOP.</summary>
    public double LossFloor { get; }

    /// <summary>N_opt(C), parameters; NaN where a numeric frontier has no interior minimum.</summary>
    public double OptimalParameters(double compute)
    {
        if (_closed is not null)
            return Math.Exp(LogCoefficient + ParameterExponent * Math.Log(compute / Derivation.FlopPerParameterToken));
        return _search!.TryMinimize(compute, out var n, out _) ? n : double.NaN;
    }

    /// <summary>D_opt(C) = C/(6·N_opt), tokens.</summary>
    public double OptimalTokens(double compute) => compute / (Derivation.FlopPerParameterToken * OptimalParameters(compute));

    /// <summary>The law's loss at (N_opt(C), D_opt(C)): the lowest loss compute C can buy.</summary>
    public double OptimalLoss(double compute)
    {
        double n = OptimalParameters(compute);
        return Loss(n, compute / (Derivation.FlopPerParameterToken * n));
    }

    /// <summary>The law's loss at (N, D).</summary>
    public double Loss(double parameters, double tokens) =>
        _search is not null ? _search.Loss(parameters, tokens) : _law.Value(_parameters, [parameters, tokens]);

    /// <summary>d ln N_opt/d ln C at a budget (a central difference of the numeric optimum; the constant a for a closed form).</summary>
    public double ExponentAt(double compute)
    {
        if (_closed is { } c) return c.ParameterExponent;
        const double h = 1e-3;
        return (Math.Log(OptimalParameters(compute * Math.Exp(h))) - Math.Log(OptimalParameters(compute * Math.Exp(-h)))) / (2 * h);
    }
}

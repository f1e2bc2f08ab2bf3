using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Laws;

/// <summary>A law with a specialised objective (a vectorised or compiled kernel) for some data and loss functions.</summary>
internal interface IHasObjective
{
    /// <summary>
    /// Σᵢ wᵢ·ρ(mᵢ(θ) − yᵢ) over the data, with gradient and exact Hessian, or null when the law has
    /// no kernel for this residual space or loss. <paramref name="coarse"/> asks for a faster,
    /// less precise version for the approach to a minimum (null when there is none).
    /// </summary>
    IWeightedObjective? Objective(FitData data, LossFunction loss, bool coarse);
}

/// <summary>A law with an exact closed-form fit (the log-log OLS laws), used unless a nonlinear fit is asked for.</summary>
public interface IHasClosedFormFit
{
    /// <summary>Fits the law to the runs by its closed form, the target in log space.</summary>
    /// <exception cref="FitException">Too few runs, no spread in an input, or a degenerate design.</exception>
    FitResult FitClosedForm(RunSet runs, LawTarget target);
}

/// <summary>A law of N and D whose compute-optimal frontier along C = 6ND has a closed form.</summary>
public interface IHasFrontier
{
    /// <summary>The closed form, for reports: "N_opt = G·(C/6)^a … (Hoffmann et al. 2022, Eq. 4)".</summary>
    string FrontierFormula { get; }

    /// <summary>The frontier at natural parameters, or false with the reason when they have none.</summary>
    bool TryFrontier(IReadOnlyList<double> parameters, out ClosedFormFrontier frontier, out string? problem);
}

/// <summary>N_opt = G·(C/6)^a, D_opt = C/(6·N_opt), and the loss no budget reaches.</summary>
/// <param name="LogCoefficient">ln G.</param>
/// <param name="ParameterExponent">a: N_opt ∝ C^a.</param>
/// <param name="LossFloor">The infimum of the loss along the frontier (E for Chinchilla, 0 for Kaplan's law).</param>
public readonly record struct ClosedFormFrontier(double LogCoefficient, double ParameterExponent, double LossFloor);

/// <summary>A law fitted not to the runs themselves but to values derived from them (e.g. the minima of IsoFLOP profiles).</summary>
public interface IPreparesRuns
{
    /// <summary>The runs the law is fitted to, derived from the runs read.</summary>
    /// <exception cref="FitException">The runs do not give what the law needs.</exception>
    RunSet Prepare(RunSet runs);
}

/// <summary>A law whose derivatives with respect to its inputs are known exactly (used to locate optima along C = 6ND).</summary>
public interface IHasInputGradient
{
    /// <summary>∂ŷ/∂xⱼ for every input xⱼ, at natural parameters and inputs.</summary>
    void InputGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, Span<double> gradient);
}

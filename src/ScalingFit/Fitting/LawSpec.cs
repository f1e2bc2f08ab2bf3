using ScalingFit.Data;
using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>
/// What to fit: a law, what it predicts, where its residuals are taken, and the constraints on its
/// parameters. Laws with an exact closed-form fit (the log-log OLS laws) use it unless a nonlinear
/// fit is asked for or needed (constraints, another residual space).
/// </summary>
/// <param name="Law">The law.</param>
public sealed record LawSpec(IScalingLaw Law)
{
    /// <summary>What the law predicts: the loss by default.</summary>
    public LawTarget Target { get; init; } = LawTarget.Loss;

    /// <summary>Where residuals are taken: log by default.</summary>
    public ResidualSpace Residuals { get; init; } = ResidualSpace.Log;

    /// <summary>Fixed, tied and bounded parameters.</summary>
    public ParameterConstraints Constraints { get; init; } = ParameterConstraints.None;

    /// <summary>For a law with a closed-form fit: fit it nonlinearly (Huber or least squares, multi-start) instead.</summary>
    public bool Nonlinear { get; init; }

    /// <summary>The law's label in tables: "power (N)", "chinchilla".</summary>
    public string Name => Law.Label;

    /// <summary>The law's inputs.</summary>
    public IReadOnlyList<LawInput> Inputs => Law.Inputs;

    /// <summary>Whether the law's exact closed-form fit is used.</summary>
    public bool UsesClosedForm => Law is IHasClosedFormFit && !Nonlinear && Constraints.IsEmpty && Residuals == ResidualSpace.Log;

    /// <summary>Whether the law is fitted by the nonlinear machinery (multi-start, Huber, bootstrap).</summary>
    public bool IsNonlinear => !UsesClosedForm;

    /// <summary>A built-in law by name with the loss as target (see <see cref="LawRegistry"/>).</summary>
    /// <exception cref="OptionException">Unknown law, or inputs that do not suit it.</exception>
    public static LawSpec Create(string law, IReadOnlyList<Quantity>? inputs, bool nonlinear = false) =>
        Of(LawRegistry.Create(law, new LawSettings { Inputs = inputs?.Select(LawInput.Of).ToList() }), nonlinear);

    /// <summary>A law, fitted nonlinearly when asked.</summary>
    /// <exception cref="OptionException">A nonlinear fit asked of a law that has no other.</exception>
    public static LawSpec Of(IScalingLaw law, bool nonlinear = false)
    {
        if (nonlinear && law is not IHasClosedFormFit)
            throw new OptionException($"{nameof(LawSpec)}.{nameof(Nonlinear)}",
                $"the {law.Name} law is always fitted nonlinearly; only laws with a closed-form (OLS) fit can be asked to be fitted nonlinearly.");
        return new LawSpec(law) { Nonlinear = nonlinear };
    }

    /// <summary>Fits the law to runs; <paramref name="options"/> applies to nonlinear fits.</summary>
    public FitResult Fit(RunSet runs, NonlinearFitOptions? options = null)
    {
        if (Law is IPreparesRuns prepares) runs = prepares.Prepare(runs);
        return UsesClosedForm ? ((IHasClosedFormFit)Law).FitClosedForm(runs, Target) : NonlinearFitter.Fit(runs, this, options);
    }
}

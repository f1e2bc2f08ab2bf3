using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit;

/// <summary>
/// The short way to fit a scaling law, for the common cases. For control over the fit, use the
/// types in <see cref="ScalingFit.Fitting"/> directly.
/// </summary>
/// <example>
/// <code>
/// var runs = Runs.Chinchilla(new RunSelection { DropHighestLoss = 5 });
/// var fit = ScalingLaws.FitPower(runs, Quantity.ParameterCount);
/// Console.WriteLine(fit["alpha"].Value);
/// </code>
/// </example>
public static class ScalingLaws
{
    /// <summary>Fits L = (X_c/X)^α by OLS of ln L on ln X.</summary>
    public static FitResult FitPower(RunSet runs, Quantity x) => LogLogRegression.Power(runs, x);

    /// <summary>Fits L = k·Πⱼ Xⱼ^aⱼ by multiple OLS of ln L on the ln Xⱼ.</summary>
    public static FitResult FitJoint(RunSet runs, params IReadOnlyList<Quantity> inputs) => LogLogRegression.Joint(runs, inputs);

    /// <summary>Fits a law chosen by name.</summary>
    public static FitResult Fit(RunSet runs, string law, params IReadOnlyList<Quantity> inputs) =>
        LawSpec.Create(law, inputs.Count == 0 ? null : inputs).Fit(runs);
}

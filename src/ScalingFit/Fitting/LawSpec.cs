using ScalingFit.Data;
using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>A law chosen by name (as on the command line) and the quantities it takes.</summary>
/// <param name="Law">The law's name: power, joint, saturating, kaplan-nd or chinchilla.</param>
/// <param name="Inputs">Its inputs, e.g. [N] for power, [N, D] for chinchilla.</param>
/// <param name="Nonlinear">For the power law: fit it as a nonlinear law (Huber or least squares on ln L) rather than by OLS.</param>
public sealed record LawSpec(string Law, IReadOnlyList<Quantity> Inputs, bool Nonlinear = false)
{
    /// <summary>The names of the laws that can be fitted.</summary>
    public static IReadOnlyList<string> Names { get; } = ["power", "joint", "saturating", "kaplan-nd", "chinchilla"];

    /// <summary>Checks a law name and its inputs, filling the default inputs when none are given.</summary>
    /// <exception cref="OptionException">Unknown law, or inputs that do not suit it.</exception>
    public static LawSpec Create(string law, IReadOnlyList<Quantity>? inputs, bool nonlinear = false)
    {
        if (inputs?.Contains(Quantity.Loss) == true)
            throw new OptionException("the loss is what a law predicts; its inputs are N, D or C.");
        if (nonlinear && law != "power")
            throw new OptionException($"--nonlinear applies to the power law; the {law} law is {(law == "joint" ? "fitted by OLS only" : "always fitted nonlinearly")}.");
        switch (law)
        {
            case "power":
            case "saturating":
                inputs ??= [Quantity.ParameterCount];
                if (inputs.Count != 1)
                    throw new OptionException(
                        $"the {law} law takes one input (--x N, D or C), got {string.Join(",", inputs.Select(q => q.Symbol()))}" +
                        (law == "power" ? "; for several inputs use --law joint." : "; for N and D together use --law chinchilla."));
                return new LawSpec(law, inputs, nonlinear);
            case "joint":
                inputs ??= [Quantity.ParameterCount, Quantity.TrainingTokens];
                inputs = inputs.Distinct().OrderBy(q => q).ToList();
                if (inputs.Count < 2)
                    throw new OptionException("the joint law takes two or three inputs, e.g. --x N,D; for one input use --law power.");
                return new LawSpec(law, inputs);
            case "chinchilla":
            case "kaplan-nd":
                var nd = new[] { Quantity.ParameterCount, Quantity.TrainingTokens };
                if (inputs is not null && !inputs.Order().SequenceEqual(nd))
                    throw new OptionException($"the {law} law takes N and D (D = C/(6N) when only C is logged); drop --x or give --x N,D.");
                return new LawSpec(law, nd);
            default:
                throw new OptionException($"unknown law '{law}'; the laws are: {string.Join(", ", Names)}.");
        }
    }

    /// <summary>Whether the law is fitted by the nonlinear machinery (multi-start, Huber, bootstrap).</summary>
    public bool IsNonlinear => Law is "saturating" or "chinchilla" or "kaplan-nd" || (Law == "power" && Nonlinear);

    /// <summary>The nonlinear law object, or null for the log-log OLS laws.</summary>
    public IScalingLaw? NonlinearLaw => Law switch
    {
        "saturating" => new SaturatingLaw(Inputs[0]),
        "chinchilla" => ChinchillaLaw.Instance,
        "kaplan-nd" => KaplanNdLaw.Instance,
        "power" when Nonlinear => new PowerLaw(Inputs[0]),
        _ => null,
    };

    /// <summary>Fits the law to runs; <paramref name="options"/> applies to nonlinear fits.</summary>
    public FitResult Fit(RunSet runs, NonlinearFitOptions? options = null) => NonlinearLaw is { } law
        ? NonlinearFitter.Fit(runs, law, options)
        : Law == "power" ? LogLogRegression.Power(runs, Inputs[0]) : LogLogRegression.Joint(runs, Inputs);
}

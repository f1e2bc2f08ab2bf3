using ScalingFit.Data;

namespace ScalingFit.Fitting;

/// <summary>A law chosen by name (as on the command line) and the quantities it takes.</summary>
/// <param name="Law">The law's name: power or joint.</param>
/// <param name="Inputs">Its inputs, e.g. [N] for power, [N, D] for joint.</param>
public sealed record LawSpec(string Law, IReadOnlyList<Quantity> Inputs)
{
    /// <summary>The names of the laws that can be fitted.</summary>
    public static IReadOnlyList<string> Names { get; } = ["power", "joint"];

    /// <summary>Checks a law name and its inputs, filling the default inputs when none are given.</summary>
    /// <exception cref="OptionException">Unknown law, or inputs that do not suit it.</exception>
    public static LawSpec Create(string law, IReadOnlyList<Quantity>? inputs)
    {
        if (inputs?.Contains(Quantity.Loss) == true)
            throw new OptionException("the loss is what a law predicts; its inputs are N, D or C.");
        switch (law)
        {
            case "power":
                inputs ??= [Quantity.ParameterCount];
                if (inputs.Count != 1)
                    throw new OptionException(
                        $"the power law takes one input (--x N, D or C), got {string.Join(",", inputs.Select(q => q.Symbol()))}; " +
                        "for several inputs use --law joint.");
                return new LawSpec(law, inputs);
            case "joint":
                inputs ??= [Quantity.ParameterCount, Quantity.TrainingTokens];
                inputs = inputs.Distinct().OrderBy(q => q).ToList();
                if (inputs.Count < 2)
                    throw new OptionException("the joint law takes two or three inputs, e.g. --x N,D; for one input use --law power.");
                return new LawSpec(law, inputs);
            default:
                throw new OptionException($"unknown law '{law}'; the laws are: {string.Join(", ", Names)}.");
        }
    }

    /// <summary>Fits the law to runs.</summary>
    public FitResult Fit(RunSet runs) => Law switch
    {
        "power" => LogLogRegression.Power(runs, Inputs[0]),
        _ => LogLogRegression.Joint(runs, Inputs),
    };
}

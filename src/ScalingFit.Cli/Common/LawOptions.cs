using System.CommandLine;
using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Cli.Common;

/// <summary>--law and --x, shared by fit and predict.</summary>
internal sealed class LawOptions
{
    public Option<string> Law { get; }

    public Option<string?> X { get; } = new("--x")
    {
        Description = "Input(s) of the law: N, D or C for power and saturating (default N); a comma list such as N,D for joint (default N,D).",
    };

    public Option<bool> Nonlinear { get; } = new("--nonlinear")
    {
        Description = "Fit the power law as a nonlinear law (Huber or least squares on ln L, multi-start) to compare with OLS.",
    };

    /// <summary>The options, with the law fitted when --law is not given (power unless a command needs another).</summary>
    public LawOptions(string defaultLaw = "power")
    {
        Law = new Option<string>("--law")
        {
            Description = "The law to fit: power (L = (X_c/X)^α, log-log OLS), joint (L = k·N^a_N·D^a_D·C^a_C, OLS), " +
                          "saturating (L = E + A·X^−α), kaplan-nd (Kaplan 2020 Eq. 1.5) or chinchilla (L = E + A/N^α + B/D^β).",
            DefaultValueFactory = _ => defaultLaw,
        };
        Law.AcceptOnlyFromAmong([.. LawSpec.Names]);
    }

    public void AddTo(Command command)
    {
        command.Add(Law);
        command.Add(X);
        command.Add(Nonlinear);
    }

    /// <summary>Inputs implied by the points of a prediction, where the law takes that many.</summary>
    private static IReadOnlyList<Quantity>? Hint(string law, IReadOnlyCollection<Quantity>? hint) => law switch
    {
        _ when hint is null => null,
        "power" or "saturating" when hint.Count == 1 => hint.ToList(),
        "joint" when hint.Count >= 2 => hint.ToList(),
        _ => null,
    };

    /// <summary>The law and inputs asked for; <paramref name="hint"/> supplies inputs when --x is absent.</summary>
    public LawSpec Spec(ParseResult parse, IReadOnlyCollection<Quantity>? hint = null)
    {
        string law = parse.GetValue(Law) ?? "power";
        var inputs = parse.GetValue(X) is { } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Quantities.Parse).ToList()
            : null;
        return LawSpec.Create(law, inputs ?? Hint(law, hint), parse.GetValue(Nonlinear));
    }
}

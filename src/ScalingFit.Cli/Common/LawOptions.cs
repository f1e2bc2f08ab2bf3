using System.CommandLine;
using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Cli.Common;

/// <summary>--law and --x, shared by fit and predict.</summary>
internal sealed class LawOptions
{
    public Option<string> Law { get; } = new("--law")
    {
        Description = "The law to fit: power (L = (X_c/X)^α by log-log OLS) or joint (L = k·N^a_N·D^a_D·C^a_C).",
        DefaultValueFactory = _ => "power",
    };

    public Option<string?> X { get; } = new("--x")
    {
        Description = "Input(s) of the law: N, D or C for power (default N); a comma list such as N,D for joint (default N,D).",
    };

    public LawOptions()
    {
        Law.AcceptOnlyFromAmong("power", "joint");
    }

    public void AddTo(Command command)
    {
        command.Add(Law);
        command.Add(X);
    }

    /// <summary>The law and inputs asked for; <paramref name="hint"/> supplies inputs when --x is absent.</summary>
    public LawSpec Spec(ParseResult parse, IReadOnlyCollection<Quantity>? hint = null)
    {
        string law = parse.GetValue(Law) ?? "power";
        var inputs = parse.GetValue(X) is { } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Quantities.Parse).ToList()
            : null;
        return LawSpec.Create(law, inputs ?? hint?.ToList());
    }
}

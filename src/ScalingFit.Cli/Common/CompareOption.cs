using System.CommandLine;

namespace ScalingFit.Cli.Common;

/// <summary>--no-compare: skip approach 2 against approach 3 in isoflop (which then fits no law) and optimal.</summary>
internal sealed class CompareOption(string other)
{
    public Option<bool> Skip { get; } = new("--no-compare")
    {
        Description = $"Do not compare with {other} (N_opt and D_opt by both approaches, the vertex bias estimated on the law, a warning when they disagree).",
    };

    public void AddTo(Command command) => command.Add(Skip);

    public bool Wanted(ParseResult parse) => !parse.GetValue(Skip);
}

using System.CommandLine;
using ScalingFit.Analysis;

namespace ScalingFit.Cli.Common;

/// <summary>--parameter-convention: whether the data's N counts embeddings (optimal, report).</summary>
internal sealed class ConventionOption
{
    public Option<string?> Convention { get; } = new("--parameter-convention")
    {
        Description = "Whether the data's N counts embedding parameters: total or non-embedding " +
                      "(default: total for the built-in Chinchilla runs, unknown otherwise).",
    };

    public ConventionOption() => Convention.AcceptOnlyFromAmong("total", "non-embedding");

    public void AddTo(Command command) => command.Add(Convention);

    /// <summary>The convention given, or the built-in data's (total) when no runs file is named.</summary>
    public ParameterConvention Build(ParseResult parse, string? file) => parse.GetValue(Convention) switch
    {
        "total" => ParameterConvention.Total,
        "non-embedding" => ParameterConvention.NonEmbedding,
        _ when file is null => ParameterConvention.Total,
        _ => ParameterConvention.Unknown,
    };
}

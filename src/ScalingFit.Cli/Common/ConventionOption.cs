using System.CommandLine;
using ScalingFit.Analysis;
using ScalingFit.Data;

namespace ScalingFit.Cli.Common;

/// <summary>
/// --parameter-convention: whether the data's N counts embeddings (optimal, report); with --vocab
/// (--untied, --n-ctx, --d-model-column) a non-embedding N is converted to total parameters.
/// </summary>
internal sealed class ConventionOption
{
    public Option<string?> Convention { get; } = new("--parameter-convention")
    {
        Description = "Whether the data's N counts embedding parameters: total or non-embedding " +
                      "(default: total for the built-in Chinchilla runs, unknown otherwise). With non-embedding and --vocab, " +
                      "N is converted to total parameters before fitting.",
    };

    public Option<long?> Vocab { get; } = new("--vocab") { Description = "Vocabulary size V: with --parameter-convention non-embedding, adds V·d_model per run (embeddings) to get total N; needs a width column." };
    public Option<bool> Untied { get; } = new("--untied") { Description = "With --vocab: the output head is untied, so embeddings are 2·V·d_model." };
    public Option<long?> NCtx { get; } = new("--n-ctx") { Description = "With --vocab: learned position embeddings of this context length add n_ctx·d_model." };
    public Option<string?> WidthColumn { get; } = new("--d-model-column") { Description = "With --vocab: column of widths d_model (default: d_model, hidden_size, n_embd or width)." };
    public Option<bool> KeepNonEmbedding { get; } = new("--keep-non-embedding") { Description = "With --vocab: fit N as non-embedding (not converted); the embeddings' share is noted and warned about." };

    public ConventionOption() => Convention.AcceptOnlyFromAmong("total", "non-embedding");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Convention, Vocab, Untied, NCtx, WidthColumn, KeepNonEmbedding }) command.Add(option);
    }

    /// <summary>The convention given, or the built-in data's (total) when no runs file is named.</summary>
    public ParameterConvention Build(ParseResult parse, string? file) => parse.GetValue(Convention) switch
    {
        "total" => ParameterConvention.Total,
        "non-embedding" => ParameterConvention.NonEmbedding,
        _ when file is null => ParameterConvention.Total,
        _ => ParameterConvention.Unknown,
    };

    /// <summary>The embedding spec asked for, or null without --vocab.</summary>
    /// <exception cref="OptionException">--untied, --n-ctx or --d-model-column without --vocab, or --vocab without non-embedding N.</exception>
    public EmbeddingSpec? Embeddings(ParseResult parse)
    {
        if (parse.GetValue(Vocab) is not { } v)
        {
            if (parse.GetValue(Untied) || parse.GetValue(NCtx) is not null || parse.GetValue(WidthColumn) is not null || parse.GetValue(KeepNonEmbedding))
                throw new OptionException("--untied, --n-ctx, --d-model-column and --keep-non-embedding describe the embeddings of --vocab; give --vocab V too.");
            return null;
        }
        if (parse.GetValue(Convention) != "non-embedding")
            throw new OptionException("--vocab converts a non-embedding N to total parameters; say that N is non-embedding with --parameter-convention non-embedding.");
        return new EmbeddingSpec
        {
            Vocabulary = v,
            UntiedHead = parse.GetValue(Untied),
            LearnedPositions = parse.GetValue(NCtx) ?? 0,
            WidthColumn = parse.GetValue(WidthColumn),
            Convert = !parse.GetValue(KeepNonEmbedding),
        }.Validated();
    }

    /// <summary>The result with N_opt given back in non-embedding parameters when the runs were converted to total.</summary>
    public ComputeOptimalResult Back(ParseResult parse, RunSet runs, ComputeOptimalResult result)
    {
        if (Embeddings(parse) is not { Convert: true } spec) return result;
        var back = NonEmbeddingBack.Of(runs, spec);
        return result with
        {
            Allocations = result.Allocations.Select(a => a with { NonEmbeddingParameterCount = back.NonEmbedding(a.ParameterCount) }).ToList(),
            BackConversion = back.Assumption,
        };
    }

    /// <summary>The runs converted as asked (or as they are), and the convention their N is now in.</summary>
    public (RunSet Runs, ParameterConvention Convention) Apply(ParseResult parse, RunSet runs, ParameterConvention convention) =>
        Embeddings(parse) is { } spec
            ? (EmbeddingConversion.ToTotal(runs, spec), spec.Convert ? ParameterConvention.Total : convention)
            : (runs, convention);
}

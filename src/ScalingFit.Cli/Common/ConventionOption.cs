using System.CommandLine;
using ScalingFit.Analysis;
using ScalingFit.Data;

namespace ScalingFit.Cli.Common;

/// <summary>
/// --parameter-convention: whether the data's N counts embeddings; with --vocab (--untied, --n-ctx,
/// --d-model-column) a non-embedding N is converted to total parameters before any analysis, and the
/// sizes an analysis computes are given back in non-embedding parameters. Shared by every command
/// that reads runs with N (fit, predict, compare, backtest, isoflop, optimal, tradeoff, report, plot).
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

    /// <summary>Every option of the group.</summary>
    public IReadOnlyList<Option> All => [Convention, Vocab, Untied, NCtx, WidthColumn, KeepNonEmbedding];

    public void AddTo(Command command)
    {
        foreach (var option in All) command.Add(option);
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
    public ComputeOptimalResult Back(ParseResult parse, RunSet runs, ComputeOptimalResult result) =>
        BackConversion(parse, runs) is { } back ? NonEmbeddingResults.Apply(back, result) : result;

    /// <summary>
    /// How sizes computed in total parameters go back to non-embedding ones: null unless the runs
    /// (already converted by <see cref="Apply"/>) were converted to total.
    /// </summary>
    /// <exception cref="DataException">The runs have a single size, so width cannot be related to N.</exception>
    public NonEmbeddingBack? BackConversion(ParseResult parse, RunSet converted) =>
        Embeddings(parse) is { Convert: true } spec ? NonEmbeddingBack.Of(converted, spec) : null;

    /// <summary>The runs converted as asked (or as they are), and the convention their N is now in.</summary>
    public (RunSet Runs, ParameterConvention Convention) Apply(ParseResult parse, RunSet runs, ParameterConvention convention) =>
        Embeddings(parse) is { } spec
            ? (EmbeddingConversion.ToTotal(runs, spec), spec.Convert ? ParameterConvention.Total : convention)
            : (runs, convention);

    /// <summary>
    /// The runs converted to total parameters when asked (--vocab); a non-embedding N that cannot be
    /// converted (no --vocab) is noted as such, so the output never passes it for a total count.
    /// </summary>
    public RunSet Convert(ParseResult parse, RunSet runs)
    {
        var (converted, convention) = Apply(parse, runs, Build(parse, "runs"));
        return convention == ParameterConvention.NonEmbedding && parse.GetValue(Vocab) is null && converted.Has(Quantity.ParameterCount)
            ? converted.WithNote("N is non-embedding as written and not converted (--vocab V converts it to total parameters, " +
                                 "which Chinchilla-style laws and their exponents count)")
            : converted;
    }

    /// <summary>The runs converted as asked, with the back-conversion of sizes when they were converted to total (stated among the runs' notes).</summary>
    public (RunSet Runs, NonEmbeddingBack? Back) ConvertWithBack(ParseResult parse, RunSet runs)
    {
        var converted = Convert(parse, runs);
        return BackConversion(parse, converted) is { } back
            ? (converted.WithNote($"sizes computed in total parameters are given back in non-embedding parameters with {back.Assumption}"), back)
            : (converted, null);
    }
}

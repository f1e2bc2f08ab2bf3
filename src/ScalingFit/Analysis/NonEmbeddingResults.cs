using ScalingFit.Data;
using ScalingFit.Laws;

namespace ScalingFit.Analysis;

/// <summary>
/// Gives the model sizes an analysis computed in total parameters (the runs' non-embedding N having
/// been converted by <see cref="EmbeddingConversion.ToTotal"/>) back in non-embedding parameters:
/// N_ne = N − V·d(N)·(2 untied) − n_ctx·d(N), with d(N) from <see cref="NonEmbeddingBack"/>. Each
/// result keeps its totals; the non-embedding value sits beside them (NaN where the embeddings
/// alone would exceed N).
/// </summary>
public static class NonEmbeddingResults
{
    /// <summary>N_opt of every allocation given back, and how.</summary>
    public static ComputeOptimalResult Apply(NonEmbeddingBack back, ComputeOptimalResult result) => result with
    {
        Allocations = result.Allocations.Select(a => a with { NonEmbeddingParameterCount = back.NonEmbedding(a.ParameterCount) }).ToList(),
        BackConversion = back.Assumption,
    };

    /// <summary>Each budget's N_opt and the N_opt at each budget asked for, given back.</summary>
    public static IsoFlopResult Apply(NonEmbeddingBack back, IsoFlopResult result) => result with
    {
        Budgets = result.Budgets.Select(b => b with
        {
            NonEmbeddingOptimalParameterCount = double.IsFinite(b.OptimalParameterCount) ? back.NonEmbedding(b.OptimalParameterCount) : double.NaN,
        }).ToList(),
        Allocations = result.Allocations.Select(a => a with { NonEmbeddingParameterCount = back.NonEmbedding(a.ParameterCount) }).ToList(),
    };

    /// <summary>Each point's N (given or derived as C/(6D)) given back; a point without N is left as it is.</summary>
    public static IReadOnlyList<Prediction> Apply(NonEmbeddingBack back, IReadOnlyList<Prediction> predictions) =>
        predictions.Select(p => p.At.TryGetValue(LawInput.Of(Quantity.ParameterCount), out var n)
            ? p with { NonEmbeddingParameterCount = back.NonEmbedding(n) }
            : p).ToList();

    /// <summary>Each rung's N given back.</summary>
    public static TradeoffResult Apply(NonEmbeddingBack back, TradeoffResult result) => result with
    {
        Rows = result.Rows.Select(r => r with { NonEmbeddingParameterCount = back.NonEmbedding(r.ParameterCount) }).ToList(),
        BackConversion = back.Assumption,
    };

    /// <summary>The report's allocation and IsoFLOP analysis given back (its headline quotes the allocation's row).</summary>
    public static ReportResult Apply(NonEmbeddingBack back, ReportResult result) => result with
    {
        Optimal = result.Optimal is { } optimal ? Apply(back, optimal) : null,
        IsoFlop = result.IsoFlop is { } isoFlop ? Apply(back, isoFlop) : null,
    };
}

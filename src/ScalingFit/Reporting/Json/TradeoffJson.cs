using ScalingFit.Analysis;

namespace ScalingFit.Reporting.Json;

/// <summary>A cost trade-off in JSON (<c>tradeoff --json</c>): the ladder's rungs, the gains decade by decade, and the fit.</summary>
/// <param name="Law">The law the losses come from.</param>
/// <param name="TokenRule">How D was chosen, in words.</param>
/// <param name="CostUnit">The unit of cost.</param>
/// <param name="MinGainPerCost">The threshold of loss gained per unit cost; null when none was given.</param>
/// <param name="Accelerators">The accelerators: flopsPerSecond, utilization, count; null when none were given.</param>
/// <param name="Rungs">One per rung of the ladder.</param>
/// <param name="Decades">The gain of each tenfold larger model: the diminishing returns.</param>
/// <param name="DiminishingReturns">The diminishing returns in words; null with fewer than two decades.</param>
/// <param name="Warnings">Extrapolation and ordering warnings.</param>
/// <param name="Fit">The law's fit.</param>
public sealed record TradeoffJson(
    string Law, string TokenRule, string CostUnit, double? MinGainPerCost, AcceleratorsJson? Accelerators, IReadOnlyList<RungJson> Rungs,
    IReadOnlyList<DecadeJson> Decades, string? DiminishingReturns, IReadOnlyList<string> Warnings, FitJson Fit)
{
    /// <summary>The trade-off's JSON.</summary>
    public static TradeoffJson Of(TradeoffResult result) => new(
        result.Fit.Law, result.TokenRule, result.CostUnit, result.MinGainPerCost,
        result.Accelerators is { } a ? new AcceleratorsJson(a.FlopsPerSecond, a.Utilization, a.Count) : null,
        result.Rows.Select(r => new RungJson(
            r.ParameterCount, r.TrainingTokens, r.TokensPerParameter, r.Compute, r.Loss, IntervalJson.Of(r.LossInterval), r.LossGain,
            r.Cost, r.AddedCost, r.GainPerCost, r.BelowThreshold, r.Time?.WallClockDays, r.Time?.AcceleratorHours)
        {
            NNonEmbedding = JsonNumbers.Finite(r.NonEmbeddingParameterCount),
        }).ToList(),
        result.Decades.Select(d => new DecadeJson(d.From, d.To, d.LossFrom, d.LossTo, d.Gain, d.AddedCost, d.Gain / d.AddedCost)).ToList(),
        TradeoffReport.DiminishingReturns(result.Decades),
        result.Warnings,
        FitJson.Of(result.Fit));
}

/// <summary>The accelerators a trade-off's training times assume.</summary>
/// <param name="FlopsPerSecond">Peak FLOP/s of one accelerator.</param>
/// <param name="Utilization">The fraction of peak reached.</param>
/// <param name="Count">How many accelerators train in parallel.</param>
public sealed record AcceleratorsJson(double FlopsPerSecond, double Utilization, int Count);

/// <summary>One rung of a trade-off.</summary>
/// <param name="N">Parameters.</param>
/// <param name="D">Training tokens.</param>
/// <param name="TokensPerParameter">D/N.</param>
/// <param name="Compute">C = 6ND.</param>
/// <param name="Loss">The law's loss at (N, D).</param>
/// <param name="LossCi95">Its 95% interval.</param>
/// <param name="LossGain">ΔL: the rung before's loss minus this one's (null for the first).</param>
/// <param name="Cost">The cost of training this rung.</param>
/// <param name="AddedCost">Its cost minus the rung before's.</param>
/// <param name="GainPerCost">ΔL per unit of added cost.</param>
/// <param name="BelowThreshold">Whether ΔL per unit cost fell below the threshold.</param>
/// <param name="Days">Wall-clock days on the accelerators; null without them.</param>
/// <param name="AcceleratorHours">Accelerator-hours; null without accelerators.</param>
public sealed record RungJson(
    double N, double D, double TokensPerParameter, double Compute, double Loss, IntervalJson LossCi95, double LossGain, double Cost,
    double AddedCost, double GainPerCost, bool BelowThreshold, double? Days, double? AcceleratorHours)
{
    /// <summary>N in non-embedding parameters when the runs' N was converted from non-embedding (left out otherwise, and where the embeddings alone would exceed N).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? NNonEmbedding { get; init; }
}

/// <summary>The loss gained by a tenfold larger model.</summary>
/// <param name="From">N at the start of the decade.</param>
/// <param name="To">N at its end.</param>
/// <param name="LossFrom">The law's loss at From.</param>
/// <param name="LossTo">The law's loss at To.</param>
/// <param name="Gain">LossFrom − LossTo.</param>
/// <param name="AddedCost">The cost of To minus the cost of From.</param>
/// <param name="GainPerCost">Gain per unit of added cost.</param>
public sealed record DecadeJson(double From, double To, double LossFrom, double LossTo, double Gain, double AddedCost, double GainPerCost);

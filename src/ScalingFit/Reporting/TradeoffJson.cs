using ScalingFit.Analysis;
using static ScalingFit.Reporting.JsonOutput;

namespace ScalingFit.Reporting;

/// <summary>Cost trade-offs as JSON with stable camelCase names.</summary>
public static class TradeoffJson
{
    /// <summary>
    /// {"law", "tokenRule", "costUnit", "minGainPerCost", "accelerators", "rungs": [{"n", "d", "tokensPerParameter",
    /// "compute", "loss", "lossCi95", "lossGain", "cost", "addedCost", "gainPerCost", "belowThreshold", "days",
    /// "acceleratorHours"}], "decades": [{"from", "to", "lossFrom", "lossTo", "gain", "addedCost", "gainPerCost"}],
    /// "diminishingReturns", "warnings", "fit"}.
    /// </summary>
    public static string Tradeoff(TradeoffResult result) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("law", result.Fit.Law);
        w.WriteString("tokenRule", result.TokenRule);
        w.WriteString("costUnit", result.CostUnit);
        if (result.MinGainPerCost is { } min) Number(w, "minGainPerCost", min);
        else w.WriteNull("minGainPerCost");
        if (result.Accelerators is { } a)
        {
            w.WriteStartObject("accelerators");
            Number(w, "flopsPerSecond", a.FlopsPerSecond);
            Number(w, "utilization", a.Utilization);
            w.WriteNumber("count", a.Count);
            w.WriteEndObject();
        }
        else w.WriteNull("accelerators");
        w.WriteStartArray("rungs");
        foreach (var r in result.Rows)
        {
            w.WriteStartObject();
            Number(w, "n", r.ParameterCount);
            Number(w, "d", r.TrainingTokens);
            Number(w, "tokensPerParameter", r.TokensPerParameter);
            Number(w, "compute", r.Compute);
            Number(w, "loss", r.Loss);
            Pair(w, "lossCi95", r.LossInterval);
            Number(w, "lossGain", r.LossGain);
            Number(w, "cost", r.Cost);
            Number(w, "addedCost", r.AddedCost);
            Number(w, "gainPerCost", r.GainPerCost);
            w.WriteBoolean("belowThreshold", r.BelowThreshold);
            Number(w, "days", r.Time?.WallClockDays ?? double.NaN);
            Number(w, "acceleratorHours", r.Time?.AcceleratorHours ?? double.NaN);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("decades");
        foreach (var d in result.Decades)
        {
            w.WriteStartObject();
            Number(w, "from", d.From);
            Number(w, "to", d.To);
            Number(w, "lossFrom", d.LossFrom);
            Number(w, "lossTo", d.LossTo);
            Number(w, "gain", d.Gain);
            Number(w, "addedCost", d.AddedCost);
            Number(w, "gainPerCost", d.Gain / d.AddedCost);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (TradeoffReport.DiminishingReturns(result.Decades) is { } text) w.WriteString("diminishingReturns", text);
        else w.WriteNull("diminishingReturns");
        Strings(w, "warnings", result.Warnings);
        w.WritePropertyName("fit");
        WriteFit(w, result.Fit);
        w.WriteEndObject();
    });
}

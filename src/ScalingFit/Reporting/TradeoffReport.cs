using ScalingFit.Analysis;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Reporting;

/// <summary>The report of a cost trade-off: the ladder, the gains decade by decade, warnings.</summary>
public static class TradeoffReport
{
    /// <summary>The report.</summary>
    public static Document Build(TradeoffResult result)
    {
        var fit = result.Fit;
        var settings = new List<KeyValuePair<string, string>>
        {
            new("law", $"{fit.Law}: {fit.Formula}, fitted to {fit.Data.Source} ({fit.Data.Runs} runs)"),
            new("tokens", result.TokenRule),
            new("cost", result.CostUnit == "FLOP" ? "training compute C = 6ND, in FLOP" : $"in {result.CostUnit}: given per rung, or C = 6ND times the cost per FLOP"),
        };
        if (result.MinGainPerCost is { } min) settings.Add(new("threshold", $"ΔL per {result.CostUnit} below {Significant(min, 3)} is marked *"));
        if (result.Accelerators is { } a)
            settings.Add(new("accelerators", $"{a.Count} × {Significant(a.FlopsPerSecond, 3)} FLOP/s at {Percent(a.Utilization)} utilization"));
        var blocks = new List<Block>
        {
            new Heading("cost trade-off along a ladder of model sizes"),
            new KeyValues(settings),
            LadderTable(result),
            new Paragraph("ΔL: the loss of the rung before minus this rung's; ΔL/cost: ΔL per unit of added cost. " + fit.Model.IntervalMethod + "."),
        };
        if (result.Decades.Count > 0)
        {
            blocks.Add(DecadeTable(result));
            if (DiminishingReturns(result.Decades) is { } text) blocks.Add(new Paragraph(text));
        }
        if (result.FirstBelowThreshold is { } first)
            blocks.Add(new Paragraph($"From N = {Significant(first.ParameterCount, 3)} on, the gain per unit cost falls below the threshold."));
        if (result.Warnings.Count > 0) blocks.Add(new Warnings(result.Warnings));
        return new Document(blocks);
    }

    /// <summary>The loss gained from 1e7 to 1e8 parameters against 1e8 to 1e9, in words.</summary>
    public static string? DiminishingReturns(IReadOnlyList<DecadeGain> decades)
    {
        var first = decades.FirstOrDefault(d => Math.Abs(d.From / 1e7 - 1) < 1e-9);
        var second = decades.FirstOrDefault(d => Math.Abs(d.From / 1e8 - 1) < 1e-9);
        if (first is null || second is null) return null;
        return $"Diminishing returns: 1e7 → 1e8 parameters gains ΔL = {Significant(first.Gain, 3)}, 1e8 → 1e9 gains " +
               $"{Significant(second.Gain, 3)} ({Percent(second.Gain / first.Gain)} of it) for {Significant(second.AddedCost / first.AddedCost, 3)} " +
               "times the added cost.";
    }

    private static Table LadderTable(TradeoffResult result)
    {
        bool time = result.Accelerators is not null, mark = result.MinGainPerCost is not null;
        var columns = new List<TableColumn>
        {
            new("N"), new("D"), new("D/N"), new("C"), new("loss"), new("loss 95%"), new("ΔL"),
            new($"cost ({result.CostUnit})"), new("added cost"), new("ΔL/cost"),
        };
        if (time) columns.AddRange([new("days"), new("accel-hours")]);
        if (mark) columns.Add(new("mark", false));
        var rows = result.Rows.Select(r =>
        {
            var row = new List<string>
            {
                Significant(r.ParameterCount, 4), Significant(r.TrainingTokens, 4), Significant(r.TokensPerParameter, 3),
                Significant(r.Compute, 4), Significant(r.Loss, 4),
                double.IsNaN(r.LossInterval.Lower) ? "" : Range(r.LossInterval.Lower, r.LossInterval.Upper, 3),
                double.IsNaN(r.LossGain) ? "" : Significant(r.LossGain, 3),
                Significant(r.Cost, 4),
                double.IsNaN(r.AddedCost) ? "" : Significant(r.AddedCost, 3),
                double.IsNaN(r.GainPerCost) ? "" : Significant(r.GainPerCost, 3),
            };
            if (time) row.AddRange([Significant(r.Time!.WallClockDays, 3), Significant(r.Time.AcceleratorHours, 3)]);
            if (mark) row.Add(r.BelowThreshold ? "*" : "");
            return (IReadOnlyList<string>)row;
        }).ToList();
        return new Table(columns, rows, "the ladder");
    }

    private static Table DecadeTable(TradeoffResult result) => new(
        [new("N from"), new("N to"), new("loss from"), new("loss to"), new("ΔL"), new("ΔL vs decade before"), new("added cost"), new("ΔL/cost")],
        result.Decades.Select((d, i) => (IReadOnlyList<string>)
        [
            Significant(d.From, 3), Significant(d.To, 3), Significant(d.LossFrom, 4), Significant(d.LossTo, 4), Significant(d.Gain, 3),
            i == 0 ? "" : Percent(d.Gain / result.Decades[i - 1].Gain),
            Significant(d.AddedCost, 3), Significant(d.Gain / d.AddedCost, 3),
        ]).ToList(),
        "gain per decade of N under the same token rule");
}

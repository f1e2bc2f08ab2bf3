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
        if (result.BackConversion is { } back)
            settings.Add(new("parameters", $"N counts all parameters (converted from the data's non-embedding N); N non-emb is N back in non-embedding parameters, with {back}"));
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
        bool back = result.Rows.Any(r => r.NonEmbeddingParameterCount is not null);
        if (back) columns.Insert(1, new("N non-emb"));
        if (time) columns.AddRange([new("days"), new("accel-hours")]);
        if (mark) columns.Add(new("mark", false));
        var rungs = result.Rows;
        ColumnFormat Column(Func<TradeoffRow, double> pick, int digits) => ColumnFormat.For(rungs.Select(pick), digits);
        var (n, d, ratio, c, loss, gain, cost, added, perCost) = (
            Column(r => r.ParameterCount, 4), Column(r => r.TrainingTokens, 4), Column(r => r.TokensPerParameter, 3),
            Column(r => r.Compute, 4), Column(r => r.Loss, 4), Column(r => r.LossGain, 3), Column(r => r.Cost, 4),
            Column(r => r.AddedCost, 3), Column(r => r.GainPerCost, 3));
        var lossCi = ColumnFormat.For(rungs.SelectMany(r => new[] { r.LossInterval.Lower, r.LossInterval.Upper }), 3);
        var days = time ? Column(r => r.Time!.WallClockDays, 3) : null;
        var hours = time ? Column(r => r.Time!.AcceleratorHours, 3) : null;
        var nBack = Column(r => r.NonEmbeddingParameterCount ?? double.NaN, 4);
        var rows = rungs.Select(r =>
        {
            var row = new List<string>
            {
                n.Format(r.ParameterCount), d.Format(r.TrainingTokens), ratio.Format(r.TokensPerParameter),
                c.Format(r.Compute), loss.Format(r.Loss),
                double.IsNaN(r.LossInterval.Lower) ? "" : lossCi.Range(r.LossInterval.Lower, r.LossInterval.Upper),
                double.IsNaN(r.LossGain) ? "" : gain.Format(r.LossGain),
                cost.Format(r.Cost),
                double.IsNaN(r.AddedCost) ? "" : added.Format(r.AddedCost),
                double.IsNaN(r.GainPerCost) ? "" : perCost.Format(r.GainPerCost),
            };
            if (back) row.Insert(1, NonEmbedding(nBack, r.NonEmbeddingParameterCount));
            if (time) row.AddRange([days!.Format(r.Time!.WallClockDays), hours!.Format(r.Time.AcceleratorHours)]);
            if (mark) row.Add(r.BelowThreshold ? "*" : "");
            return (IReadOnlyList<string>)row;
        }).ToList();
        return new Table(columns, rows, "the ladder");
    }

    /// <summary>A size back in non-embedding parameters, or n/a where the embeddings alone would exceed it.</summary>
    internal static string NonEmbedding(ColumnFormat format, double? value) =>
        value is { } v && double.IsFinite(v) ? format.Format(v) : "n/a";

    private static Table DecadeTable(TradeoffResult result)
    {
        var decades = result.Decades;
        ColumnFormat Column(Func<DecadeGain, double> pick, int digits) => ColumnFormat.For(decades.Select(pick), digits);
        var (from, to, lossFrom, lossTo, gain, added, perCost) = (
            Column(d => d.From, 3), Column(d => d.To, 3), Column(d => d.LossFrom, 4), Column(d => d.LossTo, 4), Column(d => d.Gain, 3),
            Column(d => d.AddedCost, 3), Column(d => d.Gain / d.AddedCost, 3));
        return new Table(
            [new("N from"), new("N to"), new("loss from"), new("loss to"), new("ΔL"), new("ΔL vs decade before"), new("added cost"), new("ΔL/cost")],
            decades.Select((d, i) => (IReadOnlyList<string>)
            [
                from.Format(d.From), to.Format(d.To), lossFrom.Format(d.LossFrom), lossTo.Format(d.LossTo), gain.Format(d.Gain),
                i == 0 ? "" : Percent(d.Gain / decades[i - 1].Gain),
                added.Format(d.AddedCost), perCost.Format(d.Gain / d.AddedCost),
            ]).ToList(),
            "gain per decade of N under the same token rule");
    }
}

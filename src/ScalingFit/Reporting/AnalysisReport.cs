using ScalingFit.Analysis;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Reporting;

/// <summary>
/// The one-command report as a <see cref="Document"/>: a summary, the laws ranked by how they
/// extrapolate, the best law's fit, the compute-optimal allocation, the IsoFLOP analysis, every
/// law's fit report with its warnings, and how to make the report again. Figures are placed where
/// the caller supplied them; parts the data did not allow carry a note saying why.
/// </summary>
public static class AnalysisReport
{
    /// <summary>The report's title: "Scaling-law report: runs.csv".</summary>
    public static string Title(ReportResult result) => $"Scaling-law report: {result.Runs.Source}";

    /// <summary>Builds the report.</summary>
    public static Document Build(ReportResult result, ReportProvenance provenance, ReportImages? images = null)
    {
        images ??= new ReportImages();
        var blocks = new List<Block> { new Heading(Title(result)), Summary(result, provenance), new Contents(2, 2) };
        var best = result.Best;

        blocks.Add(new Heading("Which law extrapolates: backtests and information criteria", 2));
        blocks.Add(new Paragraph(
            $"Each law is fitted to the {result.Split.Training.Count} smaller runs and predicts the {result.Split.HeldOut.Count} held out: " +
            $"{result.Split.Description}. The laws are ranked by the mean relative error of those predictions. AIC and BIC come from each " +
            "law's fit to all the runs, which the rest of this report uses."));
        if (best is { Backtest: null, BacktestNote: { } none })
            blocks.Add(new Paragraph($"No law could be backtested, so they are ranked by AIC instead: {none}."));
        if (images.Backtest is { } backtest) blocks.Add(backtest);
        blocks.AddRange(Nested(BacktestReport.Build(result.Comparison), 3));

        if (best?.Fit is { } bestFit)
        {
            blocks.Add(new Heading(best.Backtest is null
                ? $"The law with the lowest AIC (none could be backtested): {LawComparison.Name(best.Spec)}, {bestFit.Formula}"
                : Extrapolates(best)
                ? $"The best law: {LawComparison.Name(best.Spec)}, {bestFit.Formula}"
                : $"The least bad law (none extrapolates these runs): {LawComparison.Name(best.Spec)}, {bestFit.Formula}", 2));
            if (images.Fits.TryGetValue(LawComparison.Name(best.Spec), out var fitImage)) blocks.Add(fitImage);
            if (images.Residuals is { } residuals) blocks.Add(residuals);
            blocks.AddRange(Nested(FitReport.Build(bestFit), 3));
        }

        blocks.Add(new Heading("Compute-optimal allocation: how large a model, how many tokens", 2));
        if (result.Optimal is { } optimal)
        {
            if (images.Frontier is { } frontier) blocks.Add(frontier);
            if (images.LossAgainstCompute is { } compute) blocks.Add(compute);
            blocks.AddRange(Nested(new Document(WithoutFitTable(OptimalReport.Build(optimal))), 3));
        }
        else
        {
            blocks.Add(new Paragraph(result.OptimalNote ?? "no compute-optimal allocation."));
            if (images.Frontier is { } frontier) blocks.Add(frontier);
        }

        blocks.Add(new Heading("IsoFLOP analysis (Hoffmann et al. 2022, approach 2)", 2));
        if (result.IsoFlop is { } isoFlop)
        {
            if (images.IsoFlop is { } isoImage) blocks.Add(isoImage);
            blocks.AddRange(Nested(IsoFlopReport.Build(isoFlop), 3));
        }
        else blocks.Add(new Paragraph(result.IsoFlopNote ?? "no IsoFLOP analysis."));
        if (result.Approaches is { Budgets.Count: > 0 } approaches)
        {
            blocks.AddRange(ApproachReport.Blocks(approaches));
            if (approaches.Diagnostics.Count > 0) blocks.Add(new Warnings(Diagnostic.Messages(approaches.Diagnostics)));
        }

        blocks.Add(new Heading("Every law's fit to all the runs", 2));
        foreach (var score in result.Comparison.Scores.Where(s => s != best))
        {
            string name = LawComparison.Name(score.Spec);
            if (score.Fit is null)
            {
                blocks.Add(new Heading($"{name}: {score.Formula}", 3));
                blocks.Add(new Warnings([$"{name} could not be fitted: {score.Error}"]));
                continue;
            }
            blocks.Add(new Heading($"{name}: {score.Fit.Formula} (rank {score.Rank})", 3));
            if (images.Fits.TryGetValue(name, out var image)) blocks.Add(image);
            blocks.AddRange(Nested(FitReport.Build(score.Fit), 4).Where(b => b is not Heading { Level: 4 }));
        }
        if (best is not null) blocks.Add(new Paragraph($"The best law, {LawComparison.Name(best.Spec)}, is reported in full above."));

        blocks.Add(new Heading("How this report was made", 2));
        blocks.Add(FitReport.DataBlock(Fitting.DataDescription.Of(result.Runs)));
        blocks.Add(new KeyValues(
        [
            new("command", provenance.CommandLine),
            new("data", provenance.DataFile),
            new("software", $"ScalingFit {provenance.Version}"),
        ]));
        if (images.Notes.Count > 0) blocks.Add(new Warnings(images.Notes));
        return new Document(blocks);
    }

    /// <summary>Whether the best-ranked law's backtest error is within <see cref="LawComparison.ExtrapolationTolerance"/>.</summary>
    private static bool Extrapolates(LawScore best) => best.Backtest?.MeanAbsoluteRelativeError <= LawComparison.ExtrapolationTolerance;

    /// <summary>The findings first: the best law, the allocation a decade past the data, the IsoFLOP exponent, the data and the method.</summary>
    private static KeyValues Summary(ReportResult result, ReportProvenance provenance)
    {
        var items = new List<KeyValuePair<string, string>>
        {
            new("data", $"{result.Runs.Source}, {result.Runs.Count} runs" +
                        (result.Runs.Notes.Count > 0 ? $" ({string.Join("; ", result.Runs.Notes)})" : "")),
        };
        if (result.Best is { } best)
        {
            var byAic = result.Comparison.Scores.Where(s => s.Criteria is not null).MinBy(s => s.Criteria!.Aic);
            string aic = byAic is null ? "" : byAic == best ? "; it also has the lowest AIC" : $"; the lowest AIC is {LawComparison.Name(byAic.Spec)}'s";
            if (best.Backtest is null)
                items.Add(new("best law", $"{LawComparison.Name(best.Spec)} {best.Formula}: the lowest AIC of the laws fitted to all the runs; " +
                                          $"no backtest ranks them: {best.BacktestNote}"));
            else if (Extrapolates(best))
                items.Add(new("best law", $"{LawComparison.Name(best.Spec)} {best.Formula}: mean error {Percent(best.Backtest!.MeanAbsoluteRelativeError)} " +
                                          $"on the {best.Backtest.Predictions.Count} held-out runs{aic}"));
            else items.Add(new("best law", LawComparison.NoLawExtrapolates(best)));
        }
        else items.Add(new("best law", "no law could be fitted; see the warnings below."));
        if (result.Optimal is { } optimal)
        {
            var a = optimal.ParameterExponent;
            string ci = double.IsFinite(a.Ci95.Lower) ? " " + Range(a.Ci95.Lower, a.Ci95.Upper, 3) : "";
            string budget = result.HeadlineFromData ? "one decade past the largest run" : "the budget asked for";
            string at = result.HeadlineBudget is { } headline && ReportAnalysis.At(optimal, headline) is { } row
                ? $"; at {Significant(row.Compute, 3)} FLOP ({budget}), N_opt = {Significant(row.ParameterCount, 3)} parameters{NonEmbedding(row)} and " +
                  $"D_opt = {Significant(row.TrainingTokens, 3)} tokens ({Significant(row.TokensPerParameter, 3)} per parameter), loss {Significant(row.Loss, 3)}" +
                  (ReportAnalysis.At(optimal, ReportOptions.ChinchillaBudget) is not null ? "; Chinchilla's budget of 5.76e23 FLOP is a row of the allocation table" : "")
                : "";
            items.Add(new($"compute-optimal ({optimal.Fit.Law})", $"N_opt ∝ C^a with a = {Significant(a.Value, 3)}{ci}{at}"));
        }
        else items.Add(new("compute-optimal", result.OptimalNote ?? "none"));
        if (result.IsoFlop is { } iso)
        {
            var a = iso.ParameterExponent;
            items.Add(new("IsoFLOP", $"N_opt ∝ C^a with a = {Significant(a.Value, 3)} {Range(a.Ci95.Lower, a.Ci95.Upper, 3)} from " +
                                     $"{iso.Budgets.Count(b => b.Used)} of {iso.Budgets.Count} budgets"));
        }
        else items.Add(new("IsoFLOP", result.IsoFlopNote ?? "none"));
        if (result.Approaches is { Budgets: [var approaches, ..] })
            items.Add(new(approaches.Disagree ? "approaches 2 and 3 disagree" : "approaches 2 and 3", approaches.Describe()));
        else if (result.Approaches is { Note: { } approachNote }) items.Add(new("approaches 2 and 3", approachNote));
        items.Add(new("held out", $"{result.Split.HeldOut.Count} runs: {result.Split.Description}"));
        items.Add(new("intervals", result.Bootstrap is { } b
            ? $"nonlinear fits: 95% bootstrap percentile intervals over {b.Resamples} resamples (seed {b.Seed}); log-log OLS fits: t intervals; " +
              "backtests: each law's asymptotic interval"
            : "asymptotic (sandwich) intervals for the nonlinear fits, t intervals for the log-log OLS fits; --bootstrap K for percentile intervals"));
        items.Add(new("command", provenance.CommandLine));
        items.Add(new("data file", provenance.DataFile));
        return new KeyValues(items);
    }

    /// <summary>The headline's N_opt back in non-embedding parameters, when the runs were converted to total.</summary>
    private static string NonEmbedding(Allocation row) => row.NonEmbeddingParameterCount switch
    {
        null => "",
        { } n when double.IsFinite(n) => $" in total, {Significant(n, 3)} non-embedding",
        _ => " in total (its embeddings alone would exceed it by the runs' width law, so no non-embedding count)",
    };

    /// <summary>A report's blocks under a heading of the given level: its headings moved down, its data block dropped (the summary has it).</summary>
    private static IEnumerable<Block> Nested(Document document, int level)
    {
        bool dataDropped = false;
        foreach (var block in document.Blocks)
        {
            if (block is Heading h) yield return h with { Level = Math.Min(6, h.Level + level - 1) };
            else if (!dataDropped && block is KeyValues kv && kv.Items.Count > 0 && kv.Items[0].Key == "data") dataDropped = true;
            else yield return block;
        }
    }

    /// <summary>An allocation report without the fitted law's parameters, which the best law's section or the fits section shows.</summary>
    private static IReadOnlyList<Block> WithoutFitTable(Document document) =>
        document.Blocks.Where(b => b is not Table { Title: "fitted law" }).ToList();
}

using ScalingFit.Analysis;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Reporting;

/// <summary>
/// Approach 2 against approach 3 as blocks of a report: per budget, three rows (approach 2 with the
/// IsoFLOP line's interval; approach 2 corrected for the vertex bias, with the widened interval;
/// approach 3 with the law's interval), a paragraph on what the bias is, or the one-line note.
/// </summary>
public static class ApproachReport
{
    /// <summary>The blocks; the warnings are left to the result's own warnings list.</summary>
    public static IReadOnlyList<Block> Blocks(ApproachComparisons comparisons)
    {
        if (comparisons.Note is { } note || comparisons.Budgets.Count == 0)
            return [new KeyValues([new("approaches 2 and 3", comparisons.Note ?? "none")])];
        var rows = comparisons.Budgets;
        var first = rows[0];
        var table = Table(rows);
        string text = first.Vertex == IsoFlopVertex.Akima
            ? "Approach 2 takes each budget's Akima spline minimum as N_opt(C) and fits N_opt ∝ C^a; "
            : "Approach 2 takes each budget's parabola vertex as N_opt(C) and fits N_opt ∝ C^a; ";
        text += $"its 95% interval is {(first.Bootstrapped ? "the bootstrap's percentile interval" : "the IsoFLOP line's")} and leaves out the {first.VertexWords}'s own bias when the loss is not symmetric in ln N. " +
                $"The bias is estimated on the {first.LawName} law: at each budget's own sampled sizes, the law's exact loss (D = C/(6N), no noise) " +
                $"gets the same {first.VertexWords}, and the line through those minima is compared with the law's exact N_opt";
        if (comparisons.Bias is { Budgets.Count: > 0 } bias)
        {
            var errors = bias.Budgets.Select(b => b.RelativeError).ToList();
            text += $" (per budget from {ApproachComparison.SignedPercent(errors.Min())} to {ApproachComparison.SignedPercent(errors.Max())}, " +
                    $"{bias.Budgets.Count} budgets" + (bias.Skipped.Count > 0 ? $"; {bias.Skipped.Count} gave no minimum on the law" : "") + ")";
        }
        text += ". \"with vertex bias\" is approach 2's N_opt divided by 1 + bias, its interval the union of approach 2's and the corrected one. " +
                $"Approach 3 minimizes the {first.LawName} law along C = 6ND.";
        return [new Heading("approach 2 (IsoFLOP) against approach 3 (fitted law)", 2), table, new Paragraph(text)];
    }

    private static Table Table(IReadOnlyList<ApproachComparison> rows)
    {
        var values = rows.SelectMany(r => new[] { r.IsoFlop.ParameterCount, r.CorrectedParameterCount, r.Law.ParameterCount });
        var n = ColumnFormat.For(values, 3);
        var d = ColumnFormat.For(rows.SelectMany(r => new[] { r.IsoFlop.TrainingTokens, r.Law.TrainingTokens }), 3);
        var c = ColumnFormat.For(rows.Select(r => r.Compute), 3);
        var body = new List<IReadOnlyList<string>>();
        foreach (var r in rows)
        {
            bool bias = double.IsFinite(r.VertexBias);
            body.Add([c.Format(r.Compute), $"2: IsoFLOP ({r.VertexPlural})", n.Format(r.IsoFlop.ParameterCount), Span(n, r.IsoFlop.ParameterCountCi95),
                      d.Format(r.IsoFlop.TrainingTokens), Span(d, r.IsoFlopTokensCi95), r.Bootstrapped ? "bootstrap interval" : "line's interval"]);
            if (bias)
                body.Add(["", $"2 with vertex bias {ApproachComparison.SignedPercent(r.VertexBias)}", n.Format(r.CorrectedParameterCount), Span(n, r.WidenedCi95),
                          d.Format(r.Compute / (6 * r.CorrectedParameterCount)), Span(d, r.WidenedTokensCi95), "widened by the bias"]);
            body.Add(["", $"3: {r.LawName} law", n.Format(r.Law.ParameterCount), Span(n, r.Law.Ci95.ParameterCount),
                      d.Format(r.Law.TrainingTokens), Span(d, r.Law.Ci95.TrainingTokens),
                      $"ratio 2/3 {Significant(r.Ratio, 3)}; " + (r.Disagree ? "DISAGREE" : r.BiasBeyondInterval ? "agree with the bias" : "agree")]);
        }
        return new Table(
            [new("C"), new("approach", false), new("N_opt"), new("N_opt 95%"), new("D_opt"), new("D_opt 95%"), new("note", false)],
            body, "N_opt and D_opt by approach 2 and approach 3");
    }

    private static string Span(ColumnFormat format, Fitting.Interval ci) => double.IsFinite(ci.Lower) && double.IsFinite(ci.Upper) ? format.Range(ci.Lower, ci.Upper) : "n/a";
}

using ScalingFit.Analysis;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Reporting;

/// <summary>The report of an IsoFLOP analysis: the exponents, each budget's parabola minimum, warnings.</summary>
public static class IsoFlopReport
{
    /// <summary>The report.</summary>
    public static Document Build(IsoFlopResult result)
    {
        var blocks = new List<Block>
        {
            new Heading("IsoFLOP analysis (Hoffmann et al. 2022, approach 2): N_opt ∝ C^a, D_opt ∝ C^b"),
            FitReport.DataBlock(result.Data),
            new KeyValues([new("budgets", result.Grouping)]),
            FitReport.ParameterTable([result.ParameterExponent, result.TokenExponent, result.LogCoefficient]),
            new Paragraph(
                (result.Vertex == IsoFlopVertex.Akima
                    ? "Each budget's runs get an Akima spline of loss against ln N (MathNet.Numerics; losses of a repeated size averaged, 5 sizes " +
                      "or more); its minimum over the sizes sampled is N_opt(C), and D_opt = C/(6·N_opt). A spline interpolates and has no " +
                      "standard error, so N_opt has no interval (n/a); a minimum at the smallest or largest size is an edge minimum. "
                    : "Each budget's runs get a parabola of loss against ln N (OLS); its vertex is N_opt(C), and D_opt = C/(6·N_opt). ") +
                $"a and b are the slopes of ln N_opt and ln D_opt on ln C over the {result.Frontier.Points} budgets used " +
                $"(OLS, 95% t intervals with {result.Frontier.DegreesOfFreedom} degrees of freedom; R² {Significant(result.Frontier.RSquared, 4)}, " +
                $"residual std {Significant(result.Frontier.ResidualStandardDeviation, 3)} in ln N_opt); b = 1 − a because D_opt = C/(6·N_opt). " +
                IsoFlopResult.Reference),
            BudgetTable(result.Budgets.Where(b => Shown(result, b)).ToList()),
        };
        if (result.Bootstrap is { } boot)
            blocks.Insert(4, new KeyValues([new("bootstrap",
                $"{boot.Resamples} resamples of {boot.Units}, the whole analysis redone on each" +
                (boot.Failed > 0 ? $" ({boot.Failed} gave fewer than 3 usable budgets, left out)" : "") +
                $": a {Range(boot.ParameterExponent)}, b {Range(boot.TokenExponent)}" +
                string.Concat(result.Allocations.Select((a, i) => $", N_opt({Significant(a.Compute, 3)}) {Range(boot.ParameterCounts[i])}")) +
                " (percentile 95% intervals)")]));
        int hidden = result.Budgets.Count(b => !Shown(result, b));
        if (hidden > 0)
            blocks.Add(new Paragraph($"{hidden} budget{(hidden == 1 ? "" : "s")} with too few sizes for a {(result.Vertex == IsoFlopVertex.Akima ? "spline" : "parabola")} {(hidden == 1 ? "is" : "are")} not shown (--json lists every budget)."));
        if (result.Allocations.Count > 0) blocks.Add(AllocationTable(result.Allocations));
        if (result.Approaches is { } approaches) blocks.AddRange(ApproachReport.Blocks(approaches));
        if (result.Warnings.Count > 0) blocks.Add(new Warnings(result.Warnings));
        return new Document(blocks);
    }

    private static string Range(ScalingFit.Fitting.Interval i) => $"[{Significant(i.Lower, 4)}, {Significant(i.Upper, 4)}]";

    private static bool Shown(IsoFlopResult result, IsoFlopBudget b) => result.Vertex == IsoFlopVertex.Akima ? b.Akima is not null : b.Parabola is not null;

    private static Table BudgetTable(IReadOnlyList<IsoFlopBudget> budgets)
    {
        ColumnFormat Column(Func<IsoFlopBudget, double> pick, int digits) => ColumnFormat.For(budgets.Select(pick), digits);
        var (c, n, d, ratio, loss) = (Column(b => b.Compute, 4), Column(b => b.OptimalParameterCount, 4), Column(b => b.OptimalTokens, 4),
            Column(b => b.OptimalTokens / b.OptimalParameterCount, 3), Column(b => b.LossAtOptimum, 4));
        var sampled = ColumnFormat.For(budgets.SelectMany(b => new[] { b.SizeRange.Lower, b.SizeRange.Upper }), 3);
        var nCi = ColumnFormat.For(budgets.SelectMany(b => new[] { b.OptimalParameterCountCi95.Lower, b.OptimalParameterCountCi95.Upper }), 3);
        bool back = budgets.Any(b => b.NonEmbeddingOptimalParameterCount is not null);
        var nBack = Column(b => b.NonEmbeddingOptimalParameterCount ?? double.NaN, 4);
        return new Table(
            [new("budget", false), new("C"), new("runs"), new("sizes"), new("N sampled"), new("N_opt"), new("N_opt 95% CI"),
             .. back ? [new TableColumn("N_opt non-emb")] : Array.Empty<TableColumn>(),
             new("D_opt"), new("D/N"), new("loss at N_opt"), new("note", false)],
            budgets.Select(b => (IReadOnlyList<string>)
            [
                b.Label,
                c.Format(b.Compute),
                b.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                b.Sizes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                sampled.Range(b.SizeRange.Lower, b.SizeRange.Upper),
                n.Format(b.OptimalParameterCount),
                double.IsNaN(b.OptimalParameterCountCi95.Lower) ? (b.Akima is null ? "" : "n/a") : nCi.Range(b.OptimalParameterCountCi95.Lower, b.OptimalParameterCountCi95.Upper),
                .. back ? [TradeoffReport.NonEmbedding(nBack, b.NonEmbeddingOptimalParameterCount)] : Array.Empty<string>(),
                d.Format(b.OptimalTokens),
                ratio.Format(b.OptimalTokens / b.OptimalParameterCount),
                loss.Format(b.LossAtOptimum),
                (b.Used ? "used" : "left out") + (b.Reason is null ? "" : ": " + b.Reason),
            ]).ToList(),
            budgets.Any(b => b.Akima is not null) ? "the minimum of each budget's Akima spline" : "the minimum of each budget's parabola");
    }

    private static Table AllocationTable(IReadOnlyList<IsoFlopAllocation> allocations)
    {
        ColumnFormat Column(Func<IsoFlopAllocation, double> pick, int digits) => ColumnFormat.For(allocations.Select(pick), digits);
        var (c, n, d, ratio) = (Column(a => a.Compute, 4), Column(a => a.ParameterCount, 4), Column(a => a.TrainingTokens, 4), Column(a => a.TokensPerParameter, 3));
        var nCi = ColumnFormat.For(allocations.SelectMany(a => new[] { a.ParameterCountCi95.Lower, a.ParameterCountCi95.Upper }), 3);
        bool back = allocations.Any(a => a.NonEmbeddingParameterCount is not null);
        var nBack = Column(a => a.NonEmbeddingParameterCount ?? double.NaN, 4);
        return new Table(
            [new("C"), new("N_opt"), new("95% CI"), .. back ? [new TableColumn("N_opt non-emb")] : Array.Empty<TableColumn>(), new("D_opt"), new("D/N")],
            allocations.Select(a => (IReadOnlyList<string>)
            [
                c.Format(a.Compute), n.Format(a.ParameterCount), nCi.Range(a.ParameterCountCi95.Lower, a.ParameterCountCi95.Upper),
                .. back ? [TradeoffReport.NonEmbedding(nBack, a.NonEmbeddingParameterCount)] : Array.Empty<string>(),
                d.Format(a.TrainingTokens), ratio.Format(a.TokensPerParameter),
            ]).ToList(),
            "N_opt = k·C^a at the budgets asked for (95% confidence interval of the fitted line)");
    }
}

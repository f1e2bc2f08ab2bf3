using System.Globalization;
using ScalingFit.Analysis;
using ScalingFit.Fitting;
using static ScalingFit.NumberFormat;
using static ScalingFit.Reporting.GroupBlocks;

namespace ScalingFit.Reporting;

/// <summary>
/// Analyses run per group of runs, shown side by side: one table with a row per group (or per group and
/// law, budget, allocation), whether the groups' estimates differ, and each group's warnings.
/// </summary>
public static class GroupReport
{
    /// <summary>A law fitted per group: each group's parameters with 95% intervals, R² and RMSE, then the χ² test per parameter.</summary>
    public static Document Fit(GroupedResult<FitResult> result)
    {
        var fits = result.Analysed.Select(o => o.Result!).ToList();
        var first = fits[0];
        var columns = Columns(result.Groups);
        int keyColumns = columns.Count;
        columns.AddRange(first.Parameters.Select(p => new TableColumn($"{p.Symbol} [95% CI]")));
        columns.AddRange([new("R²"), new($"RMSE ({first.ResidualSymbol})")]);
        var rows = result.Outcomes.Select(o => o.Result is not { } fit ? Skipped(o.Group, columns.Count) : (IReadOnlyList<string>)
        [
            .. Cells(o.Group),
            .. first.Parameters.Select(p => fit.Parameters.FirstOrDefault(q => q.Name == p.Name) is { } q ? Estimate(q) : ""),
            Significant(fit.Statistics.RSquared, 4),
            Significant(fit.Statistics.Rmse, 3),
        ]).ToList();
        var blocks = new List<Block>
        {
            new Heading($"{first.Law} law per {result.Groups.By}: {first.Formula}"),
            GroupBlocks.Data(result),
            new Table(columns, rows, "the law fitted to each group's runs"),
            new KeyValues([new("uncertainty", first.UncertaintyMethod)]),
        };
        if (Differences(GroupDifferences.Fit(result), "each parameter of the law") is { } differences) blocks.Add(differences);
        if (Warnings(result, FitWarnings) is { } warnings) blocks.Add(warnings);
        return new Document(blocks);
    }

    /// <summary>Laws compared per group: a row per group and law, ranked within the group by backtest error.</summary>
    public static Document Compare(GroupedResult<ComparisonResult> result)
    {
        var columns = Columns(result.Groups);
        columns.AddRange([new("rank"), new("law", false), new("k"), new("backtest error"), new("bias"), new("inside 95%"), new("ΔAIC"), new("ΔBIC"), new("residual std")]);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var o in result.Outcomes)
        {
            if (o.Result is not { } c) { rows.Add(Skipped(o.Group, columns.Count)); continue; }
            foreach (var s in c.Scores)
            {
                var (b, k) = (s.Backtest, s.Criteria);
                rows.Add([
                    .. Cells(o.Group),
                    s.Rank.ToString(CultureInfo.InvariantCulture), LawComparison.Name(s.Spec),
                    k?.Parameters.ToString(CultureInfo.InvariantCulture) ?? "",
                    b is null ? (s.Fit is null ? "failed" : "none") : Percent(b.MeanAbsoluteRelativeError),
                    b is null ? "" : SignedPercent(b.MeanRelativeError),
                    b is null || double.IsNaN(b.Coverage) ? "" : $"{b.Inside}/{b.Predictions.Count}",
                    k is null ? "" : Significant(k.Aic - c.BestAic, 3),
                    k is null ? "" : Significant(k.Bic - c.BestBic, 3),
                    k is null ? "" : Significant(k.ResidualStandardDeviation, 3),
                ]);
            }
        }
        var best = result.Analysed.Select(o => $"{o.Group.Label}: {(o.Result!.Scores.FirstOrDefault(s => s.Rank == 1) is { } s ? LawComparison.Name(s.Spec) : "none")}");
        var blocks = new List<Block>
        {
            new Heading($"law comparison per {result.Groups.By}: ranked by extrapolation error within each group"),
            GroupBlocks.Data(result),
            new Table(columns, rows, "laws per group, ranked by backtest error (ΔAIC, ΔBIC against the group's best; residual std in ln L)"),
            new KeyValues([new("best", string.Join("; ", best)), new("held out", result.Analysed[0].Result!.Holdout)]),
            new Paragraph("backtest error: mean |L̂ − L|/L over each group's held-out runs, predicted by the law fitted to the rest of the group. " +
                          InformationCriteria.Definition),
        };
        if (Warnings(result, c => c.Warnings.Concat(c.Data.Warnings.Select(w => w.Message))) is { } warnings) blocks.Add(warnings);
        return new Document(blocks);
    }

    /// <summary>IsoFLOP analyses per group: a, b and the frontier per group, the χ² test of a, and each group's budgets.</summary>
    public static Document IsoFlop(GroupedResult<IsoFlopResult> result)
    {
        var columns = Columns(result.Groups);
        columns.AddRange([new("budgets used"), new("a [95% CI]"), new("b [95% CI]"), new("R²")]);
        var rows = result.Outcomes.Select(o => o.Result is not { } r ? Skipped(o.Group, columns.Count) : (IReadOnlyList<string>)
        [
            .. Cells(o.Group), r.Frontier.Points.ToString(CultureInfo.InvariantCulture),
            Estimate(r.ParameterExponent), Estimate(r.TokenExponent), Significant(r.Frontier.RSquared, 4),
        ]).ToList();
        var budgets = Columns(result.Groups, runs: false);
        budgets.AddRange([new("budget", false), new("C"), new("N_opt"), new("N_opt 95% CI"), new("D_opt"), new("D/N"), new("loss at N_opt"), new("note", false)]);
        var analysed = result.Analysed.SelectMany(o => o.Result!.Budgets.Where(b => o.Result.Vertex == IsoFlopVertex.Akima ? b.Akima is not null : b.Parabola is not null).Select(b => (o.Group, b))).ToList();
        var n = ColumnFormat.For(analysed.SelectMany(x => new[] { x.b.OptimalParameterCount, x.b.OptimalParameterCountCi95.Lower, x.b.OptimalParameterCountCi95.Upper }), 3);
        var d = ColumnFormat.For(analysed.Select(x => x.b.OptimalTokens), 4);
        var c = ColumnFormat.For(analysed.Select(x => x.b.Compute), 3);
        var budgetRows = analysed.Select(x => (IReadOnlyList<string>)
        [
            .. Cells(x.Group, runs: false), x.b.Label, c.Format(x.b.Compute), n.Format(x.b.OptimalParameterCount),
            double.IsNaN(x.b.OptimalParameterCountCi95.Lower) ? (x.b.Akima is null ? "" : "n/a") : n.Range(x.b.OptimalParameterCountCi95.Lower, x.b.OptimalParameterCountCi95.Upper),
            d.Format(x.b.OptimalTokens), Significant(x.b.OptimalTokens / x.b.OptimalParameterCount, 3), Significant(x.b.LossAtOptimum, 4),
            x.b.Used ? "used" : "left out" + (x.b.Reason is null ? "" : ": " + x.b.Reason),
        ]).ToList();
        var blocks = new List<Block>
        {
            new Heading($"IsoFLOP analysis per {result.Groups.By} (Hoffmann et al. 2022, approach 2): N_opt ∝ C^a, D_opt ∝ C^b"),
            GroupBlocks.Data(result),
            new Table(columns, rows, "the frontier of each group: slopes of ln N_opt and ln D_opt on ln C (OLS, 95% t intervals)"),
        };
        if (Differences(GroupDifferences.IsoFlop(result), "the exponent a of N_opt ∝ C^a") is { } differences) blocks.Add(differences);
        blocks.Add(new Table(budgets, budgetRows, analysed.Any(x => x.b.Akima is not null)
            ? "the minimum of each budget's Akima spline, by group" : "the minimum of each budget's parabola, by group"));
        var read = result.Analysed.SelectMany(o => o.Result!.Allocations.Select(a => (o.Group, a))).ToList();
        if (read.Count > 0)
        {
            var rc = ColumnFormat.For(read.Select(x => x.a.Compute), 4);
            var rn = ColumnFormat.For(read.SelectMany(x => new[] { x.a.ParameterCount, x.a.ParameterCountCi95.Lower, x.a.ParameterCountCi95.Upper }), 3);
            var rd = ColumnFormat.For(read.Select(x => x.a.TrainingTokens), 4);
            blocks.Add(new Table(
                [.. Columns(result.Groups, runs: false), new("C"), new("N_opt"), new("N_opt 95% CI"), new("D_opt"), new("D/N")],
                read.Select(x => (IReadOnlyList<string>)
                [
                    .. Cells(x.Group, runs: false), rc.Format(x.a.Compute), rn.Format(x.a.ParameterCount),
                    double.IsFinite(x.a.ParameterCountCi95.Lower) ? rn.Range(x.a.ParameterCountCi95.Lower, x.a.ParameterCountCi95.Upper) : "",
                    rd.Format(x.a.TrainingTokens), Significant(x.a.TokensPerParameter, 3),
                ]).ToList(),
                "N_opt and D_opt read off each group's fitted N_opt ∝ C^a"));
        }
        if (Warnings(result, r => r.Warnings.Concat(r.Data.Warnings.Select(w => w.Message))) is { } warnings) blocks.Add(warnings);
        return new Document(blocks);
    }

    /// <summary>Compute-optimal allocations per group: the frontier exponents per group, their χ² test, a row per group and budget.</summary>
    public static Document Optimal(GroupedResult<ComputeOptimalResult> result)
    {
        var first = result.Analysed[0].Result!;
        var columns = Columns(result.Groups);
        columns.AddRange([new("a [95% CI]"), new("b [95% CI]"), .. first.Fit.Parameters.Select(p => new TableColumn($"{p.Symbol} [95% CI]"))]);
        var rows = result.Outcomes.Select(o => o.Result is not { } r ? Skipped(o.Group, columns.Count) : (IReadOnlyList<string>)
        [
            .. Cells(o.Group), Estimate(r.ParameterExponent), Estimate(r.TokenExponent),
            .. first.Fit.Parameters.Select(p => r.Fit.Parameters.FirstOrDefault(q => q.Name == p.Name) is { } q ? Estimate(q) : ""),
        ]).ToList();
        var allocation = Columns(result.Groups, runs: false);
        allocation.AddRange([new("given", false), new("C"), new("N_opt"), new("N_opt 95%"), new("D_opt"), new("D/N"), new("loss")]);
        var all = result.Analysed.SelectMany(o => o.Result!.Allocations.Select(a => (o.Group, a))).ToList();
        var c = ColumnFormat.For(all.Select(x => x.a.Compute), 4);
        var n = ColumnFormat.For(all.SelectMany(x => new[] { x.a.ParameterCount, x.a.Ci95.ParameterCount.Lower, x.a.Ci95.ParameterCount.Upper }), 3);
        var d = ColumnFormat.For(all.Select(x => x.a.TrainingTokens), 4);
        var allocationRows = all.Select(x => (IReadOnlyList<string>)
        [
            .. Cells(x.Group, runs: false), x.a.Given switch { AllocationGiven.Compute => "budget C", AllocationGiven.ParameterCount => "size N", _ => "target loss" },
            c.Format(x.a.Compute), n.Format(x.a.ParameterCount),
            double.IsFinite(x.a.Ci95.ParameterCount.Lower) && x.a.Given != AllocationGiven.ParameterCount ? n.Range(x.a.Ci95.ParameterCount.Lower, x.a.Ci95.ParameterCount.Upper) : "",
            d.Format(x.a.TrainingTokens), Significant(x.a.TokensPerParameter, 3), Significant(x.a.Loss, 4),
        ]).ToList();
        var blocks = new List<Block>
        {
            new Heading($"compute-optimal allocation per {result.Groups.By} from the {first.Fit.Law} law {first.Fit.Formula}"),
            GroupBlocks.Data(result),
            new Paragraph($"With C = 6ND: {first.Formula}."),
            new Table(columns, rows, "each group's frontier exponents and fitted law"),
        };
        if (Differences(GroupDifferences.Optimal(result), "the frontier exponent a and each parameter") is { } differences) blocks.Add(differences);
        if (allocationRows.Count > 0) blocks.Add(new Table(allocation, allocationRows, "allocations per group: the size and tokens that minimize each group's law at each budget"));
        blocks.Add(new KeyValues([new("parameters", first.ConventionNote), new("intervals", first.IntervalMethod)]));
        if (Warnings(result, r => r.Warnings.Concat(FitWarnings(r.Fit))) is { } warnings) blocks.Add(warnings);
        return new Document(blocks);
    }
}

using ScalingFit.Fitting;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Analysis;

/// <summary>
/// One budget's parabola and whether its vertex can be trusted as N_opt: enough sizes for a degree
/// of freedom, a vertex inside the sizes sampled (extrapolated minima are left out unless kept), and a
/// vertex loss that does not fall below the budget's best run by more than the parabola's own
/// curvature allows between neighbouring sizes.
/// </summary>
internal static class IsoFlopBudgets
{
    public static IsoFlopBudget Budget(BudgetGroup g, double[] n, double[] loss, IsoFlopOptions options)
    {
        var rows = options.Window is { } k ? Window(g.Rows, n, loss, k) : g.Rows;
        var sizes = rows.Select(i => n[i]).ToList();
        int distinct = Fitting.RunStructure.DistinctSizes(sizes.ToArray());
        var range = new Interval(sizes.Min(), sizes.Max());
        if (options.Vertex == IsoFlopVertex.Akima) return AkimaBudget(g, rows, sizes, rows.Select(i => loss[i]).ToList(), distinct, range, options);
        if (distinct < options.MinimumSizes)
            return new IsoFlopBudget(g.Label, g.Compute, rows.Count, distinct, range, g.Spread, null, false,
                $"{distinct} size{(distinct == 1 ? "" : "s")}: " +
                (distinct < IsoFlop.MinimumSizes ? $"a parabola needs {IsoFlop.MinimumSizes}"
                    : options.MinimumSizes == IsoFlop.DefaultMinimumSizes ? $"a parabola with a degree of freedom needs {IsoFlop.DefaultMinimumSizes}"
                    : $"the fewest sizes asked for is {options.MinimumSizes}"), rows);
        var losses = rows.Select(i => loss[i]).ToList();
        var parabola = IsoFlopParabola.Fit(sizes, losses);
        if (parabola is null)
            return new IsoFlopBudget(g.Label, g.Compute, rows.Count, distinct, range, g.Spread, null, false, "its sizes do not determine a parabola", rows);
        if (!parabola.HasMinimum)
            return new IsoFlopBudget(g.Label, g.Compute, rows.Count, distinct, range, g.Spread, parabola, false, "the parabola opens downward: no minimum", rows);
        var budget = new IsoFlopBudget(g.Label, g.Compute, rows.Count, distinct, range, g.Spread, parabola, true, null, rows);
        if (budget.MinimumOutsideSizes)
        {
            double beyond = Math.Log10(budget.OptimalParameterCount > range.Upper ? budget.OptimalParameterCount / range.Upper : range.Lower / budget.OptimalParameterCount);
            string where = $"the vertex N = {Significant(budget.OptimalParameterCount, 3)} lies outside the sizes sampled, {beyond.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} decades " +
                           $"{(budget.OptimalParameterCount > range.Upper ? "above the largest" : "below the smallest")} " +
                           $"({Significant(budget.OptimalParameterCount > range.Upper ? range.Upper : range.Lower, 3)})";
            if (!options.KeepExtrapolated) return budget with { Used = false, Reason = $"{where}: an extrapolated minimum" };
            budget = budget with { Reason = $"{where}; kept as asked" };
        }
        double drop = losses.Min() - parabola.VertexLoss, allowed = AllowedDrop(parabola, sizes);
        if (drop > allowed)
            return budget with
            {
                // A kept extrapolated minimum stays, as asked, with its dive said; a vertex inside the sizes that dives is left out.
                Used = budget.MinimumOutsideSizes,
                Reason = (budget.Reason is null ? "" : budget.Reason.Replace("; kept as asked", "; ", StringComparison.Ordinal)) +
                         $"the vertex loss {Significant(parabola.VertexLoss, 4)} lies {Significant(drop, 2)} below the best run of the budget " +
                         $"({Significant(losses.Min(), 4)}), more than the {Significant(allowed, 2)} the parabola allows between its sizes",
            };
        return budget;
    }

    /// <summary>
    /// A budget whose N_opt is the minimum of an Akima spline through its runs: it needs 5 distinct
    /// sizes (or the fewest asked for, if more); a minimum at an end of the sizes is an edge minimum,
    /// left out unless extrapolated minima are kept. The parabola is still fitted, for figures and JSON.
    /// </summary>
    private static IsoFlopBudget AkimaBudget(BudgetGroup g, IReadOnlyList<int> rows, List<double> sizes, List<double> losses, int distinct,
        Interval range, IsoFlopOptions options)
    {
        var parabola = distinct >= IsoFlop.MinimumSizes ? IsoFlopParabola.Fit(sizes, losses) : null;
        int needed = Math.Max(options.MinimumSizes, IsoFlopAkima.MinimumSizes);
        var spline = distinct >= needed ? IsoFlopAkima.Fit(sizes, losses) : null;
        if (spline is null)
            return new IsoFlopBudget(g.Label, g.Compute, rows.Count, distinct, range, g.Spread, parabola, false,
                $"{distinct} size{(distinct == 1 ? "" : "s")}: " + (needed == IsoFlopAkima.MinimumSizes
                    ? $"an Akima spline needs {IsoFlopAkima.MinimumSizes}" : $"the fewest sizes asked for is {needed}"), rows);
        var budget = new IsoFlopBudget(g.Label, g.Compute, rows.Count, distinct, range, g.Spread, parabola, true, null, rows) { Akima = spline };
        if (!spline.AtEdge) return budget;
        bool low = spline.LogVertex <= Math.Log(range.Lower);
        string where = $"the spline's minimum lies at the {(low ? "smallest" : "largest")} size sampled " +
                       $"(N = {Significant(Math.Exp(spline.LogVertex), 3)}): an edge minimum, the optimum may lie beyond";
        return budget with { Used = options.KeepExtrapolated, Reason = options.KeepExtrapolated ? $"{where}; kept as asked" : where };
    }

    /// <summary>
    /// How far below the best run a sound vertex can lie: the parabola rises c₂·h² over half the widest
    /// gap h between neighbouring sizes (in ln N), plus two residual standard deviations of noise.
    /// </summary>
    private static double AllowedDrop(IsoFlopParabola p, IReadOnlyList<double> sizes)
    {
        var x = sizes.Select(v => Math.Log(v)).Distinct().Order().ToArray();
        double gap = 0;
        for (int i = 1; i < x.Length; i++) gap = Math.Max(gap, x[i] - x[i - 1]);
        double h = gap / 2;
        return p.Curvature * h * h + (p.DegreesOfFreedom > 0 && double.IsFinite(p.ResidualStandardDeviation) ? 2 * p.ResidualStandardDeviation : 0);
    }

    /// <summary>The rows of the K distinct sizes nearest (in ln N) the size with the lowest loss.</summary>
    private static IReadOnlyList<int> Window(IReadOnlyList<int> rows, double[] n, double[] loss, int k)
    {
        int best = rows.MinBy(i => loss[i]);
        var nearest = rows.Select(i => n[i]).Distinct().OrderBy(v => Math.Abs(Math.Log(v / n[best]))).Take(k).ToHashSet();
        return rows.Where(i => nearest.Contains(n[i])).ToList();
    }

    /// <summary>Extrapolated minima (left out or kept) and vertices below the budget's runs, with their numbers.</summary>
    public static IEnumerable<string> Warnings(IReadOnlyList<IsoFlopBudget> budgets)
    {
        foreach (var b in budgets.Where(b => b.MinimumOutsideSizes))
            yield return b.Akima is not null
                ? $"at budget {b.Label} {b.Reason}: " + (b.Used ? "kept in N_opt ∝ C^a as asked, which can move the exponent by tens of percent."
                    : "so it is left out of N_opt ∝ C^a (keep extrapolated minima to use it); sample sizes on both sides of the optimum.")
                : $"at budget {b.Label} {b.Reason}: N_opt there would be an extrapolation of the parabola, " +
                         (b.Used ? "kept in N_opt ∝ C^a as asked, which can move the exponent by tens of percent."
                                 : "so it is left out of N_opt ∝ C^a (keep extrapolated minima to use it); sample sizes on both sides of the optimum.");
        foreach (var b in budgets.Where(b => !b.MinimumOutsideSizes && b.Reason is { } r && r.Contains("the vertex loss", StringComparison.Ordinal)))
            yield return $"at budget {b.Label} {b.Reason}: the parabola dives between or beyond its runs rather than following them, so its " +
                         "vertex is left out of N_opt ∝ C^a.";
    }
}

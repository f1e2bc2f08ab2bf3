using ScalingFit.Data;
using ScalingFit.Fitting;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Analysis;

/// <summary>
/// IsoFLOP analysis (Hoffmann et al. 2022, approach 2): group runs by compute budget, fit a parabola
/// of loss against ln N within each budget of at least 3 sizes, take its vertex as N_opt(C), then
/// fit ln N_opt = ln k + a·ln C and ln D_opt = ln k' + b·ln C by OLS with t intervals.
/// </summary>
public static class IsoFlop
{
    /// <summary>Parabolas need this many distinct sizes.</summary>
    public const int MinimumSizes = 3;

    /// <summary>
    /// The default fewest sizes per budget: one more than a parabola needs, so that it has a degree of
    /// freedom (a residual) and its vertex a standard error; 3 accepts exact parabolas when asked.
    /// </summary>
    public const int DefaultMinimumSizes = 4;

    /// <summary>The frontier's exponent and its interval need this many budgets with a minimum.</summary>
    public const int MinimumBudgets = 3;

    /// <summary>Analyses the runs.</summary>
    /// <exception cref="FitException">Fewer than 3 budgets have a parabola with a minimum.</exception>
    /// <exception cref="DataException">The runs lack N, C or loss, or the group column does not exist.</exception>
    /// <exception cref="OptionException">A negative tolerance, or a budget that is not positive.</exception>
    public static IsoFlopResult Analyze(RunSet runs, IsoFlopOptions? options = null)
    {
        options ??= new IsoFlopOptions();
        if (!(options.BudgetTolerance >= 0) || double.IsInfinity(options.BudgetTolerance))
            throw new OptionException("IsoFlopOptions.BudgetTolerance", $"the budget tolerance must be 0 or more, got {Significant(options.BudgetTolerance, 4)}.");
        foreach (var c in options.Budgets) Guard.Positive(c, "IsoFlopOptions.Budgets", "a compute budget");
        Guard.AtLeast(options.MinimumSizes, MinimumSizes, "IsoFlopOptions.MinimumSizes", "the fewest sizes per budget");
        Guard.AtLeast(options.Bootstrap, 0, "IsoFlopOptions.Bootstrap", "the bootstrap resamples");
        if (options.Window is { } window) Guard.AtLeast(window, MinimumSizes, "IsoFlopOptions.Window", "the sizes nearest the lowest loss of each budget");
        var n = runs.Values(Quantity.ParameterCount).ToArray();
        var loss = runs.Values(Quantity.Loss).ToArray();
        var groups = options.GroupColumn is { } column
            ? BudgetGrouping.ByColumn(runs, column)
            : BudgetGrouping.ByTolerance(runs, options.BudgetTolerance);
        string grouping = options.GroupColumn is { } col
            ? $"budgets named by column '{col}'"
            : options.BudgetTolerance > 0
                ? $"C binned in log space: the windows no wider than a factor {Significant(1 + options.BudgetTolerance, 4)} that hold the most runs, densest first"
                : "runs of equal compute share a budget";

        var checkpoints = CheckpointNotes(runs, ref groups, options.GroupColumn is not null, ref grouping);
        var budgets = groups.Select(g => IsoFlopBudgets.Budget(g, n, loss, options)).ToList();
        var used = budgets.Where(b => b.Used).ToList();
        if (used.Count < MinimumBudgets) throw TooFewBudgets(runs, budgets, used.Count, grouping, options);

        var logC = used.Select(b => Math.Log(b.Compute)).ToArray();
        var nFit = LinearLeastSquares.SolveColumns([logC], used.Select(b => Math.Log(b.OptimalParameterCount)).ToArray());
        var dFit = LinearLeastSquares.SolveColumns([logC], used.Select(b => Math.Log(b.OptimalTokens)).ToArray());
        var allocations = options.Budgets.Select(c => Allocate(nFit, c)).ToList();
        var statistics = new FitStatistics(nFit.Points, nFit.DegreesOfFreedom, nFit.SumOfSquares,
            Math.Sqrt(nFit.SumOfSquares / nFit.Points), nFit.RSquared, Math.Sqrt(nFit.ResidualVariance));

        // Too few runs for most resamples to give an analysis: the analysis still answers, without the bootstrap's intervals, and says why.
        IsoFlopBootstrap? bootstrap = null;
        string? noBootstrap = null;
        if (options.Bootstrap > 0)
        {
            try { bootstrap = IsoFlopBootstrap.Run(runs, options); }
            catch (FitException e) { noBootstrap = $"no bootstrap intervals: {e.Message.TrimEnd('.')}; the t intervals shown take the budgets' minima as independent points."; }
        }
        return new IsoFlopResult(
            Coefficient("a", "a", nFit, 1), Coefficient("b", "b", dFit, 1), Coefficient("logK", "ln k", nFit, 0),
            budgets, allocations, grouping, statistics, DataDescription.Of(runs),
            [.. checkpoints(used), .. Warnings(budgets, used, nFit, options.Vertex == IsoFlopVertex.Akima), .. noBootstrap is null ? Array.Empty<string>() : [noBootstrap]])
        {
            Vertex = options.Vertex,
            Line = nFit,
            Bootstrap = bootstrap,
        };
    }

    /// <summary>
    /// On checkpoint data (rows clustered by run) each budget takes one checkpoint per run; returns the warning on
    /// intermediate checkpoints among the budgets used (a run's loss part-way through its schedule is not the loss of a
    /// run trained to that compute with a schedule of its own length: Hoffmann et al. 2022, §3.1 and Figure A1).
    /// </summary>
    private static Func<List<IsoFlopBudget>, IEnumerable<string>> CheckpointNotes(RunSet runs, ref IReadOnlyList<BudgetGroup> groups, bool labelled, ref string grouping)
    {
        if (runs.Clusters is not { } clusters) return _ => [];
        var compute = runs.Values(Quantity.Compute).ToArray();
        var (picked, dropped) = BudgetGrouping.OnePerRun(groups, clusters, compute, labelled);
        groups = picked;
        grouping += $"; one checkpoint per run in each budget (the nearest its compute) from {clusters.Count} runs" +
                    (dropped > 0 ? $", {dropped} other checkpoints of the same runs set aside" : "");
        var last = new double[clusters.Count];
        for (int i = 0; i < compute.Length; i++) last[clusters.Of(i)] = Math.Max(last[clusters.Of(i)], compute[i]);
        return used =>
        {
            int points = used.Sum(b => b.Rows.Count);
            var along = used.SelectMany(b => b.Rows).Select(i => compute[i] / last[clusters.Of(i)]).Where(f => f < 1 - 1e-9).ToList();
            var warnings = new List<string>();
            int shared = used.SelectMany(b => b.Rows.Select(clusters.Of).Distinct()).GroupBy(run => run).Select(g => g.Count()).DefaultIfEmpty(0).Max();
            if (shared > 1)
                warnings.Add($"the {used.Count} budgets used are built from the same {clusters.Count} runs (a run gives a point to up to {shared} " +
                             $"of them), so their minima are not independent: the t interval of a, which takes them as {used.Count} independent " +
                             "points, is too narrow; a bootstrap of whole runs counts what the budgets share, and runs that each end at one budget " +
                             "give independent minima.");
            if (along.Count == 0) return warnings;
            static string Percent(double f) => Significant(100 * f, 2) + "%";
            warnings.Add(
                $"{along.Count} of the {points} points of the budgets used are intermediate checkpoints (not their run's last), " +
                $"{Percent(along.Min())} to {Percent(along.Max())} of the way through their runs in compute: part-way through a learning-rate " +
                "schedule a run's loss lies above that of a run trained to the same compute with a schedule of its own length, and by more the " +
                "earlier it is (Hoffmann et al. 2022, §3.1), so each budget's minimum shifts toward the sizes further along their runs; " +
                "IsoFLOP curves mean most from runs that each end at a budget.");
            return warnings;
        };
    }

    private static FittedParameter Coefficient(string name, string symbol, LinearSolution fit, int j)
    {
        double value = fit.Coefficients[j], se = fit.StandardError(j), t = fit.T95;
        return new FittedParameter(name, symbol, value, se, new Interval(value - t * se, value + t * se));
    }

    /// <summary>N_opt = exp(ln k + a·ln C), with the 95% confidence interval of the line at ln C.</summary>
    internal static IsoFlopAllocation Allocate(LinearSolution fit, double compute)
    {
        double x = Math.Log(compute), y = fit.Coefficients[0] + fit.Coefficients[1] * x;
        double half = fit.T95 * Math.Sqrt(fit.ResidualVariance * fit.Leverage([1, x]));
        double nOpt = Math.Exp(y);
        return new IsoFlopAllocation(compute, nOpt, new Interval(Math.Exp(y - half), Math.Exp(y + half)),
            compute / (Derivation.FlopPerParameterToken * nOpt));
    }

    private static List<string> Warnings(List<IsoFlopBudget> budgets, List<IsoFlopBudget> used, LinearSolution fit, bool akima)
    {
        var warnings = new List<string>();
        var downward = budgets.Where(b => b.Akima is null && b.Parabola is { HasMinimum: false }).ToList();
        if (downward.Count > 0)
            warnings.Add($"{Count(downward.Count, "parabola")} open{(downward.Count == 1 ? "s" : "")} downward, with no minimum " +
                         $"(budget{(downward.Count == 1 ? "" : "s")} {Labels(downward)}); left out of the fit of N_opt ∝ C^a.");
        warnings.AddRange(IsoFlopBudgets.Warnings(budgets));
        var few = budgets.Where(b => akima ? b.Akima is null : b.Parabola is null).ToList();
        if (few.Count > 0)
            warnings.Add($"{Count(few.Count, "budget")} with too few sizes left out ({few.Sum(b => b.Runs)} runs).");
        var wide = used.Where(b => b.ComputeSpread > 1.01).ToList();
        if (wide.Count > 0)
            warnings.Add($"{Count(wide.Count, "budget")} used hold runs of unequal compute (up to a factor " +
                         $"{Significant(wide.Max(b => b.ComputeSpread), 3)}); their losses differ partly by compute, not only by size.");
        var exact = used.Where(b => b.Akima is null && b.Parabola is { DegreesOfFreedom: 0 }).ToList();
        if (exact.Count > 0)
            warnings.Add($"{Count(exact.Count, "parabola")} pass{(exact.Count == 1 ? "es" : "")} exactly through 3 runs, so " +
                         "their minima have no standard error.");
        if (fit.DegreesOfFreedom < 3)
            warnings.Add($"N_opt ∝ C^a rests on {used.Count} budgets: its interval (t with {fit.DegreesOfFreedom} degrees of " +
                         "freedom) is wide; more budgets narrow it.");
        return warnings;
    }

    private static FitException TooFewBudgets(RunSet runs, List<IsoFlopBudget> budgets, int usable, string grouping, IsoFlopOptions options)
    {
        var reasons = budgets.Where(b => !b.Used).Take(8)
            .Select(b => $"{b.Label} ({b.Reason})").ToList();
        string skipped = reasons.Count == 0 ? "" :
            $" Left out: {string.Join("; ", reasons)}{(budgets.Count(b => !b.Used) > reasons.Count ? "; …" : "")}.";
        int extrapolated = budgets.Count(b => b.MinimumOutsideSizes && !b.Used);
        string keep = extrapolated > 0 && !options.KeepExtrapolated
            ? $" {Count(extrapolated, "budget")} left out only because {(extrapolated == 1 ? "its" : "their")} minimum lies outside the sizes sampled; " +
              "sample larger or smaller models there, or keep extrapolated minima (at the risk of a biased exponent)."
            : "";
        string hint = options.GroupColumn is null
            ? $" Runs at nearly equal compute can be binned with a larger budget tolerance (now {Significant(options.BudgetTolerance, 3)}), or named by a group column."
            : "";
        return new FitException(
            $"an IsoFLOP analysis needs at least {MinimumBudgets} compute budgets with " + (options.Vertex == IsoFlopVertex.Akima
                ? $"{Math.Max(options.MinimumSizes, IsoFlopAkima.MinimumSizes)} or more model sizes (an Akima spline needs {IsoFlopAkima.MinimumSizes}) and a minimum inside them"
                : $"{options.MinimumSizes} or more model sizes and a parabola with a minimum") + $"; {runs.Source} gives {usable} of {budgets.Count} budgets ({grouping}).{skipped}{keep}{hint}");
    }

    internal static string Labels(IEnumerable<IsoFlopBudget> budgets)
    {
        var labels = budgets.Select(b => b.Label).ToList();
        return labels.Count <= 6 ? string.Join(", ", labels) : string.Join(", ", labels.Take(6)) + $" and {labels.Count - 6} more";
    }

    internal static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}

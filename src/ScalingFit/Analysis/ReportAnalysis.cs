using ScalingFit.Data;
using ScalingFit.Fitting;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Analysis;

/// <summary>
/// The analysis behind the one-command report: compare the laws that apply (each backtested and
/// fitted to all the runs once), take the compute-optimal allocation from the best-ranked law of
/// that comparison with a closed-form frontier (chinchilla on the built-in runs), and run the IsoFLOP analysis where the runs
/// allow; what the runs do not allow becomes a note, not an error.
/// </summary>
public static class ReportAnalysis
{
    /// <summary>Analyses the runs.</summary>
    /// <exception cref="FitException">The runs have none of N, D, C, or the held-out or training set is empty.</exception>
    /// <exception cref="OptionException">An option does not suit the runs.</exception>
    public static ReportResult Run(RunSet runs, ReportOptions? options = null)
    {
        options ??= new ReportOptions();
        var input = options.Input ?? Quantities.Inputs.FirstOrDefault(runs.Has, Quantity.Loss);
        if (input == Quantity.Loss)
            throw new FitException($"{runs.Source} has no parameter count N, token count D or compute C to fit a law to.");
        var laws = options.Laws ?? LawComparison.ApplicableLaws(runs, input);
        var holdout = options.Holdout ?? Holdout.Largest(runs.Has(Quantity.Compute) ? Quantity.Compute : input, 0.2);
        var split = holdout.Split(runs);

        var progress = options.Progress;
        string current = "";
        int started = 0;
        var fit = options.Fit;
        var backtest = options.Backtest ?? options.Fit with { Bootstrap = null };
        if (fit.Bootstrap is { } bootstrap && progress is not null)
            fit = fit with { Bootstrap = bootstrap with { Progress = done => progress(new(ReportStage.Bootstrap, current, done, bootstrap.Resamples)) } };
        if (progress is not null)
        {
            // Each nonlinear law searches from its starts twice: for its backtest, then on all the runs.
            backtest = backtest with { StartProgress = (done, total) => progress(new(ReportStage.Starts, current, done, 2 * total)) };
            fit = fit with { StartProgress = (done, total) => progress(new(ReportStage.Starts, current, total + done, 2 * total)) };
        }
        var comparison = LawComparison.Compare(runs, split, laws, new ComparisonOptions
        {
            Fit = fit,
            Backtest = backtest,
            Starting = law =>
            {
                current = LawComparison.Name(law);
                progress?.Invoke(new(ReportStage.Laws, current, started++, laws.Count));
            },
        });
        progress?.Invoke(new(ReportStage.Laws, "", laws.Count, laws.Count));

        progress?.Invoke(new(ReportStage.Allocation, "compute-optimal frontier", 0, 2));
        double? headline = options.HeadlineBudget ?? (runs.Has(Quantity.Compute) ? ComputeBudgets.DecadePast(Max(runs.Values(Quantity.Compute))) : null);
        var (optimal, optimalNote) = Optimal(runs, comparison, options, headline);
        progress?.Invoke(new(ReportStage.Allocation, "IsoFLOP analysis", 1, 2));
        var (isoFlop, isoFlopNote) = IsoFlopAnalysis(runs, options, optimal is null ? null : headline);
        progress?.Invoke(new(ReportStage.Allocation, "", 2, 2));
        return new ReportResult(runs, split, comparison, optimal, optimalNote, isoFlop, isoFlopNote, options.Fit.Bootstrap)
        {
            HeadlineBudget = optimal is null ? null : headline,
            HeadlineFromData = options.HeadlineBudget is null,
            Approaches = optimal is not null && headline is { } h
                ? isoFlop is null ? ApproachComparisons.Unavailable("no approach 2: " + (isoFlopNote ?? "no IsoFLOP analysis.").Replace("no IsoFLOP analysis: ", "", StringComparison.Ordinal))
                  : ApproachComparisons.Compare(runs, isoFlop, optimal, [h])
                : null,
        };
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values) max = Math.Max(max, v);
        return max;
    }

    private static double Min(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity;
        foreach (double v in values) min = Math.Min(min, v);
        return min;
    }

    /// <summary>The budgets asked for, or the data's decades with the headline and Chinchilla's budget.</summary>
    private static IReadOnlyList<double> Budgets(RunSet runs, ReportOptions options, double? headline)
    {
        if (options.Budgets is { } asked) return headline is { } h && !asked.Contains(h) ? [.. asked.Append(h).Order()] : asked;
        var compute = runs.Values(Quantity.Compute);
        return ComputeBudgets.Spanning(Min(compute), Max(compute), headline is { } b ? [b, ReportOptions.ChinchillaBudget] : [ReportOptions.ChinchillaBudget]);
    }

    private static (ComputeOptimalResult?, string?) Optimal(RunSet runs, ComparisonResult comparison, ReportOptions options, double? headline)
    {
        if (!runs.Has(Quantity.ParameterCount) || !runs.Has(Quantity.TrainingTokens))
            return (null, $"no compute-optimal allocation: it needs a law of both N and D, and {runs.Source} has no " +
                          $"{(runs.Has(Quantity.ParameterCount) ? "training tokens D (nor compute C to derive D = C/(6N))" : "parameter count N")}.");
        // The laws with a closed-form frontier, best backtest first (chinchilla, kaplan-nd on the built-in runs).
        var candidates = comparison.Scores.Where(s => s.Spec.Law is Laws.IHasFrontier).ToList();
        if (candidates.Count == 0)
            return (null, "no compute-optimal allocation: no law with a compute-optimal frontier (such as chinchilla or kaplan-nd) was among the laws compared.");
        var problems = new List<string>();
        foreach (var score in candidates)
        {
            if (score.Fit is not { } fit)
            {
                problems.Add($"{score.Spec.Name} could not be fitted ({score.Error})");
                continue;
            }
            try
            {
                return (ComputeOptimal.Analyze(fit, new ComputeOptimalOptions { Budgets = Budgets(runs, options, headline), Convention = options.Convention }), null);
            }
            catch (ScalingFitException e) when (e is FitException or OptionException)
            {
                problems.Add($"the {fit.Law} fit has none: {e.Message}");
            }
        }
        return (null, "no compute-optimal allocation: " + string.Join("; ", problems));
    }

    private static (IsoFlopResult?, string?) IsoFlopAnalysis(RunSet runs, ReportOptions options, double? headline)
    {
        if (!runs.Has(Quantity.ParameterCount) || !runs.Has(Quantity.Compute))
            return (null, $"no IsoFLOP analysis: it groups runs by compute budget C and fits the loss against N, and {runs.Source} has no " +
                          $"{(runs.Has(Quantity.ParameterCount) ? "compute C (nor training tokens D to derive C = 6ND)" : "parameter count N")}.");
        try
        {
            // The headline budget as well, so that approaches 2 and 3 answer the same question.
            var iso = headline is { } h && !options.IsoFlop.Budgets.Contains(h) ? options.IsoFlop with { Budgets = [.. options.IsoFlop.Budgets, h] } : options.IsoFlop;
            return (IsoFlop.Analyze(runs, iso), null);
        }
        catch (ScalingFitException e) when (e is FitException or DataException)
        {
            return (null, $"no IsoFLOP analysis: {e.Message}");
        }
    }

    /// <summary>The row of an allocation table at a budget, if the table has one within a relative 1e-9.</summary>
    public static Allocation? At(ComputeOptimalResult optimal, double compute) =>
        optimal.Allocations.FirstOrDefault(a => a.Given == AllocationGiven.Compute && Math.Abs(a.Compute / compute - 1) < 1e-9);
}

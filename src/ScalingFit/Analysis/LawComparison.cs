using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;

namespace ScalingFit.Analysis;

/// <summary>
/// Fits several laws to the same runs and ranks them by how well they extrapolate (the mean
/// absolute relative error of a backtest), with AIC, BIC and the residual spread of a fit to all
/// the runs beside it.
/// </summary>
public static class LawComparison
{
    /// <summary>
    /// The laws of <see cref="LawRegistry"/> compared by default whose inputs the runs have: the
    /// one-input laws (power, saturating) in <paramref name="input"/>, the laws of several inputs in N
    /// and D, the others in their own inputs (kaplan-nd and chinchilla need N and D).
    /// </summary>
    public static IReadOnlyList<LawSpec> ApplicableLaws(RunSet runs, Quantity input = Quantity.ParameterCount)
    {
        var laws = new List<LawSpec>();
        foreach (var definition in LawRegistry.All.Where(d => d.Compared))
        {
            var settings = new LawSettings
            {
                Inputs = definition.TakesOneInput ? [input]
                    : definition.TakesInputs ? LawInputs.Of(Quantity.ParameterCount, Quantity.TrainingTokens)
                    : null,
            };
            var law = definition.Create(settings);
            if (law.Inputs.All(runs.Has)) laws.Add(new LawSpec(law));
        }
        return laws;
    }

    /// <summary>Backtests and fits each law; a law that cannot be fitted is reported with its error and ranked last.</summary>
    /// <exception cref="FitException">The held-out set or the training set is empty, or no law applies.</exception>
    public static ComparisonResult Compare(
        RunSet runs, Holdout holdout, IReadOnlyList<LawSpec>? laws = null, NonlinearFitOptions? options = null)
    {
        laws ??= ApplicableLaws(runs);
        RequireLaws(runs, laws);
        return Compare(runs, holdout.Split(runs), laws, new ComparisonOptions { Fit = options });
    }

    /// <summary>
    /// Backtests each law on a split made beforehand and fits it to all the runs, with separate options
    /// for the two fits (e.g. a bootstrap only where intervals are reported) and a call as each law starts.
    /// </summary>
    /// <exception cref="FitException">No law is given.</exception>
    public static ComparisonResult Compare(RunSet runs, HoldoutSplit split, IReadOnlyList<LawSpec> laws, ComparisonOptions options)
    {
        RequireLaws(runs, laws);
        var scores = laws.Select(law =>
        {
            options.Starting?.Invoke(law);
            return Score(runs, split, law, options.Fit, options.Backtest ?? options.Fit);
        }).ToList();
        // Backtested laws by their error, then laws fitted to all the runs without a backtest by AIC, then laws that failed.
        var ranked = scores
            .OrderBy(s => s.Error is not null ? 2 : s.Backtest is null ? 1 : 0)
            .ThenBy(s => s.Backtest?.MeanAbsoluteRelativeError ?? s.Criteria?.Aic ?? double.PositiveInfinity)
            .Select((s, i) => s with { Rank = i + 1 })
            .ToList();
        var warnings = new List<string>();
        var best = ranked[0];
        if (best.Error is null)
        {
            var byAic = ranked.Where(s => s.Criteria is not null).MinBy(s => s.Criteria!.Aic);
            if (byAic is not null && byAic.Spec != best.Spec)
                warnings.Add($"the law that extrapolates best ({Name(best.Spec)}) is not the one with the lowest AIC ({Name(byAic.Spec)}): " +
                             "fitting the runs in hand and predicting larger ones are different tests; for decisions at scale, trust the backtest.");
        }
        if (best.Error is null && best.Backtest is { } top && !(top.MeanAbsoluteRelativeError <= ExtrapolationTolerance))
            warnings.Add(NoLawExtrapolates(best));
        foreach (var untested in ranked.Where(s => s.BacktestNote is not null))
            warnings.Add($"{Name(untested.Spec)} has no backtest, only its fit to all the runs: {untested.BacktestNote}.");
        foreach (var failed in ranked.Where(s => s.Error is not null))
            warnings.Add($"{Name(failed.Spec)} could not be compared: {failed.Error}");
        return new ComparisonResult(ranked, split.Description, split.Training.Count, split.HeldOut.Count, DataDescription.Of(runs), warnings);
    }

    /// <summary>
    /// A mean relative backtest error above this (10%) means a law does not extrapolate the runs: when
    /// even the best law misses by more, no law is named best.
    /// </summary>
    public const double ExtrapolationTolerance = 0.10;

    /// <summary>What to say when even the best-ranked law misses the held-out runs by more than <see cref="ExtrapolationTolerance"/>.</summary>
    public static string NoLawExtrapolates(LawScore best) =>
        $"no law extrapolates these runs: even the least bad, {Name(best.Spec)}, misses the held-out runs by " +
        $"{NumberFormat.Percent(best.Backtest!.MeanAbsoluteRelativeError)} on average (more than {NumberFormat.Percent(ExtrapolationTolerance)}), " +
        "so its predictions beyond the runs, and allocations from it, are not to be trusted.";

    /// <summary>The law's name with its input when it takes one, e.g. "power (N)".</summary>
    public static string Name(LawSpec law) => law.Name;

    private static void RequireLaws(RunSet runs, IReadOnlyList<LawSpec> laws)
    {
        if (laws.Count == 0)
            throw new FitException($"no law applies to {runs.Source}: it needs N, D or C and the loss.");
    }

    private static LawScore Score(RunSet runs, HoldoutSplit split, LawSpec law, NonlinearFitOptions? fitOptions, NonlinearFitOptions? backtestOptions)
    {
        BacktestResult? backtest = null;
        ScalingFitException? backtestError = null;
        try
        {
            backtest = Backtest.Run(split, law, backtestOptions);
        }
        catch (ScalingFitException e)
        {
            backtestError = e;
        }
        FitResult fit;
        try
        {
            fit = law.Fit(runs, fitOptions);
        }
        catch (ScalingFitException e)
        {
            // The fit to all the runs says best why the law cannot be compared: its count is the file's.
            return new LawScore(law, law.Law.Formula, null, null, null, e.Message);
        }
        var criteria = InformationCriteria.Of(fit, runs);
        return new LawScore(law, fit.Formula, backtest, fit, criteria, null)
        {
            BacktestNote = backtestError is null ? null : BacktestNote(runs, split, criteria.Parameters + 1, backtestError),
        };
    }

    /// <summary>
    /// Why a law fitted to all the runs has no backtest, in one line with the numbers: the least number of
    /// runs the split would need (when too few runs are left to fit), else the fit's own reason.
    /// </summary>
    private static string BacktestNote(RunSet runs, HoldoutSplit split, int needed, ScalingFitException error)
    {
        if (split.Training.Count >= needed)
            return $"no backtest: its fit to the {split.Training.Count} of {runs.Count} runs outside the held-out set failed: {error.Message}";
        int? least = LeastRuns(split.Fraction, needed);
        return least is { } k
            ? $"the backtest needs at least {k} runs ({needed} to fit after holding out the largest {NumberFormat.Percent(split.Fraction)}); {runs.Source} has {runs.Count}"
            : $"the backtest needs at least {needed} runs outside the held-out set ({split.Description}); {runs.Source} has {split.Training.Count} of its {runs.Count}";
    }

    /// <summary>The fewest runs n for which holding out the ⌈f·n⌉ largest leaves <paramref name="needed"/> to fit (null without a fraction).</summary>
    private static int? LeastRuns(double fraction, int needed)
    {
        if (!(fraction > 0 && fraction < 1)) return null;
        for (int n = needed + 1; n < 1_000_000; n++)
            if (n - Math.Max(1, (int)Math.Ceiling(fraction * n - 1e-9)) >= needed) return n;
        return null;
    }
}

/// <summary>How a comparison fits its laws.</summary>
public sealed record ComparisonOptions
{
    /// <summary>Options of the nonlinear fits to all the runs (the bootstrap behind reported intervals goes here).</summary>
    public NonlinearFitOptions? Fit { get; init; }

    /// <summary>Options of the nonlinear fits to the training runs of the backtest; null for the same as <see cref="Fit"/>.</summary>
    public NonlinearFitOptions? Backtest { get; init; }

    /// <summary>Called as each law's backtest and fit start, in order (for progress displays).</summary>
    public Action<LawSpec>? Starting { get; init; }
}

/// <summary>One law's showing in a comparison.</summary>
/// <param name="Spec">The law and its inputs.</param>
/// <param name="Formula">Its formula.</param>
/// <param name="Backtest">Its backtest (null when it could not be fitted).</param>
/// <param name="Fit">Its fit to all the runs (null when it could not be fitted).</param>
/// <param name="Criteria">AIC, BIC and residuals of that fit.</param>
/// <param name="Error">Why it could not be compared, or null.</param>
public sealed record LawScore(
    LawSpec Spec, string Formula, BacktestResult? Backtest, FitResult? Fit, InformationCriteria? Criteria, string? Error)
{
    /// <summary>1 for the law with the smallest backtest error.</summary>
    public int Rank { get; init; }

    /// <summary>
    /// Why a law fitted to all the runs has no backtest (too few runs left after holding some out, with
    /// the numbers); null when it has one or could not be fitted at all.
    /// </summary>
    public string? BacktestNote { get; init; }
}

/// <summary>The result of comparing laws.</summary>
/// <param name="Scores">The laws, best first.</param>
/// <param name="Holdout">Which runs the backtests held out, in words.</param>
/// <param name="TrainingRuns">Runs each backtest fitted.</param>
/// <param name="HeldOutRuns">Runs each backtest predicted.</param>
/// <param name="Data">The runs.</param>
/// <param name="Warnings">Disagreements between the criteria, laws that failed.</param>
public sealed record ComparisonResult(
    IReadOnlyList<LawScore> Scores, string Holdout, int TrainingRuns, int HeldOutRuns, DataDescription Data, IReadOnlyList<string> Warnings)
{
    /// <summary>The best AIC among the laws compared (NaN when none was fitted).</summary>
    public double BestAic => Scores.Where(s => s.Criteria is not null).Select(s => s.Criteria!.Aic).DefaultIfEmpty(double.NaN).Min();

    /// <summary>The best BIC among the laws compared.</summary>
    public double BestBic => Scores.Where(s => s.Criteria is not null).Select(s => s.Criteria!.Bic).DefaultIfEmpty(double.NaN).Min();
}

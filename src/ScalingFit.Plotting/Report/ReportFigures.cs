using System.Collections.Concurrent;
using System.Text;
using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Reporting;

namespace ScalingFit.Plotting.Report;

/// <summary>
/// Renders the figures of the one-command report from its results, in parallel: the backtest of
/// every law, each law's fit, the best law's residuals, the compute-optimal frontier and the IsoFLOP
/// curves, as the <see cref="Image"/> blocks that <see cref="AnalysisReport"/> places.
/// </summary>
public static class ReportFigures
{
    /// <summary>The figures the results allow.</summary>
    public static ReportImages Render(ReportResult result, ReportFigureOptions? options = null)
    {
        options ??= new ReportFigureOptions();
        var jobs = Plan(result);
        var done = new ConcurrentDictionary<string, Image>();
        var failed = new ConcurrentDictionary<string, string>();
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = options.DegreeOfParallelism }, job =>
        {
            try
            {
                done[job.Key] = Draw(job, options.Format);
            }
            catch (Exception e) when (e is ScalingFitException or ArgumentException)
            {
                // One figure the results cannot give should not cost the report the others.
                failed[job.Key] = $"the figure {job.Stem} could not be drawn: {e.Message}";
            }
            options.Rendered?.Invoke(job.Stem);
        });
        Image? Get(string key) => done.TryGetValue(key, out var image) ? image : null;
        return new ReportImages
        {
            Backtest = Get("backtest"),
            Fits = jobs.Where(j => j.Key.StartsWith("fit:", StringComparison.Ordinal) && done.ContainsKey(j.Key))
                .ToDictionary(j => j.Key[4..], j => done[j.Key]),
            Residuals = Get("residuals"),
            Frontier = Get("frontier"),
            LossAgainstCompute = Get("compute"),
            IsoFlop = Get("isoflop"),
            Notes = jobs.Where(j => failed.ContainsKey(j.Key)).Select(j => failed[j.Key]).ToList(),
        };
    }

    /// <summary>A figure to draw: its key, file name stem, caption and renderer.</summary>
    private sealed record Job(string Key, string Stem, string Caption, Func<Figure> Render);

    private static List<Job> Plan(ReportResult result)
    {
        var jobs = new List<Job>();
        var backtests = BacktestRuns.Of(result.Comparison, result.Split);
        if (backtests.Backtests.Count > 0)
            jobs.Add(new("backtest", "backtest",
                "Backtest: each law, fitted to the smaller runs, predicts the held-out ones. Left, predicted against actual loss with " +
                "the law's 95% interval; right, the relative error against scale, with the runs the best law was fitted to in grey.",
                () => new BacktestFigure().Render(backtests)));
        foreach (var score in result.Fitted)
        {
            string name = LawComparison.Name(score.Spec);
            var source = new FittedRuns(score.Fit!, result.Runs);
            // A law of N and D goes along compute budgets: extrapolated on its frontier to the headline budget when it has one,
            // not at all when it has none (a budget's curve carried to sizes no one trains at that budget says nothing).
            var fit = score.Fit!;
            if (fit.Model.Inputs[0].Quantity is not Quantity first) continue;
            bool nAndD = fit.Model.Inputs.Contains(Quantity.ParameterCount) && fit.Model.Inputs.Contains(Quantity.TrainingTokens);
            bool frontier = nAndD && HasFrontier(fit) && result.HeadlineBudget is not null;
            var target = frontier ? new ExtrapolationTarget(Quantity.Compute, result.HeadlineBudget!.Value)
                : nAndD ? null
                : Target(first, result.Runs);
            string caption = frontier
                ? $"The {name} law fitted to all {result.Runs.Count} runs, drawn along compute budgets (one curve per budget, D = C/6N), " +
                  $"with the loss on its compute-optimal frontier L*(C) and its 95% band, extrapolated (dashed) to C = {Style.Ticks.Scientific(target!.Value)}."
                : target is null
                ? $"The {name} law fitted to all {result.Runs.Count} runs, drawn along compute budgets (one curve per budget, D = C/6N, with its 95% band)."
                : $"The {name} law fitted to all {result.Runs.Count} runs, with its 95% band and its extrapolation (dashed) to " +
                  $"{target.Quantity.Symbol()} = {Style.Ticks.Scientific(target.Value)}.";
            jobs.Add(new($"fit:{name}", $"fit-{Slug(name)}", caption,
                () => new FitFigure(new FitFigureOptions { ExtrapolateTo = target }).Render(source)));
        }
        if (result.Best is { Fit: { } best } score0)
        {
            string name = LawComparison.Name(score0.Spec);
            jobs.Add(new("residuals", $"residuals-{Slug(name)}",
                $"Residuals of ln L of the {name} fit, against the fitted loss and against {best.Model.Inputs[0].Name}: the binned means " +
                "(line) would bend where the law misses curvature.",
                () => new ResidualsFigure().Render(new FittedRuns(best, result.Runs))));
        }
        if (result.Optimal is not null || result.IsoFlop is not null)
            jobs.Add(new("frontier", "frontier",
                "The compute-optimal frontier N_opt(C) and D_opt(C)" + (result.Optimal is { } o ? $" of the {o.Fit.Law} law" : "") +
                (result.IsoFlop is not null ? ", the IsoFLOP minima" : "") + ", and the reference slopes of Kaplan et al. 2020 (a = 0.73) and " +
                "Hoffmann et al. 2022 (a = 0.50).",
                () => new FrontierFigure().Render(new FrontierEstimates(result.Optimal, result.IsoFlop))));
        if (result.Optimal is { } allocation && HasFrontier(allocation.Fit) && result.Runs.Has(Quantity.Compute))
        {
            var budget = result.HeadlineBudget is { } h ? new ExtrapolationTarget(Quantity.Compute, h) : null;
            jobs.Add(new("compute", "loss-compute",
                $"Loss against compute: the runs coloured by model size, the {allocation.Fit.Law} law at each size's mean N, and the loss on " +
                "its compute-optimal frontier L*(C), the least loss a budget can buy" +
                (budget is null ? "." : $", extrapolated (dashed) to C = {Style.Ticks.Scientific(budget.Value)}."),
                () => new FitFigure(new FitFigureOptions { Versus = Quantity.Compute, ExtrapolateTo = budget }).Render(new FittedRuns(allocation.Fit, result.Runs))));
        }
        if (result.IsoFlop is { } iso)
            jobs.Add(new("isoflop", "isoflop",
                iso.Vertex == IsoFlopVertex.Akima
                    ? "IsoFLOP curves: the runs of each compute budget, the Akima spline of loss in ln N through them, and its minimum N_opt(C); " +
                      "open vermillion diamonds mark minima at an end of the sizes sampled (edge minima)."
                    : "IsoFLOP curves: the runs of each compute budget, the parabola of loss in ln N fitted to them, and its minimum N_opt(C); " +
                      "open vermillion diamonds mark minima outside the sizes sampled, dashed parabolas open downward.",
                () => new IsoFlopFigure().Render(new IsoFlopRuns(iso, result.Runs))));
        return jobs;
    }

    private static Image Draw(Job job, FigureFormat format)
    {
        using var figure = job.Render();
        return format == FigureFormat.Svg
            ? new Image(job.Caption, job.Stem + ".svg", "image/svg+xml", Encoding.UTF8.GetBytes(figure.ToSvg()))
            : new Image(job.Caption, job.Stem + ".png", "image/png", figure.ToPng());
    }

    /// <summary>Whether the fit's law has a compute-optimal frontier (a closed form, or a law of N and D minimized along C = 6ND).</summary>
    private static bool HasFrontier(Fitting.FitResult fit) => fit.Target.IsLoss && ComputeFrontier.Supports(fit.ScalingLaw);

    /// <summary>A decade beyond the largest value of the law's first input: where the dashed extrapolation ends.</summary>
    private static ExtrapolationTarget Target(Quantity quantity, RunSet runs)
    {
        double largest = double.NegativeInfinity;
        foreach (double v in runs.Values(quantity)) largest = Math.Max(largest, v);
        return new ExtrapolationTarget(quantity, Math.Pow(10, Math.Ceiling(Math.Log10(largest)) + 1));
    }

    /// <summary>"power (N)" → "power-n".</summary>
    internal static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (char c in name.ToLowerInvariant())
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        return string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}

using System.CommandLine;
using ScalingFit.Fitting;
using ScalingFit.Uncertainty;
using Spectre.Console;

namespace ScalingFit.Cli.Common;

/// <summary>Options of nonlinear fits: the loss, the bootstrap and its seed, threads.</summary>
internal sealed class NonlinearOptions
{
    public Option<string> LossFunction { get; } = new("--loss-function")
    {
        Description = "Penalty on residuals of ln L for nonlinear laws: huber (robust, as Hoffmann et al. 2022) or lsq (least squares).",
        DefaultValueFactory = _ => "huber",
    };

    public Option<double> HuberDelta { get; } = new("--huber-delta")
    {
        Description = "Huber's δ: residuals of ln L beyond it are penalized linearly.",
        DefaultValueFactory = _ => 1e-3,
    };

    public Option<int> Bootstrap { get; }

    public Option<long> Seed { get; } = new("--seed")
    {
        Description = "Seed of the bootstrap; the same seed gives the same intervals whatever the number of threads.",
        DefaultValueFactory = _ => 1,
    };

    public Option<string> Starts { get; } = new("--starts")
    {
        Description = "How the start grid is searched: screened (every start on a stratified subsample of 512 runs, the distinct optima " +
                      "finished on all runs; the same optimum, fast on large data) or exhaustive (every start on all runs, for checking).",
        DefaultValueFactory = _ => "screened",
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "Threads for the multi-start search and the bootstrap (default: all cores).",
        DefaultValueFactory = _ => -1,
    };

    /// <summary>The options, with the bootstrap's resamples when --bootstrap is not given (none unless a command needs them).</summary>
    public NonlinearOptions(int defaultBootstrap = 0)
    {
        LossFunction.AcceptOnlyFromAmong("huber", "lsq");
        Starts.AcceptOnlyFromAmong("screened", "exhaustive");
        Bootstrap = new Option<int>("--bootstrap")
        {
            Description = "Resample the runs K times and refit, for percentile intervals of every parameter and prediction (0: asymptotic intervals).",
            DefaultValueFactory = _ => defaultBootstrap,
        };
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { LossFunction, HuberDelta, Bootstrap, Seed, Starts, Threads }) command.Add(option);
    }

    /// <summary>The fit options asked for, with a bootstrap progress callback when one is given.</summary>
    public NonlinearFitOptions Build(ParseResult parse, Action<int>? progress = null)
    {
        int resamples = parse.GetValue(Bootstrap);
        if (resamples < 0) throw new OptionException($"--bootstrap must be 0 or more, got {resamples}.");
        int threads = parse.GetValue(Threads);
        if (threads == 0 || threads < -1) throw new OptionException($"--threads must be positive (or -1 for all cores), got {threads}.");
        var loss = parse.GetValue(LossFunction) == "lsq" ? Fitting.LossFunction.LeastSquares : Fitting.LossFunction.Huber(parse.GetValue(HuberDelta));
        return new NonlinearFitOptions
        {
            Loss = loss,
            DegreeOfParallelism = threads,
            Search = parse.GetValue(Starts) == "exhaustive" ? StartSearch.Exhaustive : StartSearch.Screened,
            Bootstrap = resamples == 0 ? null : new BootstrapOptions(resamples, parse.GetValue(Seed))
            {
                DegreeOfParallelism = threads,
                Progress = progress,
            },
        };
    }

    /// <summary>Refuses the options of nonlinear fits for a law fitted by its closed form (OLS).</summary>
    public void RequireNonlinear(ParseResult parse, LawSpec spec)
    {
        if (!spec.IsNonlinear && (parse.GetValue(Bootstrap) > 0 || parse.GetResult(LossFunction) is { Implicit: false } || parse.GetResult(HuberDelta) is { Implicit: false }
                                   || parse.GetResult(Starts) is { Implicit: false }))
            throw new OptionException(
                $"--bootstrap, --loss-function, --huber-delta and --starts apply to nonlinear fits; the {spec.Law.Name} law is fitted by OLS with exact " +
                "t intervals. Add --nonlinear to fit it nonlinearly, or choose a nonlinear law.");
    }

    /// <summary>Fits the law, showing a progress bar on standard error while a bootstrap runs in a terminal.</summary>
    public FitResult Fit(ParseResult parse, CliContext context, LawSpec spec, Data.RunSet runs)
    {
        int resamples = parse.GetValue(Bootstrap);
        RequireNonlinear(parse, spec);
        if (!spec.IsNonlinear || resamples == 0 || !context.Interactive) return spec.Fit(runs, Build(parse));
        return Rendering.ProgressLayout.Create(context.ErrorConsole, 26).Start(ctx =>
        {
            var starts = ctx.AddTask(Rendering.ProgressLayout.Name("multi-start search", 26), maxValue: 1);
            var task = ctx.AddTask(Rendering.ProgressLayout.Name($"bootstrap ({resamples} resamples)", 26), maxValue: resamples);
            return spec.Fit(runs, Build(parse, done => task.Value = done) with
            {
                StartProgress = (done, total) => { starts.MaxValue = total; starts.Value = done; },
            });
        });
    }
}

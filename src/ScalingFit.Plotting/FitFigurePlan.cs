using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Plotting.Series;

namespace ScalingFit.Plotting;

/// <summary>
/// What a fit figure draws, decided from the law, the runs and the options before anything is
/// drawn: the axis, the colouring quantity and its levels, and how far the curves go.
/// </summary>
/// <param name="Versus">The quantity on the x axis.</param>
/// <param name="By">The quantity that colours the runs (and is held along each level's curve); null for one colour.</param>
/// <param name="Levels">The groups of runs; one group of all runs when <paramref name="By"/> is null.</param>
/// <param name="PerLevelCurves">Whether the law takes inputs besides <paramref name="Versus"/>, so each level gets its own curve.</param>
/// <param name="Extrapolation">Where the dashed extrapolation of the curves ends on the x axis, or null (none, or along the frontier).</param>
/// <param name="Frontier">For a law of N and D with a compute-optimal frontier: the frontier, drawn as L*(C) and extrapolated along it.</param>
/// <param name="FrontierTarget">The budget C the frontier is extrapolated to, or null for the data's budgets only.</param>
internal sealed record FitFigurePlan(
    Quantity Versus, Quantity? By, IReadOnlyList<RunLevel> Levels, bool PerLevelCurves, double? Extrapolation,
    ComputeFrontier? Frontier = null, double? FrontierTarget = null)
{
    /// <summary>Whether the curves follow compute budgets (C held, or N held with C on the axis): the view along which a law of N and D is trained.</summary>
    public bool AlongBudgets => PerLevelCurves && (By == Quantity.Compute || Versus == Quantity.Compute);

    /// <summary>Decides the plan.</summary>
    /// <exception cref="OptionException">The options ask for an axis, level or extrapolation that the law or data cannot give.</exception>
    public static FitFigurePlan Create(FittedRuns source, FitFigureOptions options)
    {
        var model = source.Fit.Model;
        var runs = source.Runs;
        string inputs = string.Join(", ", model.Inputs.Select(q => q.Symbol()));
        bool nAndD = model.Inputs.Contains(Quantity.ParameterCount) && model.Inputs.Contains(Quantity.TrainingTokens);
        var frontier = nAndD ? FrontierOf(source.Fit) : null;
        var target = options.ExtrapolateTo;
        var versus = options.Versus ?? (frontier is null ? target?.Quantity : null) ?? model.Inputs[0];
        // A law of N and D also reads against compute, C = 6ND.
        bool derivable = nAndD && versus == Quantity.Compute;
        if (!model.Inputs.Contains(versus) && !derivable)
            throw new OptionException(options.Versus is null
                ? $"--extrapolate-to {versus.Symbol()}=…: the {source.Fit.Law} law takes {inputs}, so it can be extrapolated along " +
                  $"{inputs} only; for a law in {versus.Symbol()} fit with --x {versus.Symbol()}."
                : $"the {source.Fit.Law} law takes {inputs}; the fit figure plots the loss against one of them, not {versus.Symbol()}.");
        if (target is not null && frontier is null && target.Quantity != versus)
            throw new OptionException(
                $"--extrapolate-to {target.Quantity.Symbol()}=… extrapolates along {target.Quantity.Symbol()}, but the x axis is {versus.Symbol()}; " +
                $"give {versus.Symbol()}=… or put {target.Quantity.Symbol()} on the axis.");

        bool perLevel = model.Inputs.Count > 1;
        var by = options.By ?? DefaultBy(model, versus, runs, nAndD);
        if (by == versus)
            throw new OptionException($"--by {by.Value.Symbol()} is the x axis; colour the runs by another quantity.");
        if (by == Quantity.Loss)
            throw new OptionException("--by loss: the loss is on the y axis; colour the runs by N, D or C.");
        if (by is { } b && !runs.Has(b))
            throw new OptionException($"--by {b.Symbol()}: the data has no {b.Description()} (and it cannot be derived).");
        if (perLevel && by is null)
            throw new OptionException($"the {source.Fit.Law} law takes {inputs}; choose the quantity to hold along each curve with --by.");

        // Budgets bin finer than other levels: a curve holds its level's mean compute, and runs a decade apart lie far from it.
        bool alongBudgets = perLevel && (by == Quantity.Compute || versus == Quantity.Compute);
        var levels = by is { } q
            ? RunLevels.Of(q, runs.Values(q), alongBudgets ? Math.Max(10, options.MaxLevels) : options.MaxLevels)
            : [new RunLevel(0, double.NaN, Enumerable.Range(0, runs.Count).ToList(), "runs")];
        if (perLevel)
        {
            // Fail early, with the option to change, when the law needs an input the level does not give.
            ModelCurve.Complete(model, versus, runs.Value(versus, 0),
                new Dictionary<Quantity, double> { [by!.Value] = levels[0].Center }, new double[model.Inputs.Count]);
        }
        double? budget = frontier is not null && target is not null ? BudgetOf(frontier, target) : null;
        return new FitFigurePlan(versus, by, levels, perLevel, frontier is null ? target?.Value : null, frontier, budget);
    }

    /// <summary>
    /// The quantity held along each curve: for a law of N and D, the compute budget (N when C is on the
    /// axis), the way such models are trained; for another law of several inputs, its other input;
    /// for a law of one input, the compute budget (N when the axis is C) that colours the runs.
    /// </summary>
    private static Quantity? DefaultBy(ILossModel model, Quantity versus, RunSet runs, bool nAndD)
    {
        var preferred = versus == Quantity.Compute ? Quantity.ParameterCount : Quantity.Compute;
        if (nAndD && runs.Has(preferred)) return preferred;
        if (model.Inputs.Count > 1) return model.Inputs.First(q => q != versus);
        return runs.Has(preferred) ? preferred : null;
    }

    /// <summary>The fit's compute-optimal frontier, or null when its law has none (or its exponents leave no optimum).</summary>
    private static ComputeFrontier? FrontierOf(FitResult fit)
    {
        if (fit.ScalingLaw is not { } law || !ComputeFrontier.Supports(law.Name)) return null;
        return ComputeFrontier.TryOf(law, fit.Parameters.Select(p => p.Value).ToArray(), out var frontier, out _) ? frontier : null;
    }

    /// <summary>The budget at which the frontier reaches the target: C itself, the C where N_opt = N, or where D_opt = D.</summary>
    private static double BudgetOf(ComputeFrontier frontier, ExtrapolationTarget target) => target.Quantity switch
    {
        Quantity.Compute => target.Value,
        Quantity.ParameterCount => frontier.ComputeWhereOptimal(target.Value),
        // D_opt = C/(6·G·(C/6)^a) = G⁻¹·(C/6)^(1−a)  ⇒  C = 6·(G·D)^(1/(1−a)).
        _ => Derivation.FlopPerParameterToken * Math.Pow(frontier.Coefficient * target.Value, 1 / frontier.TokenExponent),
    };

    /// <summary>The smallest and largest value of the axis quantity among some runs.</summary>
    public (double Lower, double Upper) Range(RunSet runs, IReadOnlyList<int> rows)
    {
        var values = runs.Values(Versus);
        double lower = double.PositiveInfinity, upper = double.NegativeInfinity;
        foreach (int row in rows)
        {
            lower = Math.Min(lower, values[row]);
            upper = Math.Max(upper, values[row]);
        }
        return (lower, upper);
    }
}

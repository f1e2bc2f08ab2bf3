using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
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
    LawInput Versus, LawInput? By, IReadOnlyList<RunLevel> Levels, bool PerLevelCurves, double? Extrapolation,
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
        string inputs = model.Inputs.Names();
        bool nAndD = model.Inputs.Contains(Quantity.ParameterCount) && model.Inputs.Contains(Quantity.TrainingTokens);
        var frontier = nAndD ? FrontierOf(source.Fit) : null;
        var target = options.ExtrapolateTo;
        var asked = options.Versus ?? (frontier is null ? target?.Quantity : null);
        var versus = asked is { } v ? LawInput.Of(v) : model.Inputs[0];
        // A law of N and D also reads against compute, C = 6ND.
        bool derivable = nAndD && versus == Quantity.Compute;
        if (!model.Inputs.Contains(versus) && !derivable)
            throw options.Versus is null
                ? new OptionException("FitFigureOptions.ExtrapolateTo", $"{versus.Name}=…: the {source.Fit.Law} law takes {inputs}, so it can be extrapolated along " +
                  $"{inputs} only; for a law in {versus.Name} fit it with {versus.Name} as its input.")
                : new OptionException("FitFigureOptions.Versus", $"the {source.Fit.Law} law takes {inputs}; the fit figure plots the loss against one of them, not {versus.Name}.");
        if (target is not null && frontier is null && target.Quantity != versus)
            throw new OptionException("FitFigureOptions.ExtrapolateTo",
                $"{target.Quantity.Symbol()}=… extrapolates along {target.Quantity.Symbol()}, but the x axis is {versus.Name}; " +
                $"give {versus.Name}=… or put {target.Quantity.Symbol()} on the axis.");

        // Inputs that are columns (unique tokens…) are held at their mean along every curve; N, D and C make the levels.
        bool perLevel = model.Inputs.Count(i => i.Quantity is not null) > 1;
        var by = options.By is { } byQuantity ? LawInput.Of(byQuantity) : DefaultBy(model, versus, runs, nAndD);
        if (by is not null && by == versus)
            throw new OptionException("FitFigureOptions.By", $"{by.Name} is the x axis; colour the runs by another quantity.");
        if (by?.Quantity == Quantity.Loss && source.Fit.Target.IsLoss)
            throw new OptionException("FitFigureOptions.By", "loss: the loss is on the y axis; colour the runs by N, D or C.");
        if (by is { } b && !runs.Has(b))
            throw new OptionException("FitFigureOptions.By", $"{b.Name}: the data has no {b.Description} (and it cannot be derived).");
        if (perLevel && by is null)
            throw new OptionException("FitFigureOptions.By", $"the {source.Fit.Law} law takes {inputs}; choose the quantity to hold along each curve.");

        // Budgets bin finer than other levels: a curve holds its level's mean compute, and runs a decade apart lie far from it.
        bool alongBudgets = perLevel && (by == Quantity.Compute || versus == Quantity.Compute);
        var levels = by is { } q
            ? RunLevels.Of(q.Name, source.Column(q), alongBudgets ? Math.Max(10, options.MaxLevels) : options.MaxLevels)
            : [new RunLevel(0, double.NaN, Enumerable.Range(0, runs.Count).ToList(), "runs")];
        if (perLevel)
        {
            // Fail early, with the option to change, when the law needs an input the level does not give.
            var held = source.HeldColumns(levels[0].Rows);
            held[by!] = levels[0].Center;
            ModelCurve.Complete(model, versus, source.Column(versus)[0], held, new double[model.Inputs.Count]);
        }
        double? budget = frontier is not null && target is not null ? BudgetOf(frontier, target) : null;
        return new FitFigurePlan(versus, by, levels, perLevel, frontier is null ? target?.Value : null, frontier, budget);
    }

    /// <summary>
    /// The quantity held along each curve: for a law of N and D, the compute budget (N when C is on the
    /// axis), the way such models are trained; for another law of several inputs, its other input;
    /// for a law of one input, the compute budget (N when the axis is C) that colours the runs.
    /// </summary>
    private static LawInput? DefaultBy(ILossModel model, LawInput versus, RunSet runs, bool nAndD)
    {
        var preferred = versus.Quantity == Quantity.Compute ? Quantity.ParameterCount : Quantity.Compute;
        if (nAndD && runs.Has(preferred)) return LawInput.Of(preferred);
        var others = model.Inputs.Where(q => q != versus && q.Quantity is not null).ToList();
        if (others.Count > 0) return others[0];
        return runs.Has(preferred) ? LawInput.Of(preferred) : null;
    }

    /// <summary>
    /// The fit's compute-optimal frontier (a closed form, or the law minimized numerically along C = 6ND),
    /// or null when its law has none, its exponents leave no optimum, or it predicts something other than the loss.
    /// </summary>
    private static ComputeFrontier? FrontierOf(FitResult fit) =>
        fit.Target.IsLoss && ComputeFrontier.TryOf(fit, out var frontier) ? frontier : null;

    /// <summary>The budget at which the frontier reaches the target: C itself, the C where N_opt = N, or where D_opt = D.</summary>
    private static double BudgetOf(ComputeFrontier frontier, ExtrapolationTarget target) => target.Quantity switch
    {
        Quantity.Compute => target.Value,
        Quantity.ParameterCount => frontier.ComputeWhereOptimal(target.Value),
        _ => frontier.ComputeWhereOptimalTokens(target.Value),
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

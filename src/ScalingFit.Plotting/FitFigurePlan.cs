using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Plotting.Series;

namespace ScalingFit.Plotting;

/// <summary>
/// What a fit figure draws, decided from the law, the runs and the options before anything is
/// drawn: the axis, the colouring quantity and its levels, and how far the curves go.
/// </summary>
/// <param name="Versus">The input on the x axis.</param>
/// <param name="By">The quantity that colours the runs (and is held along each level's curve); null for one colour.</param>
/// <param name="Levels">The groups of runs; one group of all runs when <paramref name="By"/> is null.</param>
/// <param name="PerLevelCurves">Whether the law takes inputs besides <paramref name="Versus"/>, so each level gets its own curve.</param>
/// <param name="Extrapolation">Where the dashed extrapolation ends, or null.</param>
internal sealed record FitFigurePlan(
    LawInput Versus, LawInput? By, IReadOnlyList<RunLevel> Levels, bool PerLevelCurves, double? Extrapolation)
{
    /// <summary>Decides the plan.</summary>
    /// <exception cref="OptionException">The options ask for an axis, level or extrapolation that the law or data cannot give.</exception>
    public static FitFigurePlan Create(FittedRuns source, FitFigureOptions options)
    {
        var model = source.Fit.Model;
        var runs = source.Runs;
        string inputs = model.Inputs.Names();
        var asked = options.Versus ?? options.ExtrapolateTo?.Quantity;
        var versus = asked is { } v ? LawInput.Of(v) : model.Inputs[0];
        if (!model.Inputs.Contains(versus))
            throw options.Versus is null
                ? new OptionException("FitFigureOptions.ExtrapolateTo", $"{versus.Name}=…: the {source.Fit.Law} law takes {inputs}, so it can be extrapolated along " +
                  $"{inputs} only; for a law in {versus.Name} fit it with {versus.Name} as its input.")
                : new OptionException("FitFigureOptions.Versus", $"the {source.Fit.Law} law takes {inputs}; the fit figure plots the loss against one of them, not {versus.Name}.");
        if (options.ExtrapolateTo is { } target && target.Quantity != versus)
            throw new OptionException("FitFigureOptions.ExtrapolateTo",
                $"{target.Quantity.Symbol()}=… extrapolates along {target.Quantity.Symbol()}, but the x axis is {versus.Name}; " +
                $"give {versus.Name}=… or put {target.Quantity.Symbol()} on the axis.");

        bool perLevel = model.Inputs.Count(i => i.Quantity is not null) > 1;
        var by = options.By is { } byQuantity ? LawInput.Of(byQuantity) : DefaultBy(model, versus, runs);
        if (by is not null && by == versus)
            throw new OptionException("FitFigureOptions.By", $"{by.Name} is the x axis; colour the runs by another quantity.");
        if (by?.Quantity == Quantity.Loss && source.Fit.Target.IsLoss)
            throw new OptionException("FitFigureOptions.By", "loss: the loss is on the y axis; colour the runs by N, D or C.");
        if (by is { } b && !runs.Has(b))
            throw new OptionException("FitFigureOptions.By", $"{b.Name}: the data has no {b.Description} (and it cannot be derived).");
        if (perLevel && by is null)
            throw new OptionException("FitFigureOptions.By", $"the {source.Fit.Law} law takes {inputs}; choose the quantity to hold along each curve.");

        var levels = by is { } q
            ? RunLevels.Of(q.Name, runs.Values(q), options.MaxLevels)
            : [new RunLevel(0, double.NaN, Enumerable.Range(0, runs.Count).ToList(), "runs")];
        if (perLevel)
        {
            // Fail early, with the option to change, when the law needs an input the level does not give.
            var held = source.HeldColumns(levels[0].Rows);
            held[by!] = levels[0].Center;
            ModelCurve.Complete(model, versus, source.Column(versus)[0], held, new double[model.Inputs.Count]);
        }
        return new FitFigurePlan(versus, by, levels, perLevel, options.ExtrapolateTo?.Value);
    }

    /// <summary>The other input of a law of several inputs; else the compute budget, or N when the axis is C.</summary>
    private static LawInput? DefaultBy(ILossModel model, LawInput versus, RunSet runs)
    {
        var others = model.Inputs.Where(q => q != versus && q.Quantity is not null).ToList();
        if (others.Count > 0) return others[0];
        var preferred = versus.Quantity == Quantity.Compute ? Quantity.ParameterCount : Quantity.Compute;
        return runs.Has(preferred) ? LawInput.Of(preferred) : null;
    }

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

using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Plotting.Style;

namespace ScalingFit.Plotting.Series;

/// <summary>
/// The loss on a law's compute-optimal frontier, L*(C) = L(N_opt(C), D_opt(C)), with the law's 95%
/// band, against the figure's axis (N_opt, D_opt or C itself): solid over the budgets whose optimum
/// lies within the sizes and tokens fitted, dashed beyond them, out to the extrapolation's budget.
/// </summary>
internal static class FrontierLoss
{
    /// <summary>The frontier's curve, or null when the plan has no frontier.</summary>
    public static FitCurve? Sample(FittedRuns source, FitFigurePlan plan)
    {
        if (plan.Frontier is not { } frontier) return null;
        var model = source.Fit.Model;
        var compute = source.Runs.Values(Quantity.Compute);
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (double c in compute) { low = Math.Min(low, c); high = Math.Max(high, c); }
        var (solidLow, solidHigh) = FittedSpan(frontier, model, low, high);
        double from = Math.Min(solidLow, plan.FrontierTarget ?? solidLow), to = Math.Max(solidHigh, plan.FrontierTarget ?? solidHigh);
        var beyond = new List<CurvePoints>();
        foreach (var (a, b) in new[] { (from, solidLow), (solidHigh, to) })
            if (b / a > 1.0001) beyond.Add(Along(frontier, model, plan.Versus, a, b, 60, intervals: false));
        return new FitCurve(FigureStyle.Model, FigureStyle.BandAlpha,
            Along(frontier, model, plan.Versus, from, to, 160, intervals: true),
            Along(frontier, model, plan.Versus, solidLow, solidHigh, 100, intervals: false),
            beyond);
    }

    /// <summary>
    /// The budgets within [<paramref name="low"/>, <paramref name="high"/>] whose N_opt and D_opt both lie
    /// within the ranges fitted; the whole range when none does (then all of it is drawn solid as the data's).
    /// </summary>
    private static (double Low, double High) FittedSpan(ComputeFrontier frontier, ILossModel model, double low, double high)
    {
        var sizes = model.InputRanges[IndexOf(model, Quantity.ParameterCount)];
        var tokens = model.InputRanges[IndexOf(model, Quantity.TrainingTokens)];
        double from = Math.Max(low, Math.Max(frontier.ComputeWhereOptimal(sizes.Lower), frontier.ComputeWhereOptimalTokens(tokens.Lower)));
        double to = Math.Min(high, Math.Min(frontier.ComputeWhereOptimal(sizes.Upper), frontier.ComputeWhereOptimalTokens(tokens.Upper)));
        return to > from * 1.0001 ? (from, to) : (low, high);
    }

    /// <summary>The frontier sampled at log-spaced budgets, in log₁₀ coordinates of the axis quantity and the loss.</summary>
    private static CurvePoints Along(ComputeFrontier frontier, ILossModel model, LawInput versus, double from, double to, int points, bool intervals)
    {
        var (x, y, lower, upper) = (new double[points], new double[points], new double[points], new double[points]);
        var inputs = new double[model.Inputs.Count];
        double a = Math.Log10(from), b = Math.Log10(to);
        for (int i = 0; i < points; i++)
        {
            double c = Math.Pow(10, a + (b - a) * i / (points - 1));
            double n = frontier.OptimalParameters(c), d = frontier.OptimalTokens(c);
            for (int j = 0; j < inputs.Length; j++)
                inputs[j] = model.Inputs[j].Quantity switch { Quantity.ParameterCount => n, Quantity.TrainingTokens => d, _ => c };
            x[i] = Math.Log10(versus.Quantity switch { Quantity.ParameterCount => n, Quantity.TrainingTokens => d, _ => c });
            y[i] = Math.Log10(model.Predict(inputs));
            var interval = intervals ? model.PredictionInterval(inputs) : new Interval(double.NaN, double.NaN);
            (lower[i], upper[i]) = (Math.Log10(interval.Lower), Math.Log10(interval.Upper));
        }
        return new CurvePoints(x, y, lower, upper);
    }

    private static int IndexOf(ILossModel model, Quantity quantity)
    {
        for (int i = 0; i < model.Inputs.Count; i++)
            if (model.Inputs[i].Quantity == quantity) return i;
        throw new ArgumentException($"the law takes no {quantity.Symbol()}");
    }
}

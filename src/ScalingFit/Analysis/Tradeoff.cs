using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Analysis;

/// <summary>
/// The cost trade-off along a ladder of model sizes: at each rung the law's loss, the gain ΔL over
/// the rung below, the cost (training compute C = 6ND times a cost per FLOP, or a given cost), the
/// added cost and ΔL per unit of added cost, marked where it falls below a threshold; with
/// accelerators, the wall-clock days and accelerator-hours of each rung. Tokens come from the
/// rung, a fixed tokens-per-parameter ratio, or the compute-optimal rule of the fitted law
/// (D = D_opt at the budget where N is the optimal size).
/// </summary>
public static class Tradeoff
{
    /// <summary>Costs and gains along the ladder.</summary>
    /// <exception cref="OptionException">No token rule applies (a law without a frontier and no ratio), or a bad option value.</exception>
    /// <exception cref="FitException">The fitted law has no frontier (an exponent ≤ 0) and the compute-optimal rule was asked for.</exception>
    public static TradeoffResult Analyze(FitResult fit, IReadOnlyList<LadderRung> ladder, TradeoffOptions? options = null)
    {
        options ??= new TradeoffOptions();
        if (ladder.Count == 0) throw new OptionException("the ladder has no rungs.");
        options.Validated();
        var accelerators = options.Accelerators;
        foreach (var rung in ladder) Guard.Positive(rung.ParameterCount, "a rung's N");
        var frontier = options.TokensPerParameter is null && ComputeFrontier.Supports(fit.ScalingLaw) ? ComputeFrontier.Of(fit) : null;
        Func<double, double>? rule = options.TokensPerParameter is { } r ? n => r * n
            : frontier is not null ? n => frontier.ComputeWhereOptimal(n) / (Derivation.FlopPerParameterToken * n)
            : null;
        if (rule is null) RequireTokenRule(fit.ScalingLaw, ladder, options);
        string tokenRule = options.TokensPerParameter is { } t ? $"D = {t.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}·N"
            : frontier is not null ? $"compute-optimal: D = D_opt at the budget where N is optimal ({fit.Law} frontier, N_opt ∝ C^{Significant(frontier.ParameterExponent, 4)})"
            : "D from the ladder table";
        if (rule is not null && ladder.Any(g => g.TrainingTokens is not null)) tokenRule = "D from the ladder table where given, else " + tokenRule;
        double costPerFlop = options.CostPerFlop ?? 1;
        string unit = options.CostUnit ?? (options.CostPerFlop is null && ladder.All(g => g.Cost is null) ? "FLOP" : "cost units");

        var rows = new List<TradeoffRow>(ladder.Count);
        foreach (var rung in ladder)
        {
            double n = rung.ParameterCount, d = rung.TrainingTokens ?? rule!(n);
            double c = Derivation.FlopPerParameterToken * n * d;
            var p = Predictor.Predict(fit, new Dictionary<Quantity, double> { [Quantity.ParameterCount] = n, [Quantity.TrainingTokens] = d });
            double cost = rung.Cost ?? c * costPerFlop;
            var previous = rows.Count > 0 ? rows[^1] : null;
            double gain = previous is null ? double.NaN : previous.Loss - p.Loss;
            double added = previous is null ? double.NaN : cost - previous.Cost;
            double perCost = added > 0 ? gain / added : double.NaN;
            bool below = options.MinGainPerCost is { } min && double.IsFinite(perCost) && perCost < min;
            rows.Add(new TradeoffRow(n, d, c, p.Loss, p.Interval, gain, cost, added, perCost, below,
                accelerators is null ? null : new TrainingTime(accelerators.Days(c), accelerators.AcceleratorHours(c))));
        }

        var decades = rule is null ? [] : Decades(fit, ladder, rule, costPerFlop);
        return new TradeoffResult(fit, rows, decades, tokenRule, unit, options.MinGainPerCost, accelerators, Warnings(fit, rows));
    }

    /// <summary>Checks, before fitting, that every rung will have its tokens: from the rung, a ratio or the law's frontier.</summary>
    /// <exception cref="OptionException">A rung without D, no ratio, and a law without a compute-optimal rule.</exception>
    public static void RequireTokenRule(IScalingLaw law, IReadOnlyList<LadderRung> ladder, TradeoffOptions options)
    {
        if (options.TokensPerParameter is null && !ComputeFrontier.Supports(law) && ladder.Any(g => g.TrainingTokens is null))
            throw new OptionException($"{nameof(TradeoffOptions)}.{nameof(TradeoffOptions.TokensPerParameter)}",
                $"the {law.Name} law has no compute-optimal rule for the tokens of each size; give a tokens-per-parameter ratio " +
                "(e.g. 20), or a ladder table with a D column, or use a law of N and D such as chinchilla.");
    }

    /// <summary>Loss gains decade by decade (at least 1e7 → 1e8 → 1e9, and across the ladder), under the same token rule and cost per FLOP.</summary>
    private static List<DecadeGain> Decades(FitResult fit, IReadOnlyList<LadderRung> ladder, Func<double, double> rule, double costPerFlop)
    {
        int low = (int)Math.Floor(Math.Log10(Math.Min(ladder.Min(g => g.ParameterCount), 1e7)) + 1e-9);
        int high = (int)Math.Ceiling(Math.Log10(Math.Max(ladder.Max(g => g.ParameterCount), 1e9)) - 1e-9);
        (double Loss, double Cost) At(double n)
        {
            double d = rule(n);
            var p = Predictor.Predict(fit, new Dictionary<Quantity, double> { [Quantity.ParameterCount] = n, [Quantity.TrainingTokens] = d });
            return (p.Loss, Derivation.FlopPerParameterToken * n * d * costPerFlop);
        }
        var gains = new List<DecadeGain>();
        for (int k = low; k < high; k++)
        {
            double from = Math.Pow(10, k), to = Math.Pow(10, k + 1);
            var (lossFrom, costFrom) = At(from);
            var (lossTo, costTo) = At(to);
            gains.Add(new DecadeGain(from, to, lossFrom, lossTo, costTo - costFrom));
        }
        return gains;
    }

    private static List<string> Warnings(FitResult fit, List<TradeoffRow> rows)
    {
        var warnings = new List<string>();
        int j = fit.Inputs.ToList().IndexOf(LawInput.Of(Quantity.ParameterCount));
        if (j >= 0)
        {
            double largest = fit.Model.InputRanges[j].Upper;
            var beyond = rows.Where(r => r.ParameterCount > largest).ToList();
            if (beyond.Count > 0)
                warnings.Add($"{beyond.Count} of {rows.Count} rungs lie beyond the largest N fitted ({Significant(largest, 3)}), up to " +
                             $"{Math.Log10(beyond.Max(r => r.ParameterCount) / largest).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} " +
                             "decades: their losses assume the law holds out there.");
        }
        if (rows.Skip(1).Any(r => !(r.AddedCost > 0)))
            warnings.Add("some rungs cost no more than the rung before, so their gain per unit cost is undefined; order the ladder by cost.");
        if (rows.Skip(1).Any(r => r.LossGain < 0))
            warnings.Add("some rungs predict a higher loss than the rung before (fewer tokens than the smaller model had?).");
        warnings.AddRange(fit.Warnings);
        return warnings;
    }
}

/// <summary>Training time of a rung.</summary>
/// <param name="WallClockDays">C/(F·U·K)/86,400.</param>
/// <param name="AcceleratorHours">C/(F·U)/3,600.</param>
public sealed record TrainingTime(double WallClockDays, double AcceleratorHours);

/// <summary>One rung of the trade-off.</summary>
/// <param name="ParameterCount">N.</param>
/// <param name="TrainingTokens">D.</param>
/// <param name="Compute">C = 6ND.</param>
/// <param name="Loss">The law's loss at (N, D).</param>
/// <param name="LossInterval">The law's 95% interval there.</param>
/// <param name="LossGain">ΔL: the loss of the rung before minus this one's (NaN for the first).</param>
/// <param name="Cost">The cost of training this rung.</param>
/// <param name="AddedCost">Its cost minus the rung before's.</param>
/// <param name="GainPerCost">ΔL per unit of added cost.</param>
/// <param name="BelowThreshold">Whether ΔL per unit cost fell below the threshold.</param>
/// <param name="Time">Training time, when accelerators were given.</param>
public sealed record TradeoffRow(
    double ParameterCount, double TrainingTokens, double Compute, double Loss, Interval LossInterval, double LossGain,
    double Cost, double AddedCost, double GainPerCost, bool BelowThreshold, TrainingTime? Time)
{
    /// <summary>D/N.</summary>
    public double TokensPerParameter => TrainingTokens / ParameterCount;

    /// <summary>N back in non-embedding parameters when the runs were converted to total (null otherwise; NaN when it cannot be).</summary>
    public double? NonEmbeddingParameterCount { get; init; }
}

/// <summary>The loss gained by a tenfold larger model under the ladder's token rule.</summary>
/// <param name="From">N at the start of the decade.</param>
/// <param name="To">N at its end (10·From).</param>
/// <param name="LossFrom">The law's loss at From.</param>
/// <param name="LossTo">The law's loss at To.</param>
/// <param name="AddedCost">The cost of To minus the cost of From.</param>
public sealed record DecadeGain(double From, double To, double LossFrom, double LossTo, double AddedCost)
{
    /// <summary>LossFrom − LossTo.</summary>
    public double Gain => LossFrom - LossTo;
}

/// <summary>The result of a cost trade-off.</summary>
/// <param name="Fit">The law the losses come from.</param>
/// <param name="Rows">One per rung.</param>
/// <param name="Decades">Gains decade by decade: the diminishing returns.</param>
/// <param name="TokenRule">How D was chosen, in words.</param>
/// <param name="CostUnit">The unit of cost.</param>
/// <param name="MinGainPerCost">The threshold, if any.</param>
/// <param name="Accelerators">The accelerators, if any.</param>
/// <param name="Warnings">Extrapolation and ordering warnings.</param>
public sealed record TradeoffResult(
    FitResult Fit, IReadOnlyList<TradeoffRow> Rows, IReadOnlyList<DecadeGain> Decades, string TokenRule, string CostUnit,
    double? MinGainPerCost, AcceleratorSpec? Accelerators, IReadOnlyList<string> Warnings)
{
    /// <summary>How N was given back in non-embedding parameters (the runs' N was converted to total), or null.</summary>
    public string? BackConversion { get; init; }

    /// <summary>The first rung whose gain per unit cost fell below the threshold, or null.</summary>
    public TradeoffRow? FirstBelowThreshold => Rows.FirstOrDefault(r => r.BelowThreshold);
}

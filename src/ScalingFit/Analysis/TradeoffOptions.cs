using ScalingFit.Data;

namespace ScalingFit.Analysis;

/// <summary>One rung of a ladder of model sizes: N, and optionally its tokens and its cost when they are given.</summary>
/// <param name="ParameterCount">N.</param>
/// <param name="TrainingTokens">D, or null for the ladder's token rule.</param>
/// <param name="Cost">The rung's cost, or null for compute × cost per FLOP.</param>
/// <param name="Line">The input line of a rung read from a table (0 otherwise).</param>
public sealed record LadderRung(double ParameterCount, double? TrainingTokens = null, double? Cost = null, long Line = 0);

/// <summary>Accelerators that train the models: peak FLOP/s each, the fraction of it achieved, how many.</summary>
/// <param name="FlopsPerSecond">F: peak FLOP per second of one accelerator (e.g. 9.89e14 for an H100's dense BF16).</param>
/// <param name="Utilization">U: the achieved fraction of peak (model FLOP utilization), in (0, 1].</param>
/// <param name="Count">K: accelerators training in parallel.</param>
public sealed record AcceleratorSpec(double FlopsPerSecond, double Utilization, int Count = 1)
{
    /// <summary>Checks the values.</summary>
    /// <exception cref="OptionException">F not positive, U outside (0, 1], or K below 1.</exception>
    public AcceleratorSpec Validated()
    {
        Guard.Positive(FlopsPerSecond, "AcceleratorSpec.FlopsPerSecond", "an accelerator's peak FLOP/s");
        if (!(Utilization > 0 && Utilization <= 1))
            throw new OptionException("AcceleratorSpec.Utilization", $"the utilization is a fraction of peak in (0, 1], got {NumberFormat.Significant(Utilization, 4)}.");
        Guard.AtLeast(Count, 1, "AcceleratorSpec.Count", "the number of accelerators");
        return this;
    }

    /// <summary>Wall-clock days to train with C FLOP: C/(F·U·K)/86,400.</summary>
    public double Days(double compute) => compute / (FlopsPerSecond * Utilization * Count) / 86_400;

    /// <summary>Accelerator-hours: C/(F·U)/3,600 (the same whatever K).</summary>
    public double AcceleratorHours(double compute) => compute / (FlopsPerSecond * Utilization) / 3_600;
}

/// <summary>How a trade-off ladder is costed and judged.</summary>
public sealed record TradeoffOptions
{
    /// <summary>Tokens per parameter for every rung without its own D; null for the compute-optimal rule of the fitted law.</summary>
    public double? TokensPerParameter { get; init; }

    /// <summary>Cost of one training FLOP; null to count cost in FLOP (cost = C = 6ND).</summary>
    public double? CostPerFlop { get; init; }

    /// <summary>The unit of cost for reports (default: FLOP, or "cost units" with a cost per FLOP).</summary>
    public string? CostUnit { get; init; }

    /// <summary>Rungs whose loss gain per unit of added cost falls below this are marked.</summary>
    public double? MinGainPerCost { get; init; }

    /// <summary>The accelerators, for training time; null for none.</summary>
    public AcceleratorSpec? Accelerators { get; init; }

    /// <summary>Checks the values before any fitting starts.</summary>
    /// <exception cref="OptionException">A ratio or cost per FLOP that is not positive, or bad accelerators.</exception>
    public TradeoffOptions Validated()
    {
        if (TokensPerParameter is { } ratio) Guard.Positive(ratio, "TradeoffOptions.TokensPerParameter", "the tokens per parameter");
        if (CostPerFlop is { } price) Guard.Positive(price, "TradeoffOptions.CostPerFlop", "the cost per FLOP");
        if (MinGainPerCost is { } min && !double.IsFinite(min))
            throw new OptionException("TradeoffOptions.MinGainPerCost", "the least gain per cost must be a finite number.");
        Accelerators?.Validated();
        return this;
    }
}

/// <summary>Ladders of model sizes.</summary>
public static class Ladder
{
    /// <summary>N = from·factor^k for k = 0, 1, … while N ≤ to (doubling by default).</summary>
    /// <exception cref="OptionException">from or to not positive, to ≤ from, factor ≤ 1, or more than 10,000 rungs.</exception>
    public static IReadOnlyList<LadderRung> Geometric(double from, double to, double factor = 2)
    {
        Guard.Positive(from, "Ladder.From", "the smallest size of the ladder");
        Guard.Positive(to, "Ladder.To", "the largest size of the ladder");
        if (!(to > from))
            throw new OptionException("Ladder.To", $"the largest size of the ladder ({NumberFormat.Significant(to)}) must exceed the smallest ({NumberFormat.Significant(from)}).");
        if (!(factor > 1) || double.IsInfinity(factor))
            throw new OptionException("Ladder.Factor", $"the ladder's factor must exceed 1, got {NumberFormat.Significant(factor)}.");
        int count = (int)Math.Floor(Math.Log(to / from) / Math.Log(factor) + 1e-9) + 1;
        if (count > 10_000) throw new OptionException($"the ladder from {NumberFormat.Significant(from, 3)} to {NumberFormat.Significant(to, 3)} by ×{NumberFormat.Significant(factor, 3)} has {count} rungs; at most 10000.");
        return Enumerable.Range(0, count).Select(k => new LadderRung(from * Math.Pow(factor, k))).ToList();
    }

    /// <summary>
    /// Rungs from a table read as runs: N from its N column, D when it has one, cost from
    /// <paramref name="costColumn"/> (or a column named "cost" when there is one).
    /// </summary>
    /// <exception cref="DataException">No N column, a named cost column that is missing, or a cost that is not a positive number.</exception>
    public static IReadOnlyList<LadderRung> FromTable(RunSet table, string? costColumn = null)
    {
        if (table.Count == 0) throw new DataException("the ladder table has no rows.", table.Source);
        var n = table.Values(Quantity.ParameterCount);
        bool tokens = table.Has(Quantity.TrainingTokens);
        string? cost = costColumn ?? (table.HasColumn("cost") ? "cost" : null);
        if (cost is not null && !table.HasColumn(cost)) throw table.UnknownColumn(cost);
        var rungs = new List<LadderRung>(table.Count);
        for (int i = 0; i < table.Count; i++)
        {
            double? c = null;
            if (cost is not null)
            {
                string text = table.Text(cost, i);
                if (!NumberText.TryParse(text, out var value) || !(value > 0) || double.IsInfinity(value))
                    throw new DataException($"the cost '{text}' is not a positive number.", table.Source, table.Line(i), cost);
                c = value;
            }
            rungs.Add(new LadderRung(n[i], tokens ? table.Value(Quantity.TrainingTokens, i) : null, c, table.Line(i)));
        }
        return rungs;
    }
}

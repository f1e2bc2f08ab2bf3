using ScalingFit.Data;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Analysis;

/// <summary>
/// Which runs a backtest holds out: those above a threshold of N, D or C, or the largest fraction
/// of the runs by compute. The law is fitted to the rest and judged on how it extrapolates.
/// </summary>
public sealed record Holdout
{
    private Holdout(Quantity quantity, double threshold, double fraction)
    {
        Quantity = quantity;
        Threshold = threshold;
        Fraction = fraction;
    }

    /// <summary>The quantity the split is on.</summary>
    public Quantity Quantity { get; }

    /// <summary>Runs with the quantity strictly above this are held out (NaN for a fraction).</summary>
    public double Threshold { get; }

    /// <summary>The fraction of runs with the largest value of <see cref="Quantity"/> held out (NaN for a threshold).</summary>
    public double Fraction { get; }

    /// <summary>Holds out the runs whose N, D or C exceeds the threshold.</summary>
    /// <exception cref="OptionException">The quantity is the loss, or the threshold is not positive.</exception>
    public static Holdout Above(Quantity quantity, double threshold)
    {
        if (quantity == Quantity.Loss) throw new OptionException("hold out runs by N, D or C, not by their loss (which is what is predicted).");
        Guard.Positive(threshold, "Holdout.Threshold", $"the threshold of {quantity.Symbol()} above which runs are held out");
        return new Holdout(quantity, threshold, double.NaN);
    }

    /// <summary>
    /// Holds out the given fraction of runs with the largest compute: the ⌈fraction·n⌉ largest, and
    /// every run with as much compute as the smallest of those (runs of one budget stay together).
    /// </summary>
    /// <exception cref="OptionException">The fraction is not strictly between 0 and 1.</exception>
    public static Holdout LargestCompute(double fraction) => Largest(Quantity.Compute, fraction);

    /// <summary>
    /// Holds out the given fraction of runs with the largest N, D or C (for runs that log no compute):
    /// the ⌈fraction·n⌉ largest, and every run with as much as the smallest of those.
    /// </summary>
    /// <exception cref="OptionException">The fraction is not strictly between 0 and 1, or the quantity is the loss.</exception>
    public static Holdout Largest(Quantity quantity, double fraction)
    {
        if (quantity == Quantity.Loss) throw new OptionException("hold out runs by N, D or C, not by their loss (which is what is predicted).");
        if (!(fraction > 0 && fraction < 1))
            throw new OptionException("Holdout.Fraction", $"the fraction of runs held out must lie strictly between 0 and 1, got {Significant(fraction, 4)}.");
        return new Holdout(quantity, double.NaN, fraction);
    }

    /// <summary>Splits the runs into those fitted and those held out.</summary>
    /// <exception cref="FitException">Nothing would be held out, or nothing would be left to fit.</exception>
    /// <exception cref="DataException">The runs lack the quantity.</exception>
    public HoldoutSplit Split(RunSet runs)
    {
        var values = runs.Values(Quantity).ToArray();
        string symbol = Quantity.Symbol();
        double cut = Threshold;
        string description;
        Func<double, bool> heldOut;
        if (double.IsNaN(Fraction))
        {
            heldOut = v => v > cut;
            description = $"runs with {symbol} > {Significant(cut, 4)}";
        }
        else
        {
            int count = Math.Max(1, (int)Math.Ceiling(Fraction * values.Length - 1e-9));
            cut = values.OrderDescending().ElementAt(Math.Min(count, values.Length) - 1);
            heldOut = v => v >= cut;
            string by = Quantity switch { Quantity.Compute => "compute", Quantity.ParameterCount => "size", _ => "tokens" };
            description = $"the largest {Percent(Fraction)} of runs by {by} ({symbol} ≥ {Significant(cut, 4)})";
        }
        var test = Enumerable.Range(0, values.Length).Where(i => heldOut(values[i])).ToList();
        var train = Enumerable.Range(0, values.Length).Where(i => !heldOut(values[i])).ToList();
        string aside = "";
        if (runs.Clusters is { } clusters && test.Count > 0)
        {
            // Checkpoints of one run share its noise: a run with a checkpoint held out is held out whole, its earlier
            // checkpoints set aside rather than fitted, so the backtest predicts runs the law never saw.
            var heldRuns = test.Select(clusters.Of).ToHashSet();
            int before = train.Count;
            train = train.Where(i => !heldRuns.Contains(clusters.Of(i))).ToList();
            if (train.Count < before)
                aside = $"; {before - train.Count} earlier checkpoints of the {heldRuns.Count} held-out runs set aside, so the law is fitted " +
                        $"to the {train.Select(clusters.Of).Distinct().Count()} runs with no checkpoint held out";
        }
        if (test.Count == 0)
            throw new FitException(
                $"the held-out set is empty: no run has {symbol} above {Significant(cut, 4)} (the largest {symbol} in {runs.Source} " +
                $"is {Significant(values.Max(), 4)}); lower the threshold so that some runs are left to predict.");
        if (train.Count == 0)
            throw new FitException(aside.Length > 0
                ? $"every run has a checkpoint held out ({description}), so no whole run is left to fit; raise the threshold or lower the fraction."
                : $"every run would be held out ({description}); nothing is left to fit. Raise the threshold or lower the fraction.");
        description += aside;
        return new HoldoutSplit(
            runs.Subset(train, $"fitted to the {train.Count} runs outside the held-out set ({description})"),
            runs.Subset(test, $"held out {test.Count} {description}"),
            test, description) { Fraction = Fraction };
    }
}

/// <summary>Runs split for a backtest.</summary>
/// <param name="Training">The runs the law is fitted to.</param>
/// <param name="HeldOut">The runs it must predict.</param>
/// <param name="HeldOutRows">The held-out runs' rows in the original set.</param>
/// <param name="Description">Which runs were held out, in words.</param>
public sealed record HoldoutSplit(RunSet Training, RunSet HeldOut, IReadOnlyList<int> HeldOutRows, string Description)
{
    /// <summary>The fraction of the largest runs held out; NaN when the runs above a threshold were.</summary>
    public double Fraction { get; init; } = double.NaN;
}

namespace ScalingFit.Data;

/// <summary>
/// What the numbers mean: a loss column that is a perplexity (refused: cross-entropy = ln
/// perplexity) or an accuracy (rises with N), and N or D in a unit other than plain counts.
/// </summary>
internal static class MeaningChecks
{
    /// <summary>Above this a "loss" is not nats per token: ln(vocabulary) is about 11 for 50k tokens.</summary>
    public const double MaxPlausibleLoss = 20;

    public static bool NamesPerplexity(string column) =>
        column.Contains("ppl", StringComparison.OrdinalIgnoreCase) || column.Contains("perplexity", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="DataException">The loss column is a perplexity (by name, or by a median above 20).</exception>
    public static void RefusePerplexity(RunSet runs)
    {
        if (!runs.Has(Quantity.Loss) || runs.Origin(Quantity.Loss) is not { Column: { } column, Transform: null }) return;
        var loss = Finite(runs.RawValues(Quantity.Loss));
        if (loss.Length == 0) return;
        double median = Median(loss), max = loss.Max();
        bool named = NamesPerplexity(column);
        if (!named && median <= MaxPlausibleLoss) return;
        string why = named ? "its name says perplexity" : $"its median is {NumberFormat.Significant(median, 3)}, above {MaxPlausibleLoss} nats per token";
        throw new DataException(
            $"the loss column looks like a perplexity ({why}; values up to {NumberFormat.Significant(max, 4)}). Scaling laws fit the " +
            "loss in nats per token: fit ln of it with --loss-transform ln (cross-entropy = ln perplexity).", runs.Source, null, column);
    }

    public static RunSet Warn(RunSet runs)
    {
        if (!runs.Has(Quantity.Loss)) return runs;
        var loss = runs.RawValues(Quantity.Loss);
        int high = 0;
        double max = 0;
        foreach (double v in loss) if (v > MaxPlausibleLoss) { high++; max = Math.Max(max, v); }
        if (high > 0)
            runs = runs.WithWarning(new DataWarning(DataWarning.LossAbove20,
                $"{high} of {runs.Count} runs have a loss above {MaxPlausibleLoss} nats per token (up to {NumberFormat.Significant(max, 4)}): diverged runs, or perplexities?",
                runs.Origin(Quantity.Loss)?.Column));
        if (runs.Has(Quantity.ParameterCount) && runs.Count >= 4 && Finite(loss) is { Length: >= 4 } finite && finite.All(v => v is >= 0 and <= 1))
        {
            double rho = Spearman(runs.RawValues(Quantity.ParameterCount), loss);
            if (rho > 0.3 && runs.Origin(Quantity.Loss)?.Column is { } column)
                runs = runs.WithWarning(new DataWarning(DataWarning.AccuracyLikeLoss,
                    $"the loss column lies in [0, 1] and rises with N (Spearman ρ = {NumberFormat.Significant(rho, 2)}): it looks like an accuracy, " +
                    $"which a law of falling loss does not describe; fit it as a metric, --y '{column}' --residuals logit " +
                    "(a law of N and D for a rate in (0, 1)), rather than as the loss.",
                    column));
        }
        if (runs.Has(Quantity.ParameterCount) && runs.Origin(Quantity.ParameterCount) is { IsDerived: false, Unit: null } n
            && Finite(runs.RawValues(Quantity.ParameterCount)) is { Length: > 0 } counts && counts.Max() < 1000)
            runs = runs.WithWarning(new DataWarning(DataWarning.ParameterUnit,
                $"N is at most {counts.Max().ToString("G4", System.Globalization.CultureInfo.InvariantCulture)}, too few to be parameters: is '{n.Column}' in millions or billions? " +
                "Give the unit with --n-unit M|B, or in the header ('Model Size (B)').", n.Column));
        if (runs.Has(Quantity.ParameterCount) && runs.Has(Quantity.TrainingTokens)
            && runs.Origin(Quantity.TrainingTokens) is { IsDerived: false } d)
        {
            var ratio = Finite(Ratios(runs.RawValues(Quantity.TrainingTokens), runs.RawValues(Quantity.ParameterCount)));
            if (ratio.Length > 0 && Median(ratio) < 1)
                runs = runs.WithWarning(new DataWarning(DataWarning.TokenUnit,
                    $"D is below N for most runs (median D/N = {NumberFormat.Significant(Median(ratio), 3)}): is '{d.Column}' in millions or billions of tokens? " +
                    "Give the unit with --d-unit M|B|T, or in the header ('tokens (B)').", d.Column));
        }
        return runs;
    }

    internal static double[] Finite(ReadOnlySpan<double> values)
    {
        var list = new List<double>(values.Length);
        foreach (double v in values) if (double.IsFinite(v)) list.Add(v);
        return [.. list];
    }

    internal static double[] Ratios(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var r = new double[a.Length];
        for (int i = 0; i < r.Length; i++) r[i] = a[i] / b[i];
        return r;
    }

    /// <summary>The median, by selection (O(n), not a sort: these checks run on a million rows).</summary>
    internal static double Median(double[] values)
    {
        var copy = (double[])values.Clone();
        int n = copy.Length;
        double upper = Select(copy, n / 2);
        return n % 2 == 1 ? upper : 0.5 * (upper + MaxBelow(copy, n / 2));
    }

    /// <summary>Rearranges <paramref name="a"/> so that a[k] is the k-th smallest (Hoare's selection) and returns it.</summary>
    private static double Select(double[] a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (lo < hi)
        {
            double pivot = a[lo + (hi - lo) / 2];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) (a[i], a[j]) = (a[j], a[i]);
                if (i <= j) { i++; j--; }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else break;
        }
        return a[k];
    }

    private static double MaxBelow(double[] a, int k)
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < k; i++) max = Math.Max(max, a[i]);
        return max;
    }

    /// <summary>Spearman's rank correlation over the pairs where both values are finite.</summary>
    private static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var pairs = new List<(double X, double Y)>();
        for (int i = 0; i < x.Length; i++) if (double.IsFinite(x[i]) && double.IsFinite(y[i])) pairs.Add((x[i], y[i]));
        if (pairs.Count < 3) return 0;
        return MathNet.Numerics.Statistics.Correlation.Spearman(pairs.Select(p => p.X), pairs.Select(p => p.Y));
    }
}

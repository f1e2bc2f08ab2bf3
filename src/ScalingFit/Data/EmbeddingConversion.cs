using System.Globalization;

namespace ScalingFit.Data;

/// <summary>
/// Converts a non-embedding parameter count N (Kaplan et al. 2020's convention, and what shapes give
/// as 12·n_layer·d_model²) to total parameters before fitting, adding each run's embedding
/// parameters (<see cref="EmbeddingSpec"/>). Fitting non-embedding N over small models, where
/// embeddings are a large share, bends the exponent toward Kaplan's (Pearce &amp; Song 2024).
/// </summary>
public static class EmbeddingConversion
{
    /// <summary>The embedding share of the smallest models above which fitting non-embedding N is warned about.</summary>
    public const double LargeShare = 0.2;

    /// <summary>
    /// The runs with N replaced by total parameters (N + embeddings, per run), noted with the
    /// median share added; or, when <see cref="EmbeddingSpec.Convert"/> is false, the runs as they
    /// are with a warning (code <see cref="DataWarning.EmbeddingShare"/>) when the smallest models'
    /// embeddings exceed <see cref="LargeShare"/> of their total.
    /// </summary>
    /// <exception cref="OptionException">No width column is named or found.</exception>
    /// <exception cref="DataException">A width cell is not a positive integer (named by line and column).</exception>
    public static RunSet ToTotal(RunSet runs, EmbeddingSpec spec)
    {
        spec = spec.Validated();
        string width = WidthColumn(runs, spec);
        var n = runs.Values(Quantity.ParameterCount);
        var total = new double[runs.Count];
        var share = new double[runs.Count];
        for (int i = 0; i < total.Length; i++)
        {
            long d = ShapeDerivation.Cell(runs, width, i);
            double added;
            try { added = spec.AddedParameters(d); }
            catch (OverflowException) { throw runs.ErrorAt(i, width, "the embedding count V·d_model does not fit in a 64-bit integer."); }
            total[i] = n[i] + added;
            share[i] = added / total[i];
        }
        string what = Describe(spec, width);
        if (!spec.Convert) return WarnIfLarge(runs, n, share, what);
        var origin = ColumnOrigin.Derived($"N + {what}");
        var converted = runs.WithQuantity(Quantity.ParameterCount, total, origin,
            $"N converted from non-embedding to total parameters by adding {what} per run (embeddings are a median " +
            $"{Percent(Median(share))} of the total; {Percent(share.Min())} to {Percent(share.Max())})");
        return EmbeddingComputeCheck.Apply(Rederived(converted, total));
    }

    /// <summary>A compute derived as 6ND from the non-embedding N, derived again from the total; a D derived as C/(6N) is noted as such.</summary>
    private static RunSet Rederived(RunSet runs, double[] total)
    {
        if (runs.Origin(Quantity.Compute) is { IsDerived: true } c && runs.Has(Quantity.TrainingTokens))
        {
            var d = runs.RawValues(Quantity.TrainingTokens);
            var compute = new double[runs.Count];
            for (int i = 0; i < compute.Length; i++) compute[i] = Derivation.FlopPerParameterToken * total[i] * d[i];
            return runs.WithQuantity(Quantity.Compute, compute, c, "C derived again as 6ND from the total N");
        }
        if (runs.Origin(Quantity.TrainingTokens) is { IsDerived: true })
            return runs.WithNote("D was derived as C/(6N) from the non-embedding N, as the data's C counts it; it is kept");
        return runs;
    }

    /// <summary>The width column named, or the first alias the data has.</summary>
    internal static string WidthColumn(RunSet runs, EmbeddingSpec spec)
    {
        if (spec.WidthColumn is { } named)
            return runs.HasColumn(named) ? named
                : throw new OptionException("EmbeddingSpec.WidthColumn", $"no column '{named}' for the width d_model; the columns are: {string.Join(", ", runs.ColumnNames)}.");
        return ShapeDerivation.WidthAliases.FirstOrDefault(runs.HasColumn)
            ?? throw new OptionException("EmbeddingSpec.WidthColumn",
                $"converting N between non-embedding and total parameters needs each run's width d_model (embeddings are V·d_model), " +
                $"but the data has no column {string.Join(", ", ShapeDerivation.WidthAliases.Select(a => $"'{a}'"))}; name the width column. " +
                $"The columns are: {string.Join(", ", runs.ColumnNames)}.");
    }

    private static RunSet WarnIfLarge(RunSet runs, ReadOnlySpan<double> n, double[] share, string what)
    {
        double smallest = double.MaxValue;
        foreach (var v in n) smallest = Math.Min(smallest, v);
        var atSmallest = new List<double>();
        for (int i = 0; i < n.Length; i++) if (n[i] <= smallest * 1.0000001) atSmallest.Add(share[i]);
        double s = Median([.. atSmallest]);
        var noted = runs.WithNote($"N is non-embedding; embeddings ({what}) would be a median {Percent(Median(share))} of the total");
        if (s <= LargeShare) return noted;
        return noted.WithWarning(new DataWarning(DataWarning.EmbeddingShare,
            $"N is non-embedding and the smallest models' embeddings are {Percent(s)} of their parameters (N = " +
            $"{smallest.ToString("0.##e0", CultureInfo.InvariantCulture)}): a law fitted on non-embedding N over such models has an exponent " +
            $"that leans toward Kaplan's (Pearce & Song 2024); convert N to total parameters to compare with Chinchilla."));
    }

    private static string Describe(EmbeddingSpec spec, string width)
    {
        string v = spec.Vocabulary.ToString(CultureInfo.InvariantCulture);
        string head = spec.UntiedHead ? $"2·{v}·{width} (untied head)" : $"{v}·{width}";
        return spec.LearnedPositions > 0 ? $"{head} + {spec.LearnedPositions.ToString(CultureInfo.InvariantCulture)}·{width} (learned positions)" : head;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static string Percent(double share) => NumberFormat.Percent(share);
}

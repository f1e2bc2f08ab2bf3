namespace ScalingFit.Data;

/// <summary>
/// Whether a C column agrees with the training-compute approximation C ≈ 6ND (Kaplan et al. 2020,
/// section 2.1): the median and range of C/(6ND), a warning outside [0.9, 1.1] naming the likely
/// convention (2ND: forward-only; ND; 8ND: with recomputation; a unit), and C = 6ND on request.
/// </summary>
internal static class ComputeCheck
{
    public const double Low = 0.9, High = 1.1;

    public static RunSet Apply(RunSet runs, ComputeConvention convention, bool chosen)
    {
        if (!runs.Has(Quantity.Compute) || !runs.Has(Quantity.ParameterCount) || !runs.Has(Quantity.TrainingTokens)) return runs;
        var c = runs.Origin(Quantity.Compute)!;
        if (c.IsDerived || runs.Origin(Quantity.TrainingTokens)!.IsDerived || runs.Origin(Quantity.ParameterCount)!.IsDerived) return runs;
        var n = runs.RawValues(Quantity.ParameterCount);
        var d = runs.RawValues(Quantity.TrainingTokens);
        var ratio = MeaningChecks.Finite(Ratios(runs.RawValues(Quantity.Compute), n, d));
        if (ratio.Length == 0) return runs;
        double median = MeaningChecks.Median(ratio), min = ratio.Min(), max = ratio.Max();
        string summary = $"C/(6ND) has median {G3(median)} (range {G3(min)} to {G3(max)})";
        if (convention == ComputeConvention.SixND)
        {
            var values = new double[runs.Count];
            for (int i = 0; i < values.Length; i++) values[i] = Derivation.FlopPerParameterToken * n[i] * d[i];
            return runs.WithQuantity(Quantity.Compute, values, ColumnOrigin.Derived("6ND"),
                $"C = 6ND used in place of the column '{c.Column}' (as asked); in the column {summary}",
                runs.Issues(Quantity.ParameterCount).Concat(runs.Issues(Quantity.TrainingTokens)).ToArray());
        }
        if (median is >= Low and <= High || chosen) return runs.WithNote(summary);
        return runs.WithWarning(new DataWarning(DataWarning.ComputeConvention,
            $"C is {NumberFormat.Significant(median, 2)}·6ND ({summary}): {Likely(median)} Analyses that convert between C, N and D " +
            "assume C = 6ND; choose with --compute-convention 6nd (use 6ND) or column (keep C as written).", c.Column));
    }

    private static string G3(double x) =>
        Math.Abs(x) is >= 1e-3 and < 1e6 ? x.ToString("G3", System.Globalization.CultureInfo.InvariantCulture) : NumberFormat.Significant(x, 3);

    private static string Likely(double ratio) => ratio switch
    {
        >= 0.28 and <= 0.38 => "forward-only FLOPs (2ND)?",
        >= 0.14 and <= 0.19 => "N·D without the factor 6?",
        >= 1.25 and <= 1.45 => "8ND (activation recomputation)?",
        >= 1.1 and < 1.25 or > 0.38 and < 0.9 => "it counts something besides 6ND (attention FLOPs, embeddings, a different N)?",
        < 1e-3 => CUnit(ratio),
        > 1e3 => $"N·D is {PowerOfTen(ratio)} times too small for C: is N or D in millions or billions? Give the unit with --n-unit or --d-unit, or in the header ('Model Size (B)').",
        _ => "another convention or another unit?",
    };

    /// <summary>C written in a large unit makes C/(6ND) tiny: the unit that brings it to 1, PF-days (8.64e19 FLOP) or a power of ten.</summary>
    private static string CUnit(double ratio)
    {
        if (ratio * 8.64e19 is >= 0.8 and <= 1.25) return "C is in PF-days (8.64e19 FLOP)? Give the unit with --c-unit PF-days, or in the header ('C (PF-days)').";
        string power = PowerOfTen(1 / ratio);
        return NumberText.TryParse(power, out var scale) && ratio * scale is >= 0.8 and <= 1.25
            ? $"C is in units of {power} FLOP? Give the unit with --c-unit {power}, or in the header ('C ({power})')."
            : "C is in another unit (PF-days = 8.64e19 FLOP, or a power of ten)? Give it with --c-unit.";
    }

    private static string PowerOfTen(double x) => $"1e{(int)Math.Round(Math.Log10(x))}";

    private static double[] Ratios(ReadOnlySpan<double> c, ReadOnlySpan<double> n, ReadOnlySpan<double> d)
    {
        var r = new double[c.Length];
        for (int i = 0; i < r.Length; i++) r[i] = c[i] / (Derivation.FlopPerParameterToken * n[i] * d[i]);
        return r;
    }
}

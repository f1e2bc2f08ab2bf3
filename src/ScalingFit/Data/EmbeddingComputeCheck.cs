using System.Globalization;

namespace ScalingFit.Data;

/// <summary>
/// A C column checked again against C ≈ 6ND once a non-embedding N is converted to total parameters
/// (<see cref="EmbeddingConversion"/>): a C that counts the embeddings agrees with 6ND only after the
/// conversion (the warning raised on the non-embedding N is withdrawn), and a C computed as 6ND from
/// the non-embedding N (Kaplan et al. 2020's convention) disagrees with it after (warned, with the ratio).
/// </summary>
internal static class EmbeddingComputeCheck
{
    public static RunSet Apply(RunSet converted)
    {
        if (!converted.Has(Quantity.Compute) || !converted.Has(Quantity.TrainingTokens)) return converted;
        if (converted.Origin(Quantity.Compute) is not { IsDerived: false } c || converted.Origin(Quantity.TrainingTokens) is { IsDerived: true }) return converted;
        var compute = converted.RawValues(Quantity.Compute);
        var n = converted.Values(Quantity.ParameterCount);
        var d = converted.RawValues(Quantity.TrainingTokens);
        var ratios = new double[compute.Length];
        for (int i = 0; i < ratios.Length; i++) ratios[i] = compute[i] / (Derivation.FlopPerParameterToken * n[i] * d[i]);
        var finite = MeaningChecks.Finite(ratios);
        if (finite.Length == 0) return converted;
        double median = MeaningChecks.Median(finite);
        string summary = $"with N converted to total parameters, C/(6ND) has median {G3(median)} (range {G3(finite.Min())} to {G3(finite.Max())})";
        bool warned = converted.Warnings.Any(w => w.Code == DataWarning.ComputeConvention);
        if (median is >= ComputeCheck.Low and <= ComputeCheck.High)
            return warned
                ? converted.WithoutWarnings(DataWarning.ComputeConvention).WithNote($"{summary}: the data's C counts the embeddings, and the warning on C against the non-embedding N is withdrawn")
                : converted.WithNote(summary);
        if (warned) return converted.WithNote(summary);
        return converted.WithWarning(new DataWarning(DataWarning.ComputeConvention,
            $"C is {NumberFormat.Significant(median, 2)}·6ND once N counts the embeddings ({summary}): the data's C seems to be 6ND with the " +
            "non-embedding N (Kaplan et al. 2020's convention). Analyses that convert between C, N and D assume C = 6ND with the total N; " +
            "derive C = 6ND from the total N instead of the column to be consistent.", c.Column));
    }

    private static string G3(double x) => x.ToString("G3", CultureInfo.InvariantCulture);
}

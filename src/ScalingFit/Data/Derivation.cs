namespace ScalingFit.Data;

/// <summary>
/// Fills quantities the data lacks from those it has: N from shape columns d_model and n_layer
/// (<see cref="ShapeDerivation"/>), then the training-compute approximation C ≈ 6·N·D (Kaplan et
/// al. 2020, section 2.1): D = C/(6N), C = 6ND, N = C/(6D). Derived values are marked in
/// <see cref="RunSet.Origin"/> and noted.
/// </summary>
public static class Derivation
{
    /// <summary>FLOP per parameter per training token in the approximation C ≈ 6ND.</summary>
    public const double FlopPerParameterToken = 6.0;

    /// <summary>
    /// Derives N from the shape columns when the data has them and no N, then whichever one of N,
    /// D and C is missing when the other two are present.
    /// </summary>
    /// <exception cref="DataException">A shape cell is not a positive integer.</exception>
    public static RunSet Complete(RunSet runs)
    {
        runs = ShapeDerivation.Complete(runs);
        bool n = runs.Has(Quantity.ParameterCount), d = runs.Has(Quantity.TrainingTokens), c = runs.Has(Quantity.Compute);
        if (n && c && !d)
            return Derive(runs, Quantity.TrainingTokens, "C/(6N)", (nv, dv, cv) => cv / (FlopPerParameterToken * nv));
        if (n && d && !c)
            return Derive(runs, Quantity.Compute, "6ND", (nv, dv, cv) => FlopPerParameterToken * nv * dv);
        if (d && c && !n)
            return Derive(runs, Quantity.ParameterCount, "C/(6D)", (nv, dv, cv) => cv / (FlopPerParameterToken * dv));
        return runs;
    }

    private static RunSet Derive(RunSet runs, Quantity target, string formula, Func<double, double, double, double> f)
    {
        // From the values as read: a bad input cell makes the derived value bad too, and is reported
        // (by line and column) only if the derived quantity is used.
        var n = Get(runs, Quantity.ParameterCount);
        var d = Get(runs, Quantity.TrainingTokens);
        var c = Get(runs, Quantity.Compute);
        var values = new double[runs.Count];
        for (int i = 0; i < values.Length; i++) values[i] = f(n[i], d[i], c[i]);
        var issues = Quantities.Inputs.Where(q => q != target && runs.Has(q)).SelectMany(runs.Issues).OrderBy(i => i.Row).ToArray();
        return runs.WithQuantity(target, values, ColumnOrigin.Derived(formula),
            $"{target.Symbol()} derived as {formula} (the data has no {target.Symbol()} column)", issues);
    }

    private static double[] Get(RunSet runs, Quantity q) => runs.Has(q) ? runs.RawValues(q).ToArray() : new double[runs.Count].Select(_ => double.NaN).ToArray();
}

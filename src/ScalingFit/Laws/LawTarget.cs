using ScalingFit.Data;

namespace ScalingFit.Laws;

/// <summary>
/// What a law predicts: the loss (the default), or any numeric column of the runs (a learning
/// rate, a batch size, a benchmark's accuracy or error rate).
/// </summary>
public sealed record LawTarget
{
    private LawTarget(string name, Quantity? quantity)
    {
        Name = name;
        Quantity = quantity;
    }

    /// <summary>The loss.</summary>
    public static LawTarget Loss { get; } = new("loss", Data.Quantity.Loss);

    /// <summary>A numeric column; "loss" or "L" is the loss.</summary>
    /// <exception cref="OptionException">The name is empty.</exception>
    public static LawTarget Column(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new OptionException("the target column needs a name.");
        if (Quantities.TryParse(name, out var q)) return q == Data.Quantity.Loss ? Loss : new LawTarget(q.Symbol(), q);
        return new LawTarget(name.Trim(), null);
    }

    /// <summary>The name in tables and JSON: "loss", or the column's name.</summary>
    public string Name { get; }

    /// <summary>The quantity, or null for a column.</summary>
    public Quantity? Quantity { get; }

    /// <summary>Whether this is the loss.</summary>
    public bool IsLoss => Quantity == Data.Quantity.Loss;

    /// <summary>The symbol in formulas: L for the loss, else the name.</summary>
    public string Symbol => IsLoss ? "L" : Name;

    /// <summary>
    /// A law's formula as it reads for this target: a built-in law's "L = k·C^a_C" fitted to a learning rate reads
    /// "lr = k·C^a_C", and a formula without a left side gains this one; for the loss, the formula as it is.
    /// </summary>
    public string Written(string formula)
    {
        if (IsLoss) return formula;
        if (formula.StartsWith("L = ", StringComparison.Ordinal)) return $"{Symbol} = {formula[4..]}";
        return formula.Contains('=') ? formula : $"{Symbol} = {formula}";
    }

    /// <summary>A phrase with units for axis titles.</summary>
    public string Description => Quantity?.Description() ?? Name;

    /// <summary>The target's values, one per run.</summary>
    /// <exception cref="DataException">The runs lack the column, or a cell is not a number.</exception>
    public double[] Values(RunSet runs) => Quantity is { } q ? runs.Values(q).ToArray() : runs.Numbers(Name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

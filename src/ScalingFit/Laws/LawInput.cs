using ScalingFit.Data;

namespace ScalingFit.Laws;

/// <summary>
/// An input of a law: one of the quantities N, D, C, or any numeric column of the runs (unique
/// tokens, learning rate, a benchmark's loss…). Two inputs are equal when they name the same
/// quantity, or the same column ignoring case.
/// </summary>
public sealed class LawInput : IEquatable<LawInput>, IComparable<LawInput>
{
    private LawInput(string name, Quantity? quantity)
    {
        Name = name;
        Quantity = quantity;
    }

    /// <summary>The name in formulas, tables and JSON: N, D, C, or the column's name.</summary>
    public string Name { get; }

    /// <summary>The quantity, or null for a column.</summary>
    public Quantity? Quantity { get; }

    /// <summary>A phrase with units for axis titles: "parameters N", or "unique_tokens".</summary>
    public string Description => Quantity?.Description() ?? Name;

    /// <summary>The input for a quantity: N, D, C, or the loss L (for laws of a metric against the loss).</summary>
    public static LawInput Of(Quantity quantity) => Cache[(int)quantity];

    /// <summary>The input for a numeric column of the runs.</summary>
    /// <exception cref="OptionException">The name is empty.</exception>
    public static LawInput Column(string name) => string.IsNullOrWhiteSpace(name)
        ? throw new OptionException("an input column needs a name.")
        : Quantities.TryParse(name, out var q) ? Of(q) : new LawInput(name.Trim(), null);

    /// <summary>The input for a quantity.</summary>
    public static implicit operator LawInput(Quantity quantity) => Of(quantity);

    private static readonly LawInput[] Cache = Quantities.All.Select(q => new LawInput(q == Data.Quantity.Loss ? "L" : q.Symbol(), q)).ToArray();

    /// <inheritdoc/>
    public bool Equals(LawInput? other) => other is not null &&
        (Quantity is { } q ? other.Quantity == q : other.Quantity is null && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LawInput other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Quantity is { } q ? (int)q : StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <summary>Quantities first (N, D, C), then columns by name.</summary>
    public int CompareTo(LawInput? other)
    {
        if (other is null) return 1;
        return (Quantity, other.Quantity) switch
        {
            ({ } a, { } b) => a.CompareTo(b),
            ({ }, null) => -1,
            (null, { }) => 1,
            _ => StringComparer.OrdinalIgnoreCase.Compare(Name, other.Name),
        };
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(LawInput? a, LawInput? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Inequality.</summary>
    public static bool operator !=(LawInput? a, LawInput? b) => !(a == b);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Reading a law's inputs from runs.</summary>
public static class LawInputs
{
    /// <summary>Whether the runs have the input (a quantity read or derived, or a column).</summary>
    public static bool Has(this RunSet runs, LawInput input) =>
        input.Quantity is { } q ? runs.Has(q) : runs.HasColumn(input.Name);

    /// <summary>The input's values, one per run (see <see cref="RunSet.Numbers"/>).</summary>
    /// <exception cref="DataException">The runs lack the input, or a value of it cannot be used (named by file, line and column).</exception>
    public static double[] Values(this RunSet runs, LawInput input) =>
        input.Quantity is { } q ? runs.Values(q).ToArray() : runs.Numbers(input.Name);

    /// <summary>The symbols of inputs joined by commas: "N, D".</summary>
    public static string Names(this IEnumerable<LawInput> inputs, string separator = ", ") =>
        string.Join(separator, inputs.Select(i => i.Name));

    /// <summary>Inputs for quantities.</summary>
    public static IReadOnlyList<LawInput> Of(params IEnumerable<Quantity> quantities) => quantities.Select(LawInput.Of).ToList();
}

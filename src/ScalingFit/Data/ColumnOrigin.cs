namespace ScalingFit.Data;

/// <summary>Where the values of a quantity came from: a column of the input, or a derivation.</summary>
/// <param name="Column">The input column the values were read from, or null when derived.</param>
/// <param name="Formula">How the values were derived (e.g. "C/(6N)"), or null when read.</param>
public sealed record ColumnOrigin(string? Column, string? Formula)
{
    /// <summary>Whether the values were computed from other quantities rather than read.</summary>
    public bool IsDerived => Formula is not null;

    /// <summary>Values read from the named column.</summary>
    public static ColumnOrigin Read(string column) => new(column, null);

    /// <summary>Values computed by a formula.</summary>
    public static ColumnOrigin Derived(string formula) => new(null, formula);

    /// <summary>"column 'Model Size'" or "derived as C/(6N)".</summary>
    public override string ToString() => IsDerived ? $"derived as {Formula}" : $"column '{Column}'";
}

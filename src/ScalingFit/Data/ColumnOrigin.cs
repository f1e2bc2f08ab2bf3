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

    /// <summary>The unit the column's values were scaled by (from its header or an option), or null for plain values.</summary>
    public ColumnUnit? Unit { get; init; }

    /// <summary>How the column's values were transformed (e.g. "ln"), or null.</summary>
    public string? Transform { get; init; }

    /// <summary>"column 'Model Size'", "column 'Model Size (B)' in units of B (×1e9)" or "derived as C/(6N)".</summary>
    public override string ToString() => IsDerived
        ? $"derived as {Formula}"
        : $"{(Transform is null ? "" : Transform + " of ")}column '{Column}'{(Unit is null ? "" : " " + Unit.Describe())}";
}

namespace ScalingFit.Data;

/// <summary>Warnings dropped when a check is redone on part of the runs (a group of them).</summary>
public sealed partial class RunSet
{
    /// <summary>The same runs without the warnings of the given codes.</summary>
    internal RunSet WithoutWarnings(params string[] codes) =>
        new(Source, Count, _quantities, _origins, _issues, _names, _columns, _lines, _rowOrigins, Notes,
            Warnings.Where(w => !codes.Contains(w.Code, StringComparer.Ordinal)).ToList());
}

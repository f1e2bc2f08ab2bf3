namespace ScalingFit.Data;

/// <summary>Warnings withdrawn when a later step shows they no longer hold.</summary>
public sealed partial class RunSet
{
    /// <summary>The same runs without the warnings of a code, and a note on why.</summary>
    public RunSet WithoutWarnings(string code, string? note = null) =>
        new(Source, Count, _quantities, _origins, _issues, _names, _columns, _lines, _rowOrigins, NotesWith(note),
            Warnings.Where(w => w.Code != code).ToList(), _clusters);
}

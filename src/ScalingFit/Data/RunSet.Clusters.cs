namespace ScalingFit.Data;

/// <summary>Which rows belong to the same run.</summary>
public sealed partial class RunSet
{
    /// <summary>
    /// The runs the rows belong to when rows are checkpoints or repeated measurements of fewer runs
    /// (fits then resample and cluster whole runs); null when every row is a run of its own.
    /// </summary>
    public RunClusters? Clusters => _clusters;

    /// <summary>The same rows with the runs they belong to (null: every row its own run), and a note on them.</summary>
    public RunSet WithClusters(RunClusters? clusters, string? note = null) =>
        new(Source, Count, _quantities, _origins, _issues, _names, _columns, _lines, _rowOrigins, NotesWith(note), Warnings, clusters);

    /// <summary>How many independent runs the rows are: the clusters' count, or the rows when every row is a run.</summary>
    public int IndependentRuns => _clusters?.Count ?? Count;
}

namespace ScalingFit.Data;

/// <summary>
/// Reading runs with the selection applied as rows are read (<see cref="StreamingSelection"/>)
/// when the selection filters rows or keeps one row per run; otherwise, and for wide chart
/// exports (melted whole), the table is read whole and prepared.
/// </summary>
internal static class StreamingRuns
{
    /// <summary>
    /// Whether reading can drop rows as they come: filters or one row per run, and a long table. Keeping every
    /// checkpoint of each run (--select all, for intervals clustered by run) reduces nothing: the table is read whole.
    /// </summary>
    public static bool Applies(RunReadOptions read, RunSelection selection) =>
        !read.Wide && selection.Checkpoint != CheckpointChoice.All && (selection.Where.Count > 0 || selection.RunColumns.Count > 0);

    /// <exception cref="DataException">The input is malformed or a value cannot be used.</exception>
    public static RunSet Load(string path, RunReadOptions read, RunSelection selection, int chunkRows = StreamingSelection.DefaultChunkRows)
    {
        var sink = new StreamingSelection(read, selection, chunkRows);
        try
        {
            return Finish(sink, InputFiles.Read(path, ColumnResolver.NumbersOnly(read), sink), read, selection);
        }
        catch (StreamingRestartException)
        {
            return RunPreparation.Prepare(RunReader.ReadPath(path, read), selection);
        }
    }

    /// <exception cref="DataException">The input is malformed or a value cannot be used.</exception>
    public static RunSet Load(Stream input, string source, RunReadOptions read, RunSelection selection, int chunkRows = StreamingSelection.DefaultChunkRows)
    {
        long start = input.CanSeek ? input.Position : -1;
        var sink = new StreamingSelection(read, selection, chunkRows);
        try
        {
            return Finish(sink, TableReader.Read(input, source, ColumnResolver.NumbersOnly(read), sink: sink), read, selection);
        }
        catch (StreamingRestartException) when (start >= 0)
        {
            input.Position = start;
            return RunPreparation.Prepare(RunReader.Read(input, source, read), selection);
        }
        catch (StreamingRestartException)
        {
            throw new DataException(
                "columns that first appear part-way through the input change which columns the filters or the run selection read; " +
                "rows already passed over cannot be read again from a pipe: read the input from a file.", source);
        }
    }

    private static RunSet Finish(StreamingSelection sink, RawTable read, RunReadOptions options, RunSelection selection)
    {
        var runs = sink.Finish(read, out var whole);
        return runs is not null
            ? RunPreparation.Complete(runs, selection)
            : RunPreparation.Prepare(RunTable.ToRuns(whole!, options), selection);
    }
}

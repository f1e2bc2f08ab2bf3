namespace ScalingFit.Data;

/// <summary>Data sets shipped inside the library, so the tool does something real with no input.</summary>
public static class Datasets
{
    /// <summary>The name under which the built-in Chinchilla data appears in messages and reports.</summary>
    public const string ChinchillaName = "chinchilla.csv (built in)";

    /// <summary>How many highest-loss runs the replication drops from the Chinchilla data before fitting (245 → 240).</summary>
    public const int ChinchillaOutliers = 5;

    /// <summary>
    /// The 245 Chinchilla training runs that Besiroglu et al. 2024 (Epoch AI) read off Figure 4 of
    /// Hoffmann et al. 2022: columns 'Model Size' (N, embeddings included), 'Training FLOP' (C) and
    /// 'loss'. Redistributed under the MIT licence, copyright 2024 International Business Machines
    /// (IBM/ColPret, raw_data/chinchila_extracted.csv).
    /// </summary>
    public static Stream OpenChinchilla() =>
        typeof(Datasets).Assembly.GetManifestResourceStream("ScalingFit.Data.chinchilla.csv")
        ?? throw new InvalidOperationException("the built-in chinchilla.csv resource is missing from the assembly");
}

/// <summary>The short way in: read and prepare runs in one call.</summary>
public static class Runs
{
    /// <summary>Reads runs in any format (recognised by content) and applies a selection (filters, checkpoints, derivations, checks).</summary>
    /// <exception cref="DataException">The input is malformed or a value cannot be used.</exception>
    /// <remarks>With filters or one row per run, rows are selected as they are read: memory follows the rows kept, not the rows read.</remarks>
    public static RunSet Load(Stream input, string source, RunReadOptions? read = null, RunSelection? selection = null)
    {
        read ??= RunReadOptions.Default;
        selection = Merge(read, selection);
        return StreamingRuns.Applies(read, selection)
            ? StreamingRuns.Load(input, source, read, selection)
            : RunPreparation.Prepare(RunReader.Read(input, source, read), selection);
    }

    /// <summary>Reads runs from a file, folder or glob and applies a selection.</summary>
    /// <exception cref="DataException">The input is malformed or a value cannot be used.</exception>
    /// <remarks>With filters or one row per run, rows are selected as they are read: memory follows the rows kept, not the rows read.</remarks>
    public static RunSet Load(string path, RunReadOptions? read = null, RunSelection? selection = null)
    {
        read ??= RunReadOptions.Default;
        selection = Merge(read, selection);
        return StreamingRuns.Applies(read, selection)
            ? StreamingRuns.Load(path, read, selection)
            : RunPreparation.Prepare(RunReader.ReadPath(path, read), selection);
    }

    private static RunSelection Merge(RunReadOptions? read, RunSelection? selection)
    {
        selection ??= RunSelection.None;
        return read?.DropIncompleteRows == true ? selection with { DropIncomplete = true } : selection;
    }

    /// <summary>The built-in Chinchilla runs, D derived as C/(6N), with an optional selection.</summary>
    public static RunSet Chinchilla(RunSelection? selection = null)
    {
        using var stream = Datasets.OpenChinchilla();
        return Load(stream, Datasets.ChinchillaName, null, selection);
    }
}

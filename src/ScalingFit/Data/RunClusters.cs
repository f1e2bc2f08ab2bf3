using System.Globalization;

namespace ScalingFit.Data;

/// <summary>
/// The runs that rows belong to when rows are checkpoints (or repeated evaluations) of fewer runs:
/// every row carries the index of its run, 0 to <see cref="Count"/> − 1, in order of first
/// appearance. Rows of one run share its noise (its seed, its data order, its learning-rate
/// schedule), so they are not independent: the bootstrap resamples whole runs, the sandwich
/// covariance sums each run's scores before squaring them, and the degrees of freedom count runs.
/// </summary>
public sealed class RunClusters
{
    private readonly int[] _ids;

    private RunClusters(int[] ids, int count, IReadOnlyList<string> columns)
    {
        _ids = ids;
        Count = count;
        Columns = columns;
    }

    /// <summary>The columns whose values together name a run.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>G: the number of runs.</summary>
    public int Count { get; }

    /// <summary>The number of rows.</summary>
    public int Rows => _ids.Length;

    /// <summary>The run of a row, 0 to <see cref="Count"/> − 1.</summary>
    public int Of(int row) => _ids[row];

    /// <summary>The run of every row (shared, not copied: do not change it).</summary>
    internal int[] Ids => _ids;

    /// <summary>The columns as a person reads them: "model, seed".</summary>
    public string Describe() => string.Join(", ", Columns);

    /// <summary>The runs of the given rows, renumbered in order of first appearance.</summary>
    internal RunClusters Pick(IReadOnlyList<int> rows)
    {
        var map = new Dictionary<int, int>();
        var ids = new int[rows.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            int old = _ids[rows[i]];
            if (!map.TryGetValue(old, out int id)) map[old] = id = map.Count;
            ids[i] = id;
        }
        return new RunClusters(ids, map.Count, Columns);
    }

    /// <summary>Runs given by their ids (0 to <paramref name="count"/> − 1, one per row): resampled runs, each draw a run of its own.</summary>
    internal static RunClusters Of(int[] ids, int count, IReadOnlyList<string> columns) => new(ids, count, columns);

    /// <summary>The runs named by the values of the given columns (text columns, or quantities such as N by their symbol).</summary>
    /// <exception cref="DataException">A column that is not in the data (the message lists those that are).</exception>
    public static RunClusters By(RunSet runs, IReadOnlyList<string> columns)
    {
        foreach (var column in columns)
            if (!runs.HasColumn(column) && !(Quantities.TryParse(column, out var q) && runs.Has(q))) throw runs.UnknownColumn(column);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[runs.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            string key = string.Join('\u001f', columns.Select(c => runs.HasColumn(c)
                ? runs.Text(c, i)
                : runs.RawValues(Quantities.Parse(c))[i].ToString("R", CultureInfo.InvariantCulture)));
            if (!keys.TryGetValue(key, out int id)) keys[key] = id = keys.Count;
            ids[i] = id;
        }
        return new RunClusters(ids, keys.Count, [.. columns]);
    }
}

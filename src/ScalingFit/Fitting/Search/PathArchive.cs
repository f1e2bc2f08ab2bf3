using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;

namespace ScalingFit.Fitting.Search;

/// <summary>
/// The paths that finished runs of a multi-start search took, as cells of a fine grid over the
/// fitting parameters θ (a fraction <see cref="CellFraction"/> of the start grid's spacing on each
/// axis) with the objective on entering each. A later run that steps into a visited cell at nearly
/// the same objective has joined a path already followed and would end where it ended, so it stops
/// there (the "stop starts that converge into a basin already found"). Reads are safe from
/// many threads while no one adds; the search adds between batches of starts, in start order, so
/// which run owns a cell does not depend on the thread count.
/// </summary>
internal sealed class PathArchive
{
    /// <summary>Cell width as a fraction of the start grid's spacing on each axis.</summary>
    public const double CellFraction = 0.1;

    /// <summary>A run joins a visited cell only when its objective is within this fraction of the one recorded there.</summary>
    public const double ObjectiveTolerance = 1e-2;

    private readonly Dictionary<long, (int Owner, double Objective)> _cells = new();
    private readonly double[] _inverseWidth;

    public PathArchive(StartGrid grid)
    {
        _inverseWidth = new double[grid.Axes.Count];
        for (int j = 0; j < _inverseWidth.Length; j++) _inverseWidth[j] = 1 / (CellFraction * Spacing(grid.Axes[j]));
    }

    /// <summary>How many cells are recorded.</summary>
    public int Count => _cells.Count;

    /// <summary>The cell of <paramref name="x"/> as a 64-bit hash of its integer coordinates; false outside the representable range.</summary>
    public bool TryKey(ReadOnlySpan<double> x, int phase, out long key)
    {
        ulong h = Mix(0x9E3779B97F4A7C15UL + (ulong)phase);
        for (int j = 0; j < x.Length; j++)
        {
            double c = Math.Floor(x[j] * _inverseWidth[j]);
            if (!(Math.Abs(c) < 1e15))
            {
                key = 0;
                return false;
            }
            h = Mix(h ^ (ulong)(long)c);
        }
        key = (long)h;
        return true;
    }

    /// <summary>The run that owns the cell, when one does and its objective there was close to <paramref name="objective"/>.</summary>
    public bool TryJoin(long key, double objective, out int owner)
    {
        owner = -1;
        if (!_cells.TryGetValue(key, out var cell)) return false;
        if (!(Math.Abs(objective - cell.Objective) <= ObjectiveTolerance * Math.Max(Math.Abs(objective), Math.Abs(cell.Objective)))) return false;
        owner = cell.Owner;
        return true;
    }

    /// <summary>Records a finished run's path; cells already owned keep their owner.</summary>
    public void Add(PathRecorder path, int owner)
    {
        for (int i = 0; i < path.Keys.Count; i++) _cells.TryAdd(path.Keys[i], (owner, path.Objectives[i]));
    }

    private static double Spacing(IReadOnlyList<double> axis)
    {
        double spacing = double.PositiveInfinity;
        for (int i = 1; i < axis.Count; i++)
        {
            double d = Math.Abs(axis[i] - axis[i - 1]);
            if (d > 0) spacing = Math.Min(spacing, d);
        }
        if (double.IsFinite(spacing)) return spacing;
        double scale = axis.Count > 0 ? Math.Abs(axis[0]) : 0;
        return scale > 0 ? scale : 1;
    }

    /// <summary>SplitMix64's finalizer: a fixed 64-bit mix (unlike string or HashCode hashing, the same in every process).</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>Records one run's path through the archive's cells and stops it when it joins a recorded path.</summary>
internal sealed class PathRecorder(PathArchive archive) : IStepObserver
{
    public List<long> Keys { get; } = [];

    public List<double> Objectives { get; } = [];

    /// <summary>The phase of the run (paths of different phases follow different objectives and never join).</summary>
    public int Phase { get; set; }

    /// <summary>The run whose path this one joined, or −1.</summary>
    public int JoinedOwner { get; private set; } = -1;

    public void Reset()
    {
        Keys.Clear();
        Objectives.Clear();
        JoinedOwner = -1;
        Phase = 0;
    }

    /// <summary>Drops the cells recorded so far (a run rescued from its start: its path does not lead to its end).</summary>
    public void Forget()
    {
        Keys.Clear();
        Objectives.Clear();
    }

    public bool Stop(ReadOnlySpan<double> x, double objective)
    {
        if (!archive.TryKey(x, Phase, out long key)) return false;
        if (archive.TryJoin(key, objective, out int owner))
        {
            JoinedOwner = owner;
            return true;
        }
        Keys.Add(key);
        Objectives.Add(objective);
        return false;
    }
}

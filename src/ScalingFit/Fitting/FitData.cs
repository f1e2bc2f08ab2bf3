using ScalingFit.Data;
using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>
/// The runs as a law needs them: its inputs (by column, and row-major with their logarithms for
/// per-run evaluation) and the observed target moved into the residual space (ln y, y or logit y).
/// </summary>
internal sealed class FitData
{
    private FitData(double[][] columns, double[] observed, ResidualSpace space, RunClusters? clusters, bool isLoss)
    {
        IsLoss = isLoss;
        Clusters = clusters?.Ids;
        ClusterCount = clusters?.Count ?? 0;
        Columns = columns;
        InputCount = columns.Length;
        Count = observed.Length;
        Observed = observed;
        Space = space;
        LogColumns = columns.Select(c => c.Select(v => v > 0 ? Math.Log(v) : double.NaN).ToArray()).ToArray();
        Inputs = new double[Count * InputCount];
        LogInputs = new double[Count * InputCount];
        for (int j = 0; j < InputCount; j++)
        {
            for (int i = 0; i < Count; i++)
            {
                Inputs[i * InputCount + j] = columns[j][i];
                LogInputs[i * InputCount + j] = LogColumns[j][i];
            }
        }
        Target = observed.Select(y => space.Transform(y)).ToArray();
    }

    /// <summary>The number of runs.</summary>
    public int Count { get; }

    /// <summary>The number of inputs.</summary>
    public int InputCount { get; }

    /// <summary>Each input's values, one array per input.</summary>
    public double[][] Columns { get; }

    /// <summary>ln of each input's values (NaN where a value is not positive).</summary>
    public double[][] LogColumns { get; }

    /// <summary>The inputs row-major (runs × inputs).</summary>
    public double[] Inputs { get; }

    /// <summary>Their logarithms row-major.</summary>
    public double[] LogInputs { get; }

    /// <summary>The observed target.</summary>
    public double[] Observed { get; }

    /// <summary>The observed target in the residual space: ln y, y or logit y.</summary>
    public double[] Target { get; }

    /// <summary>The residual space.</summary>
    public ResidualSpace Space { get; }

    /// <summary>The run of each row when rows are checkpoints of fewer runs (<see cref="RunSet.Clusters"/>); null when every row is a run.</summary>
    public int[]? Clusters { get; }

    /// <summary>G: the number of runs the rows belong to; 0 without <see cref="Clusters"/>.</summary>
    public int ClusterCount { get; }

    /// <summary>Whether the target is the loss.</summary>
    public bool IsLoss { get; }

    /// <summary>The number of independent runs: G with clusters, else n.</summary>
    public int IndependentCount => Clusters is null ? Count : ClusterCount;

    /// <summary>Run i's inputs.</summary>
    public LawRow Row(int i) => new(Inputs.AsSpan(i * InputCount, InputCount), LogInputs.AsSpan(i * InputCount, InputCount));

    /// <summary>Data from values already checked (synthetic data): each input's values and the observed target.</summary>
    internal static FitData Of(double[][] columns, double[] observed, ResidualSpace space) => new(columns, observed, space, null, isLoss: true);

    /// <summary>The data of a law of quantities with the loss as target, in log space.</summary>
    public static FitData From(RunSet runs, IReadOnlyList<LawInput> inputs) => From(runs, inputs, LawTarget.Loss, ResidualSpace.Log, positiveInputs: true);

    /// <summary>Reads the inputs and target, checking that every value can be used.</summary>
    /// <exception cref="DataException">A missing column, a cell that is not a number, an input that is not positive for a law in logs, or a target the residual space cannot hold.</exception>
    public static FitData From(RunSet runs, IReadOnlyList<LawInput> inputs, LawTarget target, ResidualSpace space, bool positiveInputs)
    {
        var columns = inputs.Select(input => positiveInputs ? InputChecks.Positive(runs, input) : runs.Values(input)).ToArray();
        var observed = target.Values(runs);
        for (int i = 0; i < observed.Length; i++)
        {
            if (double.IsNaN(space.Transform(observed[i])))
                throw runs.ErrorAt(i, target.Quantity is { } q && runs.Origin(q)?.Column is { } c ? c : target.Name,
                    space switch
                    {
                        ResidualSpace.Log => $"{target.Name} = {NumberFormat.Significant(observed[i])} is not positive, so it has no logarithm; " +
                                             "fit it with linear residuals, or leave the run out.",
                        ResidualSpace.Logit => $"{target.Name} = {NumberFormat.Significant(observed[i])} is not strictly between 0 and 1, so it has " +
                                               "no logit; fit it with linear residuals, or leave the run out.",
                        _ => $"{target.Name} is not a finite number.",
                    });
        }
        return new FitData(columns, observed, space, runs.Clusters, target.IsLoss);
    }

    /// <summary>
    /// The given runs (by index, in that order) as data of their own: every per-run array (inputs,
    /// their logarithms, the observed target and the target in the residual space) taken from the
    /// same rows.
    /// </summary>
    public FitData Subset(IReadOnlyList<int> rows)
    {
        var columns = new double[InputCount][];
        for (int j = 0; j < InputCount; j++)
        {
            var column = columns[j] = new double[rows.Count];
            for (int r = 0; r < rows.Count; r++) column[r] = Columns[j][rows[r]];
        }
        var observed = new double[rows.Count];
        for (int r = 0; r < rows.Count; r++) observed[r] = Observed[rows[r]];
        return new FitData(columns, observed, Space, null, IsLoss);
    }

    /// <summary>What a law may use of these data to place its starting points.</summary>
    public StartContext StartContext()
    {
        var sorted = Observed.Order().ToArray();
        double median = sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
        return new StartContext(Columns.Select(c => InputChecks.Range(c)).ToArray(), InputChecks.Range(Observed), median) { Data = this };
    }
}

using ScalingFit.Analysis;
using ScalingFit.Data;

namespace ScalingFit.Plotting;

/// <summary>An IsoFLOP analysis and the runs it analysed: the source of the IsoFLOP figure.</summary>
/// <param name="Result">The analysis; its budgets name their runs by row.</param>
/// <param name="Runs">The very run set given to <see cref="IsoFlop.Analyze"/>, with N and the loss.</param>
public sealed record IsoFlopRuns(IsoFlopResult Result, RunSet Runs)
{
    /// <summary>Checks that the budgets' rows are rows of the runs.</summary>
    /// <exception cref="ArgumentException">The runs are not the ones analysed.</exception>
    internal IsoFlopRuns Validated()
    {
        if (Result.Data.Runs != Runs.Count || Result.Budgets.Any(b => b.Rows.Any(r => r < 0 || r >= Runs.Count)))
            throw new ArgumentException(
                $"the IsoFLOP analysis was of {Result.Data.Runs} runs ({Result.Data.Source}), but {Runs.Count} runs ({Runs.Source}) were given to draw it.",
                nameof(Runs));
        return this;
    }
}

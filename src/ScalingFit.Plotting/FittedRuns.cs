using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;

namespace ScalingFit.Plotting;

/// <summary>A fitted law and the runs it was fitted to: the source of the fit and residual figures.</summary>
/// <param name="Fit">The fitted law; figures use its <see cref="ILossModel"/>, so any law can be drawn.</param>
/// <param name="Runs">The runs, with every input of the law.</param>
public sealed record FittedRuns(FitResult Fit, RunSet Runs)
{
    /// <summary>The input values of run <paramref name="row"/>, in the model's input order.</summary>
    internal double[] InputsOf(int row)
    {
        var inputs = new double[Fit.Model.Inputs.Count];
        for (int j = 0; j < inputs.Length; j++) inputs[j] = Column(Fit.Model.Inputs[j])[row];
        return inputs;
    }

    private readonly Dictionary<LawInput, double[]> _columns = [];

    /// <summary>An input's values (read once).</summary>
    internal double[] Column(LawInput input) =>
        _columns.TryGetValue(input, out var values) ? values : _columns[input] = Runs.Values(input);

    /// <summary>The observed target of every run (the loss unless the law was fitted to another column).</summary>
    internal double[] Observed => Fit.Target.Values(Runs);

    /// <summary>
    /// Values at which to hold the law's inputs that are columns rather than N, D, C (e.g. unique
    /// tokens) along a curve: their geometric mean over the given runs.
    /// </summary>
    internal Dictionary<LawInput, double> HeldColumns(IReadOnlyList<int> rows)
    {
        var held = new Dictionary<LawInput, double>();
        foreach (var input in Fit.Model.Inputs.Where(i => i.Quantity is null))
        {
            var values = Column(input);
            held[input] = Math.Exp(rows.Average(r => Math.Log(values[r])));
        }
        return held;
    }

    /// <summary>A title line naming the law and the data: "power law L = (N_c/N)^α · chinchilla.csv (built in), 240 runs".</summary>
    internal string LawAndData => $"{Fit.Law} law {Fit.Formula} · {Runs.Source}, {Runs.Count} runs";
}

using ScalingFit.Data;
using ScalingFit.Fitting;

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
        for (int j = 0; j < inputs.Length; j++) inputs[j] = Runs.Value(Fit.Model.Inputs[j], row);
        return inputs;
    }

    /// <summary>A title line naming the law and the data: "power law L = (N_c/N)^α · chinchilla.csv (built in), 240 runs".</summary>
    internal string LawAndData => $"{Fit.Law} law {Fit.Formula} · {Runs.Source}, {Runs.Count} runs";
}

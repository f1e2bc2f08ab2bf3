using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Plotting.Tests.Support;

/// <summary>Fits of the built-in Chinchilla runs, made once.</summary>
public static class Fits
{
    private static readonly Lazy<RunSet> LazyRuns = new(() => Runs.Chinchilla(new RunSelection { DropHighestLoss = 5 }));
    private static readonly Lazy<FitResult> LazyPower = new(() => ScalingLaws.FitPower(Chinchilla, Quantity.ParameterCount));
    private static readonly Lazy<FitResult> LazyJoint = new(() => ScalingLaws.FitJoint(Chinchilla, Quantity.ParameterCount, Quantity.TrainingTokens));

    public static RunSet Chinchilla => LazyRuns.Value;

    /// <summary>L = (N_c/N)^α on the Chinchilla runs less the 5 highest losses.</summary>
    public static FittedRuns Power => new(LazyPower.Value, Chinchilla);

    /// <summary>L = k·N^a_N·D^a_D on the same runs.</summary>
    public static FittedRuns Joint => new(LazyJoint.Value, Chinchilla);
}

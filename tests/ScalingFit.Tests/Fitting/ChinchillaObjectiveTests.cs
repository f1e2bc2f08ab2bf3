using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;

namespace ScalingFit.Tests.Fitting;

/// <summary>The vectorised Chinchilla kernels against the generic objective built on the law's own LogLoss.</summary>
public class ChinchillaObjectiveTests
{
    private static readonly FitData Data = FitData.From(Runs.Chinchilla(new RunSelection { DropHighestLoss = 5 }), ChinchillaLaw.Instance.Inputs);

    public static TheoryData<double[]> Points =>
    [
        [0.6, 6.17, 7.67, 0.347, 0.367],   // near the optimum: many runs inside Huber's quadratic zone
        [0.0, 5.0, 10.0, 0.0, 0.0],        // a grid start
        [-30.0, 2.5, 0.0, 0.1, 3.0],       // E and B terms vanished
        [1.0, 25.0, 25.0, 2.0, 2.0],       // the grid's far corner
    ];

    [Theory, MemberData(nameof(Points))]
    public void Double_MatchesTheGenericObjective(double[] theta)
    {
        foreach (var loss in new[] { LossFunction.Default, LossFunction.LeastSquares })
            Compare(new ChinchillaObjective(Data, loss), new LogLossObjective(ChinchillaLaw.Instance, Data, loss), theta, 1e-12);
    }

    [Theory, MemberData(nameof(Points))]
    public void Single_MatchesTheGenericObjectiveToSinglePrecision(double[] theta) =>
        Compare(new ChinchillaObjectiveSingle(Data, LossFunction.Default), new LogLossObjective(ChinchillaLaw.Instance, Data, LossFunction.Default), theta, 2e-4);

    [Fact]
    public void Weights_ActAsRepeatedRuns()
    {
        var weights = Enumerable.Range(0, Data.Count).Select(i => (double)(i % 3)).ToArray();
        var fast = new ChinchillaObjective(Data, LossFunction.Default);
        fast.SetWeights(weights);
        var generic = new LogLossObjective(ChinchillaLaw.Instance, Data, LossFunction.Default);
        generic.SetWeights(weights);
        Compare(fast, generic, [0.6, 6.17, 7.67, 0.347, 0.367], 1e-12);
    }

    [Fact]
    public void Weights_SetAgain_StartFromEveryRun()
    {
        // The kernels pack the rows of nonzero weight; a second resample must see all rows again.
        var sparse = Enumerable.Range(0, Data.Count).Select(i => i % 4 == 0 ? 2.0 : 0.0).ToArray();
        var other = Enumerable.Range(0, Data.Count).Select(i => i % 4 == 0 ? 0.0 : 1.0 + i % 2).ToArray();
        foreach (var fast in new IWeightedObjective[] { new ChinchillaObjective(Data, LossFunction.Default), new ChinchillaObjectiveSingle(Data, LossFunction.Default) })
        {
            fast.SetWeights(sparse);
            fast.SetWeights(other);
            var generic = new LogLossObjective(ChinchillaLaw.Instance, Data, LossFunction.Default);
            generic.SetWeights(other);
            Compare(fast, generic, [0.6, 6.17, 7.67, 0.347, 0.367], fast is ChinchillaObjective ? 1e-12 : 2e-4);
        }
    }

    private static void Compare(ScalingFit.Fitting.Optimization.IObjective fast, ScalingFit.Fitting.Optimization.IObjective generic, double[] theta, double tolerance)
    {
        var g1 = new double[5];
        var h1 = new double[25];
        var g2 = new double[5];
        var h2 = new double[25];
        double f1 = fast.Evaluate(theta, g1, h1), f2 = generic.Evaluate(theta, g2, h2);
        Assert.True(Math.Abs(f1 - f2) <= tolerance * Math.Abs(f2), $"objective {f1} vs {f2}");
        double gScale = g2.Max(Math.Abs), hScale = h2.Max(Math.Abs);
        for (int i = 0; i < 5; i++) Assert.True(Math.Abs(g1[i] - g2[i]) <= tolerance * Math.Max(gScale, 1e-300), $"g[{i}] {g1[i]} vs {g2[i]}");
        for (int i = 0; i < 25; i++) Assert.True(Math.Abs(h1[i] - h2[i]) <= tolerance * Math.Max(hScale, 1e-300), $"H[{i}] {h1[i]} vs {h2[i]} (scale {hScale}, theta {string.Join(",", theta)})");
    }
}

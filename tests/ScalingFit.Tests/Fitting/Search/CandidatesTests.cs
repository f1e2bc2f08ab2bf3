using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Fitting.Optimization;
using ScalingFit.Fitting.Search;
using ScalingFit.Laws;

namespace ScalingFit.Tests.Fitting.Search;

public class CandidatesTests
{
    private static readonly IScalingLaw Law = new SaturatingLaw(Quantity.ParameterCount);

    /// <summary>2,000 runs from L = 1.7 + 500·N^−0.3 with 1% noise.</summary>
    private static readonly FitData Data = Make(2000);

    private static readonly FitProblem Problem = new(Law, Data, LossFunction.Default, ParameterMap.Identity(Law));

    private static FitData Make(int n)
    {
        var random = new Random(8);
        var ns = new double[n];
        var losses = new double[n];
        for (int i = 0; i < n; i++)
        {
            ns[i] = 1e7 * Math.Pow(1e3, random.NextDouble());
            losses[i] = (1.7 + 500 * Math.Pow(ns[i], -0.3)) * Math.Exp(0.01 * Support.Synthetic.Gaussian(random));
        }
        return FitData.Of([ns], losses, ResidualSpace.Log);
    }

    private static Candidate At(int id, double e, double a, double alpha)
    {
        double[] theta = [e, a, alpha];
        var objective = new LogLossObjective(Law, Data, LossFunction.Default).Evaluate(theta, new double[3], []);
        return new Candidate(id, theta, new LocalResult(objective, 10, ExitReason.Converged, 0), Data.Count);
    }

    private static List<Candidate> Sorted(params Candidate[] candidates) => [.. candidates.OrderBy(c => c.Result.Objective)];

    [Fact]
    public void Select_TheTruthAgainstAFarWorseFit_DropsTheWorse()
    {
        var truth = At(0, Math.Log(1.7), Math.Log(500), 0.3);
        var worse = At(1, Math.Log(2.5), Math.Log(500), 0.3);
        Candidates.Select(Problem, Sorted(truth, worse));
        Assert.True(truth.Alive);
        Assert.False(worse.Alive);
        Assert.Null(worse.MergedInto);
    }

    [Fact]
    public void Select_WithinTheNoiseOfTheRows_KeepsBoth()
    {
        // Exponents 0.3 and 0.3001: objectives within a fraction of a percent; not distinguishable.
        var truth = At(0, Math.Log(1.7), Math.Log(500), 0.3);
        var close = At(1, Math.Log(1.7), Math.Log(500), 0.3001);
        Candidates.Select(Problem, Sorted(truth, close));
        Assert.True(truth.Alive);
        Assert.True(close.Alive);
    }

    [Fact]
    public void Select_TheSamePredictionsFromAnotherTheta_MergesIntoTheLower()
    {
        // E = e^−800 and e^−900: the term has vanished in both, so they predict the same losses.
        var one = At(0, -800, Math.Log(500), 0.3);
        var other = At(1, -900, Math.Log(500), 0.3);
        var sorted = Sorted(one, other);
        Candidates.Select(Problem, sorted);
        Assert.True(sorted[0].Alive);
        Assert.Same(sorted[0], sorted[1].MergedInto);
        Assert.Same(sorted[0], sorted[1].Root);
    }

    [Fact]
    public void Evaluate_SumsToTheObjective()
    {
        double[] theta = [0.5, 6.0, 0.3];
        var predictions = new double[Data.Count];
        var losses = new double[Data.Count];
        Candidates.Evaluate(Problem, theta, predictions, losses);
        double objective = new LogLossObjective(Law, Data, LossFunction.Default).Evaluate(theta, new double[3], []);
        Assert.Equal(objective, losses.Sum(), 10);
        Assert.Equal(Math.Log(Math.Exp(0.5) + Math.Exp(6.0 - 0.3 * Data.LogInputs[0])), predictions[0], 12);
    }
}

using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Laws.Formulas;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Fitting;

/// <summary>Fixed, tied and bounded parameters: one map of free parameters, for every law.</summary>
public class ConstraintTests
{
    private static readonly double[] Truth = [1.8, 480, 2100, 0.35, 0.37];

    private static RunSet Runs(double alpha = 0.35, double beta = 0.37, double noise = 0.005) => Synthetic.Runs(
        (n, d) => 1.8 + 480 / Math.Pow(n, alpha) + 2100 / Math.Pow(d, beta), sizes: 8, tokenCounts: 5, noise: noise, seed: 12);

    private static FitResult Fit(RunSet runs, ParameterConstraints constraints, IScalingLaw? law = null) =>
        NonlinearFitter.Fit(runs, new LawSpec(law ?? ChinchillaLaw.Instance) { Constraints = constraints });

    [Fact]
    public void Fix_TheTrueValue_RecoversTheOthersFromExactRuns()
    {
        var fit = Fit(Runs(noise: 0), new ParameterConstraints { Fixed = new Dictionary<string, double> { ["E"] = 1.8 } });
        Assert.Equal(1.8, fit["E"].Value);
        Assert.Equal(0, fit["E"].StandardError);
        Assert.Equal("fixed", fit["E"].Constraint);
        for (int i = 1; i < 5; i++) Assert.Equal(Truth[i], fit.Parameters[i].Value, Truth[i] * 1e-6);
        Assert.Equal(fit.Statistics.Points - 4, fit.Statistics.DegreesOfFreedom);
    }

    [Fact]
    public void Fix_AWrongValue_CostsObjectiveAndMovesTheOthers()
    {
        var runs = Runs();
        var free = Fit(runs, ParameterConstraints.None);
        var wrong = Fit(runs, new ParameterConstraints { Fixed = new Dictionary<string, double> { ["E"] = 1.5 } });
        Assert.True(wrong.Statistics.Objective > free.Statistics.Objective * 1.05);
        Assert.Equal(1.5, wrong["E"].Value);
    }

    [Fact]
    public void Tie_SharedExponent_RecoversItFromRunsDrawnWithOne()
    {
        // Gadre et al. 2024's Chinchilla form with one exponent for N and D.
        var fit = Fit(Runs(alpha: 0.33, beta: 0.33, noise: 0), new ParameterConstraints { Ties = [new ParameterTie("beta", "alpha")] });
        Assert.Equal(0.33, fit["alpha"].Value, 1e-6);
        Assert.Equal(fit["alpha"].Value, fit["beta"].Value);
        Assert.Equal(fit["alpha"].StandardError, fit["beta"].StandardError);
        Assert.Equal("= α", fit["beta"].Constraint);
        Assert.Equal(fit.Statistics.Points - 4, fit.Statistics.DegreesOfFreedom);
    }

    [Fact]
    public void Tie_NeverBeatsTheFreeFit()
    {
        var runs = Runs();
        var free = Fit(runs, ParameterConstraints.None);
        var tied = Fit(runs, new ParameterConstraints { Ties = [new ParameterTie("alpha", "beta")] });
        Assert.True(tied.Statistics.Objective >= free.Statistics.Objective * (1 - 1e-9));
    }

    [Fact]
    public void Bound_ExcludingTheOptimum_EndsAtTheBoundAndSaysSo()
    {
        var runs = Runs();
        var fit = Fit(runs, new ParameterConstraints { Bounds = new Dictionary<string, ParameterBounds> { ["alpha"] = new(0, 0.3) } });
        Assert.Equal(0.3, fit["alpha"].Value);
        Assert.True(fit["alpha"].AtBound);
        Assert.Equal("bounded", fit["alpha"].Constraint);
        // On the bound the parameter has no interval of its own (lmfit's convention), and the fit says why.
        Assert.True(double.IsNaN(fit["alpha"].StandardError));
        Assert.Contains(fit.Warnings, w => w.StartsWith("alpha = 0.3000 lies on the upper end of its range [0, 0.3]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("alpha", 0.0, 0.3)]
    [InlineData("E", 1.9, double.PositiveInfinity)]
    [InlineData("beta", 0.4, 0.6)]
    public void Bound_ExcludingTheOptimum_IsTheFitWithTheParameterFixedOnTheBound(string name, double lower, double upper)
    {
        // Independent truth: the best fit inside the range, when the unconstrained optimum lies outside it, is the fit with
        // the parameter held on the nearer end. The other parameters, their intervals and the convergence must be that fit's.
        var runs = Runs();
        var bounded = Fit(runs, new ParameterConstraints { Bounds = new Dictionary<string, ParameterBounds> { [name] = new(lower, upper) } });
        double end = Fit(runs, ParameterConstraints.None)[name].Value > upper ? upper : lower;
        var pinned = Fit(runs, new ParameterConstraints { Fixed = new Dictionary<string, double> { [name] = end } });
        Assert.True(bounded.Convergence.Converged, bounded.Convergence.ExitReason);
        Assert.Equal(pinned.Statistics.Objective, bounded.Statistics.Objective, pinned.Statistics.Objective * 1e-9);
        foreach (var p in pinned.Parameters.Where(p => p.Name != name))
        {
            Assert.Equal(p.Value, bounded[p.Name].Value, Math.Abs(p.Value) * 1e-6);
            Assert.Equal(p.StandardError, bounded[p.Name].StandardError, p.StandardError * 1e-4);
        }
        Assert.DoesNotContain(bounded.Warnings, w => w.Contains("did not converge", StringComparison.Ordinal) || w.Contains("not positive definite", StringComparison.Ordinal));
    }

    [Fact]
    public void Bound_OnTheReplicationData_ReachesScipysBoundedOptimum()
    {
        // Reference: scipy.optimize.minimize (L-BFGS-B, 81 starts) of Σ scipy.special.huber(1e-3, LSE(a − 0.3·ln N, b − β·ln D, e) − ln L)
        // on data/chinchilla.csv without its 5 highest losses, α held at 0.3: objective 0.0010672460520, E = 1.758244, β = 0.376308.
        var runs = ScalingFit.Data.Runs.Chinchilla(new RunSelection { DropHighestLoss = 5 });
        var fit = Fit(runs, new ParameterConstraints { Bounds = new Dictionary<string, ParameterBounds> { ["alpha"] = new(0, 0.3) } });
        // At least as low as scipy's (L-BFGS-B stops a few parts in 1e9 short), and equal to its digits.
        Assert.True(fit.Statistics.Objective <= 0.0010672460520, $"objective {fit.Statistics.Objective:R}");
        Assert.Equal(0.0010672460520, fit.Statistics.Objective, 5e-12);
        Assert.Equal(1.758244, fit["E"].Value, 1e-4);
        Assert.Equal(0.376308, fit["beta"].Value, 1e-4);
        Assert.Equal(0.3, fit["alpha"].Value);
    }

    [Fact]
    public void LawFileBounds_HoldInTheFit()
    {
        // A law file's bounds are part of the law: the fit must stay inside them, as with --bound.
        var runs = Runs();
        var law = FormulaLaw.Create("E + A/N^alpha + B/D^beta", runs.TextColumnNames, new FormulaOptions
        {
            Parameters = [new FormulaParameter("alpha") { Bounds = new ParameterBounds(0, 0.3) }],
        });
        var fit = NonlinearFitter.Fit(runs, new LawSpec(law));
        var viaConstraint = Fit(runs, new ParameterConstraints { Bounds = new Dictionary<string, ParameterBounds> { ["alpha"] = new(0, 0.3) } });
        Assert.Equal(0.3, fit["alpha"].Value);
        Assert.True(fit["alpha"].AtBound);
        Assert.Equal(viaConstraint.Statistics.Objective, fit.Statistics.Objective, viaConstraint.Statistics.Objective * 1e-8);
    }

    [Fact]
    public void Bound_ContainingTheOptimum_ChangesNothing()
    {
        var runs = Runs();
        var free = Fit(runs, ParameterConstraints.None);
        var bounded = Fit(runs, new ParameterConstraints { Bounds = new Dictionary<string, ParameterBounds> { ["alpha"] = new(0.1, 0.9), ["E"] = new(1, 3) } });
        Assert.Equal(free.Statistics.Objective, bounded.Statistics.Objective, free.Statistics.Objective * 1e-8);
        Assert.Equal(free["alpha"].Value, bounded["alpha"].Value, 1e-6);
        Assert.False(bounded["alpha"].AtBound);
        // Through the bound's transformation the interval stays inside the range.
        Assert.True(bounded["alpha"].Ci95.Lower > 0.1 && bounded["alpha"].Ci95.Upper < 0.9);
    }

    [Fact]
    public void FixEverything_ScoresThePublishedLaw()
    {
        // Hoffmann et al.'s published constants scored on the runs: the Huber objective summed by hand.
        var runs = Runs();
        double[] published = [1.69, 406.4, 410.7, 0.34, 0.28];
        string[] names = ["E", "A", "B", "alpha", "beta"];
        var fit = Fit(runs, new ParameterConstraints { Fixed = names.Zip(published).ToDictionary(p => p.First, p => p.Second) });
        double objective = 0, ssr = 0;
        for (int i = 0; i < runs.Count; i++)
        {
            double r = Math.Log(ChinchillaLaw.Instance.Value(published, [runs.Value(Quantity.ParameterCount, i), runs.Value(Quantity.TrainingTokens, i)]))
                       - Math.Log(runs.Value(Quantity.Loss, i));
            objective += Math.Abs(r) <= 1e-3 ? 0.5 * r * r : 1e-3 * (Math.Abs(r) - 0.5e-3);
            ssr += r * r;
        }
        Assert.Equal(objective, fit.Statistics.Objective, objective * 1e-12);
        Assert.Equal(Math.Sqrt(ssr / runs.Count), fit.Statistics.Rmse, 1e-12);
        Assert.Equal(runs.Count, fit.Statistics.DegreesOfFreedom);
        Assert.All(fit.Parameters, p => Assert.Equal("fixed", p.Constraint));
        // Predictions carry only the runs' scatter.
        var interval = fit.Model.ConfidenceInterval([7e10, 1.4e12]);
        Assert.Equal(interval.Lower, interval.Upper);
    }

    [Fact]
    public void Constraints_WorkForAFormulaLaw()
    {
        var runs = Runs(noise: 0);
        var law = FormulaLaw.Create("E + A/N^alpha + B/D^beta", runs.TextColumnNames);
        var fit = Fit(runs, new ParameterConstraints { Fixed = new Dictionary<string, double> { ["E"] = 1.8 }, Bounds = new Dictionary<string, ParameterBounds> { ["beta"] = new(0, 1) } }, law);
        Assert.Equal(0.37, fit["beta"].Value, 1e-6);
        Assert.Equal(0.35, fit["alpha"].Value, 1e-6);
    }

    [Theory]
    [InlineData("Fixed", "F", 1.0, "'F' is not a parameter of the chinchilla law")]
    [InlineData("Fixed", "E", -1.0, "E cannot be fixed at -1: it is a positive scale.")]
    [InlineData("Ties", "E", 0.0, "E and alpha cannot be tied")]
    [InlineData("Ties", "Q", 0.0, "'Q' is not a parameter")]
    [InlineData("Bounds", "alpha", 0.0, "the range of alpha is empty")]
    [InlineData("Bounds", "A", 0.0, "lies outside the values it can take")]
    public void Constraints_Invalid_NameTheParameterAndTheLibrarysOwnOption(string kind, string name, double value, string message)
    {
        var constraints = kind switch
        {
            "Fixed" => new ParameterConstraints { Fixed = new Dictionary<string, double> { [name] = value } },
            "Ties" => new ParameterConstraints { Ties = [new ParameterTie(name, "alpha")] },
            _ => new ParameterConstraints { Bounds = new Dictionary<string, ParameterBounds> { [name] = name == "A" ? new(-5, -1) : new(1, 0.5) } },
        };
        var e = Assert.Throws<OptionException>(() => constraints.Validate(ChinchillaLaw.Instance));
        Assert.Contains(message, e.Message);
        Assert.Equal($"ParameterConstraints.{kind}", e.Parameter);
        Assert.DoesNotContain("--", e.Message);
    }

    [Fact]
    public void Describe_PublishedValues_AsWritten()
    {
        // Hoffmann et al. 2022's fit as a user types it: the report repeats the values, not 1.69000.
        var constraints = new ParameterConstraints
        {
            Fixed = new Dictionary<string, double> { ["E"] = 1.69, ["alpha"] = 0.34 },
            Bounds = new Dictionary<string, ParameterBounds> { ["beta"] = new(0, 0.3) },
        };
        Assert.Equal("E = 1.69 fixed; α = 0.34 fixed; β in [0, 0.3]", constraints.Describe(ChinchillaLaw.Instance));
    }

    [Fact]
    public void Tie_OfParametersWithDisjointRanges_IsRefusedNamingBoth()
    {
        // α ∈ [0, 0.3] and β ∈ [0.5, 1] tied: no value satisfies both, so there is nothing to fit (not a fit on an inverted range).
        var constraints = new ParameterConstraints
        {
            Ties = [new ParameterTie("beta", "alpha")],
            Bounds = new Dictionary<string, ParameterBounds> { ["alpha"] = new(0, 0.3), ["beta"] = new(0.5, 1) },
        };
        var e = Assert.Throws<OptionException>(() => constraints.Validate(ChinchillaLaw.Instance));
        Assert.Contains("alpha in [0, 0.3], beta in [0.5, 1]", e.Message);
        Assert.Equal("ParameterConstraints.Bounds", e.Parameter);
    }

    [Fact]
    public void Tie_WithTheBoundOnOneMember_HoldsTheSharedValueOnTheBound()
    {
        // α = β with α ≤ 0.3 on runs from α = 0.35, β = 0.37: the shared exponent ends on 0.3, exactly the fit with both fixed there.
        var runs = Runs();
        var tied = Fit(runs, new ParameterConstraints
        {
            Ties = [new ParameterTie("beta", "alpha")],
            Bounds = new Dictionary<string, ParameterBounds> { ["alpha"] = new(0, 0.3) },
        });
        var pinned = Fit(runs, new ParameterConstraints { Fixed = new Dictionary<string, double> { ["alpha"] = 0.3, ["beta"] = 0.3 } });
        Assert.Equal(0.3, tied["alpha"].Value);
        Assert.Equal(0.3, tied["beta"].Value);
        Assert.Equal("= α", tied["beta"].Constraint);
        Assert.Equal(pinned.Statistics.Objective, tied.Statistics.Objective, pinned.Statistics.Objective * 1e-9);
        Assert.Equal(pinned["E"].Value, tied["E"].Value, pinned["E"].Value * 1e-6);
    }

    [Fact]
    public void ConstrainedObjective_GradientAndHessianInTheFreeParameters_MatchDifferences()
    {
        // Bounds (both ends, one end), a tie and a fix together: the chain rule through every kind of transformation.
        var runs = Runs();
        var law = ChinchillaLaw.Instance;
        var map = ParameterMap.Create(law, new ParameterConstraints
        {
            Fixed = new Dictionary<string, double> { ["B"] = 2000 },
            Ties = [new ParameterTie("beta", "alpha")],
            Bounds = new Dictionary<string, ParameterBounds> { ["alpha"] = new(0.1, 0.8), ["E"] = new(1, double.PositiveInfinity) },
        });
        var data = FitData.From(runs, law.Inputs);
        var objective = map.Wrap(new LogLossObjective(law, data, LossFunction.LeastSquares));
        Assert.Equal(3, objective.Dimension);
        double[] phi = [0.3, 6.1, -0.2];
        var g = new double[3];
        var h = new double[9];
        objective.Evaluate(phi, g, h);
        for (int a = 0; a < 3; a++)
        {
            double fd = Differences.Central(x => objective.Evaluate(x, new double[3], Span<double>.Empty), phi, a);
            Assert.Equal(fd, g[a], Math.Abs(fd) * 1e-6 + 1e-9);
            for (int b = 0; b < 3; b++)
            {
                double fh = Differences.Central(x => { var gg = new double[3]; objective.Evaluate(x, gg, Span<double>.Empty); return gg[a]; }, phi, b);
                Assert.Equal(fh, h[a * 3 + b], Math.Abs(fh) * 1e-5 + 1e-8);
            }
        }
    }
}

using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Laws.Formulas;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Laws;

/// <summary>
/// The formula of each built-in law, written by a user with no hints, reaches the built-in law's
/// optimum from its default starts: the same objective and parameters.
/// </summary>
public class FormulaLawTests
{
    private static readonly RunSet Replication = Runs.Chinchilla(new RunSelection { DropHighestLoss = 5 });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Fit_ChinchillaFormula_ReachesTheReplicationOptimumOnTheShippedRuns(bool compile)
    {
        // Besiroglu et al. 2024's refit of Hoffmann et al.'s data, as the built-in kernel reaches it: objective 0.00101827.
        var law = FormulaLaw.Create("E + A/N^alpha + B/D^beta", Replication.TextColumnNames, new FormulaOptions { Compile = compile });
        var fit = NonlinearFitter.Fit(Replication, law);
        var builtIn = NonlinearFitter.Fit(Replication, ChinchillaLaw.Instance);
        Assert.Equal(0.00101827, fit.Statistics.Objective, 1e-8);
        Assert.Equal(builtIn.Statistics.Objective, fit.Statistics.Objective, builtIn.Statistics.Objective * 1e-9);
        foreach (var name in new[] { "E", "A", "B", "alpha", "beta" })
            Assert.Equal(builtIn[name].Value, fit[name].Value, Math.Abs(builtIn[name].Value) * 1e-5);
        // The same sandwich standard errors: the same objective, gradient and Hessian at the optimum.
        Assert.Equal(builtIn["alpha"].StandardError, fit["alpha"].StandardError, builtIn["alpha"].StandardError * 1e-3);
        Assert.True(fit.Convergence.Converged);
    }

    public static TheoryData<string, string> Pairs => new()
    {
        { "saturating", "E + A*N^(-alpha)" },
        { "kaplan-nd", "((Nc/N)^(alphaN/alphaD) + Dc/D)^alphaD" },
    };

    [Theory, MemberData(nameof(Pairs))]
    public void Fit_FormulaOfABuiltInLaw_ReachesItsOptimum(string name, string formula)
    {
        // Synthetic runs from a Chinchilla law with 1% noise: each law fits them as well as it can, and the formula as well as the law.
        var runs = Synthetic.Runs((n, d) => 1.8 + 480 / Math.Pow(n, 0.35) + 2100 / Math.Pow(d, 0.37), sizes: 8, tokenCounts: 5, noise: 0.01, seed: 4);
        var builtIn = new LawSpec(LawRegistry.Create(name)).Fit(runs);
        var fit = NonlinearFitter.Fit(runs, FormulaLaw.Create(formula, runs.TextColumnNames));
        Assert.Equal(builtIn.Statistics.Objective, fit.Statistics.Objective, builtIn.Statistics.Objective * 1e-6);
        foreach (var p in builtIn.ScalingLaw.Parameters)
            Assert.Equal(builtIn[p.Name].Value, fit[p.Name].Value, Math.Abs(builtIn[p.Name].Value) * 1e-4);
    }

    [Theory]
    [InlineData("power", "(scale/N)^alpha")]
    [InlineData("joint", "k*N^aN*D^aD")]
    public void Fit_FormulaOfALogLinearLaw_ByLeastSquares_EqualsItsExactOlsFit(string name, string formula)
    {
        // Least squares on ln L of a law linear in ln X is OLS: the nonlinear fit of the formula must land on the closed form.
        var runs = Synthetic.Runs((n, d) => 1.8 + 480 / Math.Pow(n, 0.35) + 2100 / Math.Pow(d, 0.37), sizes: 8, tokenCounts: 5, noise: 0.01, seed: 4);
        var ols = new LawSpec(LawRegistry.Create(name)).Fit(runs);
        var fit = NonlinearFitter.Fit(runs, FormulaLaw.Create(formula, runs.TextColumnNames), new NonlinearFitOptions { Loss = LossFunction.LeastSquares });
        foreach (var p in ols.ScalingLaw.Parameters)
            Assert.Equal(ols[p.Name].Value, fit[p.Name].Value, Math.Abs(ols[p.Name].Value) * 1e-8);
        // ½·SSR against the OLS sum of squares.
        Assert.Equal(ols.Statistics.Objective / 2, fit.Statistics.Objective, ols.Statistics.Objective * 1e-9);
    }

    [Fact]
    public void Fit_LinearResiduals_MatchLeastSquaresOnTheValues()
    {
        // y = a + b·x exactly plus noise: least squares in linear space is ordinary linear regression, solved here by its normal equations.
        var random = new Random(9);
        var xs = Enumerable.Range(1, 30).Select(i => (double)i).ToArray();
        var ys = xs.Select(x => 2.5 - 0.3 * x + 0.2 * Synthetic.Gaussian(random)).ToArray();
        string csv = "N,loss,x,y\n" + string.Concat(xs.Zip(ys, (x, y) => FormattableString.Invariant($"{x},1,{x},{y:R}\n")));
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(csv, "line.csv"), RunSelection.None);
        var law = FormulaLaw.Create("a + b*x", runs.TextColumnNames);
        var fit = NonlinearFitter.Fit(runs, new LawSpec(law) { Residuals = ResidualSpace.Linear, Target = LawTarget.Column("y") },
            new NonlinearFitOptions { Loss = LossFunction.LeastSquares });
        double mx = xs.Average(), my = ys.Average();
        double b = xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum() / xs.Sum(x => (x - mx) * (x - mx));
        double a = my - b * mx;
        Assert.Equal(a, fit["a"].Value, 1e-9);
        Assert.Equal(b, fit["b"].Value, 1e-9);
        Assert.Equal(0.5 * xs.Zip(ys, (x, y) => Math.Pow(a + b * x - y, 2)).Sum(), fit.Statistics.Objective, 1e-9);
    }
}

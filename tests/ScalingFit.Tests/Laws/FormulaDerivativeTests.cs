using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Laws.Formulas;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Laws;

/// <summary>
/// Symbolic derivatives of formula laws against central differences of their own values at random
/// points (fixed seed), in every residual space, and the two ways of running a formula (compiled
/// delegates, the vectorised tape) against each other and against the per-run sum.
/// </summary>
public class FormulaDerivativeTests
{
    /// <summary>Formulas over every operation and function, with inputs x and y in [0.5, 3].</summary>
    public static TheoryData<string> Formulas =>
    [
        "E + A/x^alpha + B/y^beta",
        "k*exp(-g*x) + c",
        "lo + (hi - lo)/(1 + exp(k*(x - x0)))",
        "a + b*x^(-c0)*(1 + (x/d)^(1/f))^(-c1*f)",
        "a*sqrt(x*y) + b*ln(x + c*y) + log10(y)*d",
        "a*sigmoid(b*x - y) + softplus(c*y - x)",
        "a*min(x, b*y) + max(c*x, y)",
        "(a*x + b)/(c + y^2) - d*x^3",
        "((Nc/x)^(p/q) + Dc/y)^q",
    ];

    private static FormulaLaw Law(string formula, bool compile) => FormulaLaw.Create(formula, ["x", "y"], new FormulaOptions { Compile = compile });

    private static (double[] Theta, double[] X)[] Points(FormulaLaw law, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 6).Select(_ =>
        {
            // Positive parameters near 1 in θ = ln p, the others in [0.3, 1.2] (so every term matters and bases stay positive).
            var theta = law.Parameters.Select(p => p.Positive ? 0.6 * random.NextDouble() - 0.3 : 0.3 + 0.9 * random.NextDouble()).ToArray();
            var x = Enumerable.Range(0, law.Inputs.Count).Select(_ => 0.5 + 2.5 * random.NextDouble()).ToArray();
            return (theta, x);
        }).ToArray();
    }

    private static LawRow Row(double[] x) => new(x, x.Select(v => Math.Log(v)).ToArray());

    [Theory, MemberData(nameof(Formulas))]
    public void Evaluate_GradientAndHessian_MatchCentralDifferences(string formula)
    {
        foreach (bool compile in new[] { true, false })
        {
            var law = Law(formula, compile);
            int k = law.Parameters.Count;
            foreach (var space in new[] { ResidualSpace.Linear, ResidualSpace.Log })
            {
                foreach (var (theta, x) in Points(law, seed: 7))
                {
                    var g = new double[k];
                    var h = new double[k * k];
                    double m = law.Evaluate(theta, Row(x), space, g, h);
                    if (!double.IsFinite(m)) continue;
                    double M(double[] t) => law.Evaluate(t, Row(x), space, new double[k], Span<double>.Empty);
                    for (int a = 0; a < k; a++)
                    {
                        double fd = Differences.Central(M, theta, a);
                        Assert.True(Math.Abs(g[a] - fd) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"{formula} {space} ∂m/∂θ{a}: {g[a]} vs {fd}");
                        for (int b = 0; b < k; b++)
                        {
                            double fh = Differences.Central(t => { var gg = new double[k]; law.Evaluate(t, Row(x), space, gg, Span<double>.Empty); return gg[a]; }, theta, b);
                            Assert.True(Math.Abs(h[a * k + b] - fh) <= 1e-5 * Math.Max(1, Math.Abs(fh)), $"{formula} {space} H[{a},{b}]: {h[a * k + b]} vs {fh}");
                        }
                    }
                }
            }
        }
    }

    [Theory, MemberData(nameof(Formulas))]
    public void InputGradient_MatchesCentralDifferencesInTheInputs(string formula)
    {
        var law = Law(formula, compile: true);
        foreach (var (theta, x) in Points(law, seed: 11))
        {
            var p = law.Parameters.Select((q, i) => q.FromTheta(theta[i])).ToArray();
            var g = new double[x.Length];
            law.InputGradient(p, x, g);
            for (int j = 0; j < x.Length; j++)
            {
                double fd = Differences.Central(v => law.Value(p, v), x, j);
                Assert.True(Math.Abs(g[j] - fd) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"{formula} ∂f/∂x{j}: {g[j]} vs {fd}");
            }
        }
    }

    [Theory, MemberData(nameof(Formulas))]
    public void Objective_CompiledAndTape_AgreeWithThePerRunSum(string formula)
    {
        // 300 runs: more than one block of the tape, with a partial last block.
        var random = new Random(3);
        var rows = Enumerable.Range(0, 300).Select(_ => (X: 0.5 + 2.5 * random.NextDouble(), Y: 0.5 + 2.5 * random.NextDouble())).ToList();
        var reference = Law(formula, compile: true);
        var (theta0, _) = Points(reference, seed: 5)[0];
        var p0 = reference.Parameters.Select((q, i) => q.FromTheta(theta0[i])).ToArray();
        string csv = "x,y,v\n" + string.Concat(rows.Select(r => FormattableString.Invariant(
            $"{r.X:R},{r.Y:R},{Math.Abs(reference.Value(p0, [r.X, r.Y])) * Math.Exp(0.05 * Synthetic.Gaussian(random)) + 0.01:R}\n")));
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(csv.Replace("x,y,v", "x,y,loss"), "derivatives.csv"), RunSelection.None);
        foreach (var space in new[] { ResidualSpace.Linear, ResidualSpace.Log })
        {
            var data = FitData.From(runs, reference.Inputs, ScalingFit.Laws.LawTarget.Loss, space, positiveInputs: false);
            int k = reference.Parameters.Count;
            var theta = theta0.Select(t => t + 0.05).ToArray();
            foreach (var loss in new[] { LossFunction.Default, LossFunction.LeastSquares })
            {
                var generic = new LogLossObjective(reference, data, loss);
                var gExpected = new double[k];
                var hExpected = new double[k * k];
                double expected = generic.Evaluate(theta, gExpected, hExpected);
                foreach (bool compile in new[] { true, false })
                {
                    var objective = LogLossObjective.For(Law(formula, compile), data, loss);
                    var g = new double[k];
                    var h = new double[k * k];
                    double actual = objective.Evaluate(theta, g, h);
                    if (!double.IsFinite(expected)) { Assert.False(double.IsFinite(actual) && actual < 1e300); continue; }
                    Assert.Equal(expected, actual, Math.Abs(expected) * 1e-10);
                    for (int a = 0; a < k; a++) Assert.Equal(gExpected[a], g[a], Math.Max(1, Math.Abs(gExpected[a])) * 1e-9);
                    for (int a = 0; a < k * k; a++) Assert.Equal(hExpected[a], h[a], Math.Max(1, Math.Abs(hExpected[a])) * 1e-9);
                    // The value alone (the screen of starting points) is the same number.
                    Assert.Equal(actual, objective.Evaluate(theta, Span<double>.Empty, Span<double>.Empty), Math.Abs(actual) * 1e-12);
                }
            }
        }
    }
}

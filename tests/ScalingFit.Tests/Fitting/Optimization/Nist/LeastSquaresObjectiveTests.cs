namespace ScalingFit.Tests.Fitting.Optimization.Nist;

/// <summary>
/// The hand-written Jacobians and the least-squares adapter, against central finite differences,
/// at both NIST starting points and at the certified solution of every problem.
/// </summary>
public class LeastSquaresObjectiveTests
{
    public static TheoryData<string, int> Points
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var (name, _) in NistProblem.All)
                for (int point = 0; point <= 2; point++) data.Add(name, point);
            return data;
        }
    }

    public static TheoryData<string, int> Starts
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var (name, _) in NistProblem.All)
                for (int start = 1; start <= 2; start++) data.Add(name, start);
            return data;
        }
    }

    /// <summary>Start 1, start 2, or (0) the certified parameters.</summary>
    private static double[] At(NistProblem problem, int point) => point == 0 ? problem.Certified : problem.Start(point);

    [Theory]
    [MemberData(nameof(Points))]
    public void Jacobian_EachModelAndObservation_MatchesCentralDifferences(string name, int point)
    {
        var problem = NistProblem.Load(name);
        var model = problem.Model;
        double[] b = At(problem, point);
        int p = model.ParameterCount;
        var analytic = new double[p];
        var scratch = new double[p];
        foreach (var x in problem.Predictors)
        {
            double f = model.Evaluate(b, x, analytic);
            for (int j = 0; j < p; j++)
            {
                // Central difference with a relative step: truncation O(h²), rounding O(ε·|f|/h).
                double h = 1e-6 * Math.Abs(b[j]);
                double[] up = [.. b], down = [.. b];
                up[j] += h;
                down[j] -= h;
                double numeric = (model.Evaluate(up, x, scratch) - model.Evaluate(down, x, scratch)) / (up[j] - down[j]);
                // The natural size of ∂f/∂bⱼ is |f|/|bⱼ| (a relative change of bⱼ moves f by about f).
                double tolerance = 1e-6 * (Math.Abs(analytic[j]) + Math.Abs(f) / Math.Abs(b[j]));
                Assert.True(Math.Abs(analytic[j] - numeric) <= tolerance,
                    $"{name} at point {point}, x = [{string.Join(", ", x)}]: ∂f/∂b{j + 1} analytic {analytic[j]:R}, central difference {numeric:R}.");
            }
        }
    }

    // At the starts only: at the certified solution the gradient is zero up to the rounding of
    // the certified digits, and a difference of F there measures nothing but cancellation.
    [Theory]
    [MemberData(nameof(Starts))]
    public void Evaluate_Gradient_MatchesCentralDifferencesOfObjective(string name, int point)
    {
        var problem = NistProblem.Load(name);
        var objective = LeastSquaresObjective.For(problem);
        double[] b = At(problem, point);
        int p = objective.Dimension;
        var gradient = new double[p];
        var hessian = new double[p * p];
        double value = objective.Evaluate(b, gradient, hessian);
        Assert.Equal(objective.ResidualSumOfSquares(b) / 2, value, 12);
        for (int j = 0; j < p; j++)
        {
            double h = 1e-6 * Math.Abs(b[j]);
            double[] up = [.. b], down = [.. b];
            up[j] += h;
            down[j] -= h;
            double numeric = (objective.Evaluate(up, new double[p], []) - objective.Evaluate(down, new double[p], [])) / (up[j] - down[j]);
            // Differences of F = ½Σr² cancel to about ε·F/h.
            double tolerance = 1e-6 * (Math.Abs(gradient[j]) + Math.Abs(value) / Math.Abs(b[j]));
            Assert.True(Math.Abs(gradient[j] - numeric) <= tolerance,
                $"{name} at point {point}: ∂F/∂b{j + 1} = Jᵀr is {gradient[j]:R}, central difference {numeric:R}.");
            for (int k = 0; k < p; k++) Assert.Equal(hessian[j * p + k], hessian[k * p + j]);
            Assert.True(hessian[j * p + j] >= 0, $"{name}: diagonal of JᵀJ is negative.");
        }
    }

    [Fact]
    public void Evaluate_OutsideTheModelsDomain_ReturnsNaN()
    {
        // Bennett5: (b2 + x)^(−1/b3) is undefined for b2 + x < 0 (x ≥ 7.4 in the data).
        var objective = LeastSquaresObjective.For(NistProblem.Load("Bennett5"));
        Assert.True(double.IsNaN(objective.Evaluate([-2000, -100, 0.8], new double[3], new double[9])));
    }

    [Fact]
    public void Constructor_PredictorAndResponseCountsDiffer_Throws()
    {
        var problem = NistProblem.Load("Misra1a");
        Assert.Throws<ArgumentException>(() => new LeastSquaresObjective(problem.Model, problem.Predictors[1..], problem.Responses));
    }
}

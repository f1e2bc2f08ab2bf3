using ScalingFit.Fitting.Optimization;

namespace ScalingFit.Tests.Fitting.Optimization.Nist;

/// <summary>
/// A nonlinear least-squares problem as an <see cref="IObjective"/> for <see cref="NewtonTrustRegion"/>:
/// F(β) = ½·Σ rᵢ², rᵢ = f(xᵢ; β) − yᵢ, with gradient Jᵀr and the Gauss–Newton Hessian JᵀJ
/// (J = ∂r/∂β, from the model's hand-written Jacobian). With this Hessian the optimizer's damped
/// Newton step (JᵀJ + μ·D)·p = −Jᵀr is exactly a Levenberg–Marquardt step.
/// </summary>
public sealed class LeastSquaresObjective : IObjective
{
    private readonly NistModel _model;
    private readonly double[][] _predictors;
    private readonly double[] _responses;
    private readonly double[] _row;

    /// <summary>Creates the objective for a model and its data.</summary>
    public LeastSquaresObjective(NistModel model, double[][] predictors, double[] responses)
    {
        if (predictors.Length != responses.Length)
            throw new ArgumentException($"Expected one predictor row per response ({responses.Length}), got {predictors.Length}.", nameof(predictors));
        _model = model;
        _predictors = predictors;
        _responses = responses;
        _row = new double[model.ParameterCount];
    }

    /// <summary>The objective of a NIST problem.</summary>
    public static LeastSquaresObjective For(NistProblem problem) => new(problem.Model, problem.Predictors, problem.Responses);

    /// <inheritdoc />
    public int Dimension => _model.ParameterCount;

    /// <summary>Counts calls of <see cref="Evaluate"/>.</summary>
    public int Evaluations { get; private set; }

    /// <summary>Σ rᵢ² at <paramref name="b"/> (twice the objective).</summary>
    public double ResidualSumOfSquares(ReadOnlySpan<double> b) => 2 * Evaluate(b, new double[Dimension], []);

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient, Span<double> hessian)
    {
        Evaluations++;
        int n = Dimension;
        gradient.Clear();
        hessian.Clear();
        double sum = 0;
        for (int i = 0; i < _responses.Length; i++)
        {
            double r = _model.Evaluate(x, _predictors[i], _row) - _responses[i];
            if (!double.IsFinite(r)) return double.NaN;
            sum += r * r;
            for (int j = 0; j < n; j++)
            {
                gradient[j] += _row[j] * r;
                if (hessian.IsEmpty) continue;
                for (int k = 0; k <= j; k++) hessian[j * n + k] += _row[j] * _row[k];
            }
        }
        if (!hessian.IsEmpty)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < j; k++) hessian[k * n + j] = hessian[j * n + k];
        for (int j = 0; j < n; j++)
            if (!double.IsFinite(gradient[j])) return double.NaN;
        return 0.5 * sum;
    }
}

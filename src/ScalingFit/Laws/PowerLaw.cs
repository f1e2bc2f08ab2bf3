using ScalingFit.Data;

namespace ScalingFit.Laws;

/// <summary>
/// L = (X_c/X)^α (Kaplan et al. 2020, Eqs. 1.1–1.3) as a nonlinear law, to compare a Huber or
/// least-squares fit on log loss with the log-log OLS of <see cref="Fitting.LogLogRegression"/>.
/// Fitted in θ = (b₀, b₁) with ln L̂ = b₀ + b₁·ln X, so α = −b₁ and X_c = exp(−b₀/b₁).
/// </summary>
public sealed class PowerLaw : IScalingLaw
{
    /// <summary>The law in one input: N, D or C.</summary>
    public PowerLaw(Quantity input)
    {
        if (input == Quantity.Loss) throw new OptionException("the power law needs N, D or C as its input, not the loss.");
        Inputs = [input];
        string x = input.Symbol();
        Formula = $"L = ({x}_c/{x})^α";
        Parameters = [new("alpha", "α", "exponent"), new("scale", $"{x}_c", $"scale of {x}", Positive: true)];
    }

    /// <inheritdoc/>
    public string Name => "power";

    /// <inheritdoc/>
    public string Formula { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Quantity> Inputs { get; }

    /// <inheritdoc/>
    public IReadOnlyList<LawParameter> Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> FitParameterNames { get; } = ["b₀ (intercept)", "b₁ (slope)"];

    /// <summary>b₀ ∈ {0, 1, …, 4}, b₁ ∈ {−0.4, −0.2, −0.1, −0.05, 0}: 25 starts (the objective is convex in θ).</summary>
    public StartGrid Starts { get; } = new([StartGrid.Range(0, 4, 1), [-0.4, -0.2, -0.1, -0.05, 0]]);

    /// <inheritdoc/>
    public double Loss(ReadOnlySpan<double> p, ReadOnlySpan<double> x) => Math.Pow(p[1] / x[0], p[0]);

    /// <inheritdoc/>
    public double LogLoss(ReadOnlySpan<double> theta, ReadOnlySpan<double> logX, Span<double> g, Span<double> h)
    {
        g[0] = 1;
        g[1] = logX[0];
        h.Clear();
        return theta[0] + theta[1] * logX[0];
    }

    /// <inheritdoc/>
    public void ToNatural(ReadOnlySpan<double> theta, Span<double> natural, Span<double> jacobian)
    {
        double b0 = theta[0], b1 = theta[1];
        natural[0] = -b1;
        natural[1] = Math.Exp(-b0 / b1);
        jacobian[0] = 0;
        jacobian[1] = -1;
        jacobian[2] = natural[1] * (-1 / b1);
        jacobian[3] = natural[1] * (b0 / (b1 * b1));
    }

    /// <inheritdoc/>
    public void FromNatural(ReadOnlySpan<double> natural, Span<double> theta)
    {
        theta[1] = -natural[0];
        theta[0] = natural[0] * Math.Log(natural[1]);
    }

    /// <inheritdoc/>
    public bool IsFeasible(ReadOnlySpan<double> theta) => true;
}

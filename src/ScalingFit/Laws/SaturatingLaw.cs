using ScalingFit.Data;

namespace ScalingFit.Laws;

/// <summary>
/// L = E + A·X^(−α): a power law that flattens toward an irreducible loss E (Kaplan et al. 2020,
/// section 6; Hoffmann et al. 2022 in one variable). Fitted in θ = (e, a, α) with E = eᵉ, A = eᵃ,
/// where ln L̂ = LSE(a − α·ln X, e).
/// </summary>
public sealed class SaturatingLaw : IScalingLaw
{
    /// <summary>The law in one input: N, D or C.</summary>
    public SaturatingLaw(Quantity input)
    {
        if (input == Quantity.Loss) throw new OptionException("the saturating law needs N, D or C as its input, not the loss.");
        Inputs = [input];
        string x = input.Symbol();
        Formula = $"L = E + A·{x}^(−α)";
    }

    /// <inheritdoc/>
    public string Name => "saturating";

    /// <inheritdoc/>
    public string Formula { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Quantity> Inputs { get; }

    /// <inheritdoc/>
    public IReadOnlyList<LawParameter> Parameters { get; } =
    [
        new("E", "E", "irreducible loss", Positive: true),
        new("A", "A", "scale of the power-law term", Positive: true),
        new("alpha", "α", "exponent"),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<string> FitParameterNames { get; } = ["e = ln E", "a = ln A", "α"];

    /// <summary>Hoffmann's grid restricted to one term: e ∈ {−1, …, 1}, a ∈ {0, 5, …, 25}, α ∈ {0, …, 2}: 150 starts.</summary>
    public StartGrid Starts { get; } = new([StartGrid.Range(-1, 1, 0.5), StartGrid.Range(0, 25, 5), StartGrid.Range(0, 2, 0.5)]);

    /// <inheritdoc/>
    public double Loss(ReadOnlySpan<double> p, ReadOnlySpan<double> x) => p[0] + p[1] / Math.Pow(x[0], p[2]);

    /// <inheritdoc/>
    public double LogLoss(ReadOnlySpan<double> theta, ReadOnlySpan<double> logX, Span<double> g, Span<double> h)
    {
        double lnX = logX[0];
        double value = LogSumExp.Of2(theta[1] - theta[2] * lnX, theta[0], out var w1, out var w2);
        g[0] = w2;
        g[1] = w1;
        g[2] = -w1 * lnX;
        if (!h.IsEmpty)
        {
            // Jᵀ(diag w − wwᵀ)J with t₁ = a − α ln X, t₂ = e; here diag w − wwᵀ = w₁w₂·[[1, −1], [−1, 1]].
            double s = w1 * w2;
            h[0] = s; h[1] = -s; h[2] = s * lnX;
            h[3] = -s; h[4] = s; h[5] = -s * lnX;
            h[6] = s * lnX; h[7] = -s * lnX; h[8] = s * lnX * lnX;
        }
        return value;
    }

    /// <inheritdoc/>
    public void ToNatural(ReadOnlySpan<double> theta, Span<double> natural, Span<double> jacobian)
    {
        jacobian.Clear();
        natural[0] = Math.Exp(theta[0]);
        natural[1] = Math.Exp(theta[1]);
        natural[2] = theta[2];
        jacobian[0] = natural[0];
        jacobian[4] = natural[1];
        jacobian[8] = 1;
    }

    /// <inheritdoc/>
    public void FromNatural(ReadOnlySpan<double> natural, Span<double> theta)
    {
        theta[0] = Math.Log(natural[0]);
        theta[1] = Math.Log(natural[1]);
        theta[2] = natural[2];
    }

    /// <inheritdoc/>
    public bool IsFeasible(ReadOnlySpan<double> theta) => true;
}

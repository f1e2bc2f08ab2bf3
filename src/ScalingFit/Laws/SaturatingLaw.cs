namespace ScalingFit.Laws;

/// <summary>
/// L = E + A·X^(−α): a power law that flattens toward an irreducible loss E (Kaplan et al. 2020,
/// section 6; Hoffmann et al. 2022 in one variable). Fitted in θ = (e, a, α) with E = eᵉ, A = eᵃ,
/// where ln L̂ = LSE(a − α·ln X, e).
/// </summary>
public sealed class SaturatingLaw : LogSpaceLaw
{
    /// <summary>The law in one input: N, D, C or a numeric column.</summary>
    public SaturatingLaw(LawInput input)
    {
        Inputs = [input];
        Formula = $"L = E + A·{input.Name}^(−α)";
    }

    /// <inheritdoc/>
    public override string Name => "saturating";

    /// <inheritdoc/>
    public override string Label => $"saturating ({Inputs[0].Name})";

    /// <inheritdoc/>
    public override string Formula { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<LawInput> Inputs { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<LawParameter> Parameters { get; } =
    [
        new("E", "E", "irreducible loss", Positive: true) { Role = ParameterRole.Offset },
        new("A", "A", "scale of the power-law term", Positive: true),
        new("alpha", "α", "exponent") { Role = ParameterRole.Exponent },
    ];

    /// <summary>Hoffmann's grid restricted to one term: e ∈ {−1, …, 1}, a ∈ {0, 5, …, 25}, α ∈ {0, …, 2}: 150 starts.</summary>
    protected override StartGrid DefaultStarts { get; } = new([StartGrid.Range(-1, 1, 0.5), StartGrid.Range(0, 25, 5), StartGrid.Range(0, 2, 0.5)]);

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> p, ReadOnlySpan<double> x) => p[0] + p[1] / Math.Pow(x[0], p[2]);

    /// <inheritdoc/>
    public override double LogValue(ReadOnlySpan<double> theta, ReadOnlySpan<double> logX, Span<double> g, Span<double> h)
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
}

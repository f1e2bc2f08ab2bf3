using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Laws;

/// <summary>
/// L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, Eq. 2; "approach 3"). Fitted, as Hoffmann
/// and the replication did, in θ = (a, b, e, α, β) with A = eᵃ, B = eᵇ, E = eᵉ, where
/// ln L̂ = LSE(a − α·ln N, b − β·ln D, e).
/// </summary>
public sealed class ChinchillaLaw : LogSpaceLaw, IHasObjective, IHasFrontier, IHasInputGradient
{
    /// <summary>The single instance.</summary>
    public static ChinchillaLaw Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "chinchilla";

    /// <inheritdoc/>
    public override string Formula => "L = E + A/N^α + B/D^β";

    /// <inheritdoc/>
    public override IReadOnlyList<LawInput> Inputs { get; } = LawInputs.Of(Quantity.ParameterCount, Quantity.TrainingTokens);

    /// <inheritdoc/>
    public override IReadOnlyList<LawParameter> Parameters { get; } =
    [
        new("E", "E", "irreducible loss", Positive: true) { Role = ParameterRole.Offset },
        new("A", "A", "scale of the model-size term", Positive: true),
        new("B", "B", "scale of the data term", Positive: true),
        new("alpha", "α", "exponent of N") { Role = ParameterRole.Exponent },
        new("beta", "β", "exponent of D") { Role = ParameterRole.Exponent },
    ];

    /// <summary>
    /// Hoffmann et al.'s grid, as the replication ran it: α, β ∈ {0, 0.5, …, 2}, e ∈ {−1, −0.5, …, 1},
    /// a, b ∈ {0, 5, …, 25}, upper ends included: 4,500 starts.
    /// </summary>
    protected override StartGrid DefaultStarts { get; } = new([
        StartGrid.Range(-1, 1, 0.5), StartGrid.Range(0, 25, 5), StartGrid.Range(0, 25, 5),
        StartGrid.Range(0, 2, 0.5), StartGrid.Range(0, 2, 0.5)]);

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> p, ReadOnlySpan<double> x) =>
        p[0] + p[1] / Math.Pow(x[0], p[3]) + p[2] / Math.Pow(x[1], p[4]);

    /// <inheritdoc/>
    public override double LogValue(ReadOnlySpan<double> theta, ReadOnlySpan<double> logX, Span<double> g, Span<double> h)
    {
        // θ = (e, a, b, α, β); t₁ = a − α·ln N, t₂ = b − β·ln D, t₃ = e.
        double lnN = logX[0], lnD = logX[1];
        double value = LogSumExp.Of3(theta[1] - theta[3] * lnN, theta[2] - theta[4] * lnD, theta[0], out var w1, out var w2, out var w3);
        g[0] = w3;
        g[1] = w1;
        g[2] = w2;
        g[3] = -w1 * lnN;
        g[4] = -w2 * lnD;
        if (!h.IsEmpty) Hessian(w1, w2, w3, lnN, lnD, h);
        return value;
    }

    /// <summary>∇²θ ln L̂ = Jᵀ(diag w − wwᵀ)J with J the (t × θ) Jacobian.</summary>
    private static void Hessian(double w1, double w2, double w3, double lnN, double lnD, Span<double> h)
    {
        // wₖ(1 − wₖ) written as wₖ·(sum of the other weights): no cancellation when one term dominates.
        double s11 = w1 * (w2 + w3), s22 = w2 * (w1 + w3), s33 = w3 * (w1 + w2);
        double s12 = -w1 * w2, s13 = -w1 * w3, s23 = -w2 * w3;
        // Rows of J by θ index: e → t₃; a → t₁; b → t₂; α → −ln N·t₁; β → −ln D·t₂.
        var v = h;
        v[0] = s33; v[1] = s13; v[2] = s23; v[3] = -lnN * s13; v[4] = -lnD * s23;
        v[6] = s11; v[7] = s12; v[8] = -lnN * s11; v[9] = -lnD * s12;
        v[12] = s22; v[13] = -lnN * s12; v[14] = -lnD * s22;
        v[18] = lnN * lnN * s11; v[19] = lnN * lnD * s12;
        v[24] = lnD * lnD * s22;
        for (int i = 1; i < 5; i++)
        {
            for (int j = 0; j < i; j++) h[i * 5 + j] = h[j * 5 + i];
        }
    }

    /// <summary>
    /// The compute-optimal allocation exponents (Hoffmann et al. 2022, Eq. 4): N_opt ∝ C^a with
    /// a = β/(α+β), D_opt ∝ C^b with b = α/(α+β).
    /// </summary>
    public override IReadOnlyList<DerivedQuantity> Derived { get; } =
    [
        new("a", "β/(α+β)", "exponent of compute in the optimal model size", p => p[4] / (p[3] + p[4])),
        new("b", "α/(α+β)", "exponent of compute in the optimal token count", p => p[3] / (p[3] + p[4])),
    ];

    /// <summary>The vectorised kernel (log residuals, where vectors run in hardware), in double or single precision.</summary>
    IWeightedObjective? IHasObjective.Objective(FitData data, LossFunction loss, bool coarse) =>
        data.Space != ResidualSpace.Log || !System.Numerics.Vector.IsHardwareAccelerated ? null
        : coarse ? new ChinchillaObjectiveSingle(data, loss)
        : new ChinchillaObjective(data, loss);

    /// <inheritdoc/>
    public string FrontierFormula =>
        "N_opt = G·(C/6)^a, D_opt = G⁻¹·(C/6)^b with G = (αA/(βB))^(1/(α+β)), a = β/(α+β), b = α/(α+β) (Hoffmann et al. 2022, Eq. 4)";

    /// <summary>
    /// Hoffmann et al. 2022, Eq. 4 and Appendix D.2: G = (αA/(βB))^(1/(α+β)), a = β/(α+β); at the
    /// optimum αA/N^α = βB/D^β, and the loss falls toward E.
    /// </summary>
    public bool TryFrontier(IReadOnlyList<double> p, out ClosedFormFrontier frontier, out string? problem)
    {
        double a = p[1], b = p[2], alpha = p[3], beta = p[4];
        frontier = default;
        problem = null;
        if (!(alpha > 0 && beta > 0))
        {
            problem = $"the fitted exponents α = {NumberFormat.Significant(alpha, 4)}, β = {NumberFormat.Significant(beta, 4)} must both be " +
                      "positive for the loss to have a minimum along 6ND = C; this fit has no compute-optimal allocation.";
            return false;
        }
        // ln G = (ln(αA) − ln(βB))/(α+β).
        frontier = new ClosedFormFrontier((Math.Log(alpha * a) - Math.Log(beta * b)) / (alpha + beta), beta / (alpha + beta), p[0]);
        return true;
    }

    /// <summary>∂L/∂N = −αA·N^(−α−1), ∂L/∂D = −βB·D^(−β−1).</summary>
    public void InputGradient(ReadOnlySpan<double> p, ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -p[3] * p[1] * Math.Pow(x[0], -p[3]) / x[0];
        g[1] = -p[4] * p[2] * Math.Pow(x[1], -p[4]) / x[1];
    }
}

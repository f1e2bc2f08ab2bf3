using ScalingFit.Data;

namespace ScalingFit.Laws;

/// <summary>
/// L(N, D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D (Kaplan et al. 2020, Eq. 1.5; they fit α_N = 0.076,
/// α_D = 0.103, N_c = 6.4e13, D_c = 1.8e13). Fitted in θ = (c₁, c₂, α_N, α_D) with N_c = e^c₁,
/// D_c = e^c₂, where ln L̂ = α_D·LSE(u₁, u₂), u₁ = (α_N/α_D)(c₁ − ln N), u₂ = c₂ − ln D.
/// </summary>
public sealed class KaplanNdLaw : LogSpaceLaw, IHasFrontier, IHasInputGradient
{
    private static readonly IReadOnlyList<double> Decades = [.. new[] { 9, 11, 13, 15, 17 }.Select(k => k * Math.Log(10))];

    private static readonly IReadOnlyList<double> Exponents = [0.05, 0.1, 0.2, 0.4];

    /// <summary>The single instance.</summary>
    public static KaplanNdLaw Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "kaplan-nd";

    /// <inheritdoc/>
    public override string Formula => "L = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D";

    /// <inheritdoc/>
    public override IReadOnlyList<LawInput> Inputs { get; } = LawInputs.Of(Quantity.ParameterCount, Quantity.TrainingTokens);

    /// <inheritdoc/>
    public override IReadOnlyList<LawParameter> Parameters { get; } =
    [
        new("Nc", "N_c", "model-size scale", Positive: true),
        new("Dc", "D_c", "data scale", Positive: true),
        new("alphaN", "α_N", "exponent of N") { Role = ParameterRole.Exponent },
        new("alphaD", "α_D", "exponent of D") { Role = ParameterRole.Exponent, Bounds = new(0, double.PositiveInfinity) },
    ];

    /// <summary>ln N_c, ln D_c ∈ ln{1e9, 1e11, …, 1e17}; α_N, α_D ∈ {0.05, 0.1, 0.2, 0.4}: 400 starts.</summary>
    protected override StartGrid DefaultStarts { get; } = new([Decades, Decades, Exponents, Exponents]);

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> p, ReadOnlySpan<double> x) =>
        Math.Pow(Math.Pow(p[0] / x[0], p[2] / p[3]) + p[1] / x[1], p[3]);

    /// <inheritdoc/>
    public override double LogValue(ReadOnlySpan<double> theta, ReadOnlySpan<double> logX, Span<double> g, Span<double> h)
    {
        double c1 = theta[0], c2 = theta[1], p = theta[2], q = theta[3];
        double r = p / q, v = c1 - logX[0];
        double s = LogSumExp.Of2(r * v, c2 - logX[1], out var w1, out var w2);
        // ∇u₁ = (r, 0, v/q, −p·v/q²), ∇u₂ = (0, 1, 0, 0); ∇S = w₁∇u₁ + w₂∇u₂; ∇m = q∇S + S·e_q.
        Span<double> u1 = [r, 0, v / q, -p * v / (q * q)];
        Span<double> gs = [w1 * u1[0], w2, w1 * u1[2], w1 * u1[3]];
        for (int i = 0; i < 4; i++) g[i] = q * gs[i];
        g[3] += s;
        if (!h.IsEmpty)
        {
            // ∇²S = w₁∇²u₁ + w₁w₂(∇u₁ − ∇u₂)(∇u₁ − ∇u₂)ᵀ; ∇²m = q∇²S + e_q∇Sᵀ + ∇S e_qᵀ.
            Span<double> d = [u1[0], -1, u1[2], u1[3]];
            double ww = w1 * w2;
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++) h[i * 4 + j] = q * ww * d[i] * d[j];
            double q2 = q * q;
            AddSymmetric(h, 0, 2, q * w1 / q);
            AddSymmetric(h, 0, 3, q * w1 * -p / q2);
            AddSymmetric(h, 2, 3, q * w1 * -v / q2);
            h[15] += q * w1 * 2 * p * v / (q2 * q);
            for (int i = 0; i < 4; i++)
            {
                h[i * 4 + 3] += gs[i];
                h[3 * 4 + i] += gs[i];
            }
        }
        return q * s;
    }

    private static void AddSymmetric(Span<double> h, int i, int j, double value)
    {
        h[i * 4 + j] += value;
        h[j * 4 + i] += value;
    }

    /// <summary>α_D must stay positive: it divides α_N and raises the bracket.</summary>
    public override bool IsFeasible(ReadOnlySpan<double> theta) => theta[3] > 1e-9;

    /// <inheritdoc/>
    public string FrontierFormula =>
        "N_opt = G·(C/6)^a, D_opt = C/(6·N_opt) with r = α_N/α_D, G = (r·N_c^r/D_c)^(1/(1+r)), a = α_D/(α_N+α_D), b = 1 − a " +
        "(the minimum of Kaplan et al. 2020 Eq. 1.5 along C = 6ND)";

    /// <summary>
    /// Setting d/dN of (N_c/N)^r + 6·D_c·N/C to zero gives N_opt^(1+r) = r·N_c^r·C/(6·D_c), so
    /// G = (r·N_c^r/D_c)^(1/(1+r)), a = 1/(1+r) = α_D/(α_N+α_D); the loss falls toward 0. (Kaplan et
    /// al.'s own frontier, N ∝ C^0.73, came from their L(N, S) fit with early stopping, not from
    /// Eq. 1.5 at C = 6ND.)
    /// </summary>
    public bool TryFrontier(IReadOnlyList<double> p, out ClosedFormFrontier frontier, out string? problem)
    {
        double nc = p[0], dc = p[1], alphaN = p[2], alphaD = p[3];
        frontier = default;
        problem = null;
        if (!(alphaN > 0 && alphaD > 0))
        {
            problem = $"the fitted exponents α_N = {NumberFormat.Significant(alphaN, 4)}, α_D = {NumberFormat.Significant(alphaD, 4)} must " +
                      "both be positive for the loss to have a minimum along 6ND = C; this fit has no compute-optimal allocation.";
            return false;
        }
        double r = alphaN / alphaD;
        // ln G = (ln r + r·ln N_c − ln D_c)/(1 + r).
        frontier = new ClosedFormFrontier((Math.Log(r) + r * Math.Log(nc) - Math.Log(dc)) / (1 + r), 1 / (1 + r), 0);
        return true;
    }

    /// <summary>With S = (N_c/N)^r + D_c/D and L = S^α_D: ∂L/∂N = −α_D·S^(α_D−1)·r·(N_c/N)^r/N, ∂L/∂D = −α_D·S^(α_D−1)·D_c/D².</summary>
    public void InputGradient(ReadOnlySpan<double> p, ReadOnlySpan<double> x, Span<double> g)
    {
        double r = p[2] / p[3], t = Math.Pow(p[0] / x[0], r), s = t + p[1] / x[1];
        double outer = p[3] * Math.Pow(s, p[3] - 1);
        g[0] = -outer * r * t / x[0];
        g[1] = -outer * p[1] / (x[1] * x[1]);
    }
}

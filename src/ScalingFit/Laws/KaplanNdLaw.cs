using ScalingFit.Data;

namespace ScalingFit.Laws;

/// <summary>
/// L(N, D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D (Kaplan et al. 2020, Eq. 1.5; they fit α_N = 0.076,
/// α_D = 0.103, N_c = 6.4e13, D_c = 1.8e13). Fitted in θ = (c₁, c₂, α_N, α_D) with N_c = e^c₁,
/// D_c = e^c₂, where ln L̂ = α_D·LSE(u₁, u₂), u₁ = (α_N/α_D)(c₁ − ln N), u₂ = c₂ − ln D.
/// </summary>
public sealed class KaplanNdLaw : IScalingLaw
{
    private static readonly IReadOnlyList<double> Decades = [.. new[] { 9, 11, 13, 15, 17 }.Select(k => k * Math.Log(10))];

    private static readonly IReadOnlyList<double> Exponents = [0.05, 0.1, 0.2, 0.4];

    /// <summary>The single instance.</summary>
    public static KaplanNdLaw Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "kaplan-nd";

    /// <inheritdoc/>
    public string Formula => "L = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D";

    /// <inheritdoc/>
    public IReadOnlyList<Quantity> Inputs { get; } = [Quantity.ParameterCount, Quantity.TrainingTokens];

    /// <inheritdoc/>
    public IReadOnlyList<LawParameter> Parameters { get; } =
    [
        new("Nc", "N_c", "model-size scale", Positive: true),
        new("Dc", "D_c", "data scale", Positive: true),
        new("alphaN", "α_N", "exponent of N"),
        new("alphaD", "α_D", "exponent of D"),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<string> FitParameterNames { get; } = ["c₁ = ln N_c", "c₂ = ln D_c", "α_N", "α_D"];

    /// <summary>ln N_c, ln D_c ∈ ln{1e9, 1e11, …, 1e17}; α_N, α_D ∈ {0.05, 0.1, 0.2, 0.4}: 400 starts.</summary>
    public StartGrid Starts { get; } = new([Decades, Decades, Exponents, Exponents]);

    /// <inheritdoc/>
    public double Loss(ReadOnlySpan<double> p, ReadOnlySpan<double> x) =>
        Math.Pow(Math.Pow(p[0] / x[0], p[2] / p[3]) + p[1] / x[1], p[3]);

    /// <inheritdoc/>
    public double LogLoss(ReadOnlySpan<double> theta, ReadOnlySpan<double> logX, Span<double> g, Span<double> h)
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

    /// <inheritdoc/>
    public void ToNatural(ReadOnlySpan<double> theta, Span<double> natural, Span<double> jacobian)
    {
        jacobian.Clear();
        natural[0] = Math.Exp(theta[0]);
        natural[1] = Math.Exp(theta[1]);
        natural[2] = theta[2];
        natural[3] = theta[3];
        jacobian[0] = natural[0];
        jacobian[5] = natural[1];
        jacobian[10] = jacobian[15] = 1;
    }

    /// <inheritdoc/>
    public void FromNatural(ReadOnlySpan<double> natural, Span<double> theta)
    {
        theta[0] = Math.Log(natural[0]);
        theta[1] = Math.Log(natural[1]);
        theta[2] = natural[2];
        theta[3] = natural[3];
    }

    /// <summary>α_D must stay positive: it divides α_N and raises the bracket.</summary>
    public bool IsFeasible(ReadOnlySpan<double> theta) => theta[3] > 1e-9;
}

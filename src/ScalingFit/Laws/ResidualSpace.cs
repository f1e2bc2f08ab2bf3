namespace ScalingFit.Laws;

/// <summary>Where residuals between a law and the observed target are taken.</summary>
public enum ResidualSpace
{
    /// <summary>ln ŷ − ln y: relative errors, for losses and other positive quantities spanning decades (the default).</summary>
    Log,

    /// <summary>ŷ − y: absolute errors, as scipy's curve_fit.</summary>
    Linear,

    /// <summary>logit ŷ − logit y with logit p = ln(p/(1 − p)): for accuracies and error rates in (0, 1).</summary>
    Logit,
}

/// <summary>Moving a law's value and its derivatives into a residual space.</summary>
public static class ResidualSpaces
{
    /// <summary>The symbol of residuals in the space for a target: "ln L", "L", "logit accuracy".</summary>
    public static string Of(this ResidualSpace space, string target) => space switch
    {
        ResidualSpace.Log => $"ln {target}",
        ResidualSpace.Logit => $"logit {target}",
        _ => target,
    };

    /// <summary>The observed value in the space, or NaN when the space cannot hold it (y ≤ 0 in log; y ∉ (0, 1) in logit).</summary>
    public static double Transform(this ResidualSpace space, double y) => space switch
    {
        ResidualSpace.Log => y > 0 ? Math.Log(y) : double.NaN,
        ResidualSpace.Logit => y > 0 && y < 1 ? Math.Log(y / (1 - y)) : double.NaN,
        _ => double.IsFinite(y) ? y : double.NaN,
    };

    /// <summary>The value back from the space: eᵐ, 1/(1 + e⁻ᵐ) or m.</summary>
    public static double Inverse(this ResidualSpace space, double m) => space switch
    {
        ResidualSpace.Log => Math.Exp(m),
        ResidualSpace.Logit => m >= 0 ? 1 / (1 + Math.Exp(-m)) : Math.Exp(m) / (1 + Math.Exp(m)),
        _ => m,
    };

    /// <summary>
    /// Converts m = ln f with its gradient and Hessian (row-major, may be empty) into the space, in place.
    /// With f = eᵐ: ∇f = f∇m, ∇²f = f(∇²m + ∇m∇mᵀ).
    /// </summary>
    public static double FromLog(ResidualSpace space, double m, Span<double> g, Span<double> h)
    {
        if (space == ResidualSpace.Log) return m;
        int k = g.Length;
        double f = Math.Exp(m);
        if (!h.IsEmpty)
        {
            for (int a = 0; a < k; a++)
                for (int b = 0; b < k; b++) h[a * k + b] = f * (h[a * k + b] + g[a] * g[b]);
        }
        for (int a = 0; a < k; a++) g[a] *= f;
        return FromLinear(space, f, g, h);
    }

    /// <summary>
    /// Converts a value f with its gradient and Hessian into the space, in place. Log: ∇ln f = ∇f/f,
    /// ∇² ln f = ∇²f/f − ∇ln f ∇ln fᵀ. Logit: with s = f(1 − f), ∇ℓ = ∇f/s and
    /// ∇²ℓ = ∇²f/s − (1 − 2f)∇f∇fᵀ/s².
    /// </summary>
    public static double FromLinear(ResidualSpace space, double f, Span<double> g, Span<double> h)
    {
        int k = g.Length;
        switch (space)
        {
            case ResidualSpace.Log:
            {
                if (!(f > 0)) return double.NaN;
                for (int a = 0; a < k; a++) g[a] /= f;
                if (!h.IsEmpty)
                {
                    for (int a = 0; a < k; a++)
                        for (int b = 0; b < k; b++) h[a * k + b] = h[a * k + b] / f - g[a] * g[b];
                }
                return Math.Log(f);
            }
            case ResidualSpace.Logit:
            {
                if (!(f > 0 && f < 1)) return double.NaN;
                double s = f * (1 - f), c = (1 - 2 * f) / (s * s);
                if (!h.IsEmpty)
                {
                    for (int a = 0; a < k; a++)
                        for (int b = 0; b < k; b++) h[a * k + b] = h[a * k + b] / s - c * g[a] * g[b];
                }
                for (int a = 0; a < k; a++) g[a] /= s;
                return Math.Log(f / (1 - f));
            }
            default:
                return f;
        }
    }
}

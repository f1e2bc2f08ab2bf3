namespace ScalingFit.Fitting;

/// <summary>How residuals of ln L are penalized.</summary>
public enum LossKind
{
    /// <summary>Huber's loss: quadratic within ±δ, linear beyond (robust to outlying runs).</summary>
    Huber,

    /// <summary>Plain least squares, ½r².</summary>
    LeastSquares,
}

/// <summary>
/// The penalty ρ on a residual r = ln L̂ − ln L, with ψ = ρ′ and ψ′ = ρ″. Huber:
/// ρ(r) = ½r² for |r| ≤ δ, δ(|r| − ½δ) beyond (as scipy.special.huber, which Hoffmann et al. 2022
/// and the replication used with δ = 1e-3). The objective is the sum of ρ over runs, not the mean.
/// </summary>
/// <param name="Kind">Huber or least squares.</param>
/// <param name="Delta">Huber's δ (ignored for least squares).</param>
public sealed record LossFunction(LossKind Kind, double Delta)
{
    /// <summary>Huber with δ = 1e-3, the Chinchilla default.</summary>
    public static LossFunction Default { get; } = Huber(1e-3);

    /// <summary>Plain least squares on ln L.</summary>
    public static LossFunction LeastSquares { get; } = new(LossKind.LeastSquares, double.PositiveInfinity);

    /// <summary>Huber's loss with the given δ.</summary>
    /// <exception cref="OptionException">δ is not positive.</exception>
    public static LossFunction Huber(double delta)
    {
        Guard.Positive(delta, "LossFunction.Delta", "Huber's δ");
        return new LossFunction(LossKind.Huber, delta);
    }

    /// <summary>ρ(r), and ψ = ρ′(r), ψ′ = ρ″(r) through the out parameters.</summary>
    public double Evaluate(double r, out double psi, out double psiPrime)
    {
        if (Kind == LossKind.LeastSquares || Math.Abs(r) <= Delta)
        {
            psi = r;
            psiPrime = 1;
            return 0.5 * r * r;
        }
        psi = r > 0 ? Delta : -Delta;
        psiPrime = 0;
        return Delta * (Math.Abs(r) - 0.5 * Delta);
    }

    /// <summary>"Huber δ=0.001" or "least squares".</summary>
    public override string ToString() => Kind == LossKind.Huber
        ? $"Huber δ={Delta.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)}"
        : "least squares";
}

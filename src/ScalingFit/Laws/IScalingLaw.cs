using ScalingFit.Data;

namespace ScalingFit.Laws;

/// <summary>A parameter of a scaling law, in the law's natural units.</summary>
/// <param name="Name">The stable name used in JSON and by <c>fit["name"]</c> (E, A, alpha, Nc, …).</param>
/// <param name="Symbol">The symbol used in formulas and tables (E, A, α, N_c, …).</param>
/// <param name="Description">What it means, for reports.</param>
/// <param name="Positive">Whether the parameter is a positive scale (fitted as its logarithm), so its interval is taken on the log scale.</param>
public sealed record LawParameter(string Name, string Symbol, string Description, bool Positive = false);

/// <summary>A quantity computed from a law's natural parameters, reported with its own uncertainty.</summary>
/// <param name="Name">The stable name used in JSON (e.g. "a").</param>
/// <param name="Symbol">The symbol for tables (e.g. "a = β/(α+β)").</param>
/// <param name="Description">What it means.</param>
/// <param name="Compute">Its value from the natural parameters.</param>
public sealed record DerivedQuantity(string Name, string Symbol, string Description, Func<double[], double> Compute);

/// <summary>
/// A scaling law fitted by nonlinear least squares or Huber regression on log loss. The law is
/// evaluated in a fitting parametrization θ chosen for conditioning (logarithms of scale
/// parameters, so that ln L̂ is a log-sum-exp of terms linear in θ where possible), and reported in
/// natural parameters.
/// </summary>
public interface IScalingLaw
{
    /// <summary>The name used on the command line: saturating, chinchilla, kaplan-nd, power.</summary>
    string Name { get; }

    /// <summary>The law as a formula, e.g. "L = E + A/N^α + B/D^β".</summary>
    string Formula { get; }

    /// <summary>The quantities the law takes, in the order its methods expect them.</summary>
    IReadOnlyList<Quantity> Inputs { get; }

    /// <summary>The natural parameters, in order.</summary>
    IReadOnlyList<LawParameter> Parameters { get; }

    /// <summary>The names of the fitting parameters θ, in order (e.g. "a = ln A").</summary>
    IReadOnlyList<string> FitParameterNames { get; }

    /// <summary>The loss predicted at natural parameters and inputs.</summary>
    double Loss(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs);

    /// <summary>
    /// ln L̂ at fitting parameters θ and the logarithms of the inputs; fills the gradient with
    /// respect to θ and, when <paramref name="hessian"/> is not empty, the Hessian (row-major).
    /// </summary>
    double LogLoss(ReadOnlySpan<double> theta, ReadOnlySpan<double> logInputs, Span<double> gradient, Span<double> hessian);

    /// <summary>Natural parameters from θ, with the Jacobian ∂natural/∂θ (row-major) for the delta method.</summary>
    void ToNatural(ReadOnlySpan<double> theta, Span<double> natural, Span<double> jacobian);

    /// <summary>θ from natural parameters (for starting points given in natural units).</summary>
    void FromNatural(ReadOnlySpan<double> natural, Span<double> theta);

    /// <summary>The default grid of starting points in θ, as in Hoffmann et al. 2022 for the Chinchilla law.</summary>
    StartGrid Starts { get; }

    /// <summary>Whether θ lies in the law's domain (e.g. exponents of a ratio positive).</summary>
    bool IsFeasible(ReadOnlySpan<double> theta);

    /// <summary>Quantities derived from the parameters (e.g. the Chinchilla allocation exponents).</summary>
    IReadOnlyList<DerivedQuantity> Derived => [];
}

/// <summary>A Cartesian grid of starting points: one list of values per fitting parameter.</summary>
/// <param name="Axes">The values of each fitting parameter, in θ order.</param>
public sealed record StartGrid(IReadOnlyList<IReadOnlyList<double>> Axes)
{
    /// <summary>The number of starting points (the product of the axis lengths).</summary>
    public int Count => Axes.Aggregate(1, (n, axis) => n * axis.Count);

    /// <summary>Writes the starting point with the given index (last axis fastest).</summary>
    public void Point(int index, Span<double> theta)
    {
        for (int j = Axes.Count - 1; j >= 0; j--)
        {
            var axis = Axes[j];
            theta[j] = axis[index % axis.Count];
            index /= axis.Count;
        }
    }

    /// <summary>Values from <paramref name="start"/> to <paramref name="stop"/> inclusive in steps of <paramref name="step"/>.</summary>
    public static IReadOnlyList<double> Range(double start, double stop, double step)
    {
        int count = (int)Math.Round((stop - start) / step) + 1;
        return Enumerable.Range(0, count).Select(i => start + i * step).ToArray();
    }
}

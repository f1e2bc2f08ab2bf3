using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>Two parameters held equal in a fit (e.g. α = β, the shared-exponent Chinchilla law of Gadre et al. 2024).</summary>
/// <param name="Parameter">The parameter that follows.</param>
/// <param name="SameAs">The parameter it equals.</param>
public sealed record ParameterTie(string Parameter, string SameAs);

/// <summary>
/// Constraints on a law's parameters in a fit: fixed values, ties and bounds, by parameter name.
/// Every law gets them: the fit runs over the free parameters only, mapped onto the law's
/// parameters by one transformation (<see cref="ParameterMap"/>). With every parameter fixed, a fit
/// scores a published law on the runs.
/// </summary>
public sealed record ParameterConstraints
{
    /// <summary>No constraint.</summary>
    public static ParameterConstraints None { get; } = new();

    /// <summary>Parameters held at a value (natural units), e.g. E = 1.69.</summary>
    public IReadOnlyDictionary<string, double> Fixed { get; init; } = new Dictionary<string, double>();

    /// <summary>Parameters held equal to another.</summary>
    public IReadOnlyList<ParameterTie> Ties { get; init; } = [];

    /// <summary>Ranges a parameter must stay in (natural units), e.g. α ∈ [0, 1].</summary>
    public IReadOnlyDictionary<string, ParameterBounds> Bounds { get; init; } = new Dictionary<string, ParameterBounds>();

    /// <summary>Whether there is no constraint at all.</summary>
    public bool IsEmpty => Fixed.Count == 0 && Ties.Count == 0 && Bounds.Count == 0;

    /// <summary>Checks the constraints against a law before fitting.</summary>
    /// <exception cref="OptionException">A name the law does not have, a value outside bounds, an impossible tie or range.</exception>
    public void Validate(IScalingLaw law) => ParameterMap.Create(law, this);

    /// <summary>A short description for reports: "fixed E = 1.69; α = β; 0 ≤ α ≤ 1".</summary>
    public string Describe(IScalingLaw law)
    {
        string Symbol(string name) => law.Parameters.FirstOrDefault(p => p.Name == name)?.Symbol ?? name;
        var parts = Fixed.Select(f => $"{Symbol(f.Key)} = {ParameterBounds.End(f.Value)} fixed")
            .Concat(Ties.Select(t => $"{Symbol(t.Parameter)} = {Symbol(t.SameAs)}"))
            .Concat(Bounds.Select(b => $"{Symbol(b.Key)} in {b.Value}"));
        return string.Join("; ", parts);
    }
}

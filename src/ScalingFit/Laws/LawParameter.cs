namespace ScalingFit.Laws;

/// <summary>The role of a parameter, which decides where its default starting values lie.</summary>
public enum ParameterRole
{
    /// <summary>A positive scale multiplying a term (A, B): starts spread over many decades, in log space.</summary>
    Scale,

    /// <summary>An exponent (α, β): starts over [0, 2].</summary>
    Exponent,

    /// <summary>An additive offset (E, ε): starts near the smallest target value.</summary>
    Offset,

    /// <summary>Anything else: starts over [−1, 1] (or decades of a positive value).</summary>
    Other,
}

/// <summary>A closed range [Lower, Upper] of a parameter in natural units; either end may be infinite.</summary>
/// <param name="Lower">The lowest allowed value (−∞ for none).</param>
/// <param name="Upper">The highest allowed value (+∞ for none).</param>
public readonly record struct ParameterBounds(double Lower, double Upper)
{
    /// <summary>No bound.</summary>
    public static ParameterBounds None { get; } = new(double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>Whether both ends are infinite.</summary>
    public bool IsNone => double.IsNegativeInfinity(Lower) && double.IsPositiveInfinity(Upper);

    /// <summary>Whether the value lies within (ends included).</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>The intersection with another range.</summary>
    public ParameterBounds Intersect(ParameterBounds other) => new(Math.Max(Lower, other.Lower), Math.Min(Upper, other.Upper));

    /// <summary>"[0, 1]", "[0, 0.3]", "[0, ∞)": ends to six significant digits without trailing zeros.</summary>
    public override string ToString() =>
        $"{(double.IsNegativeInfinity(Lower) ? "(−∞" : "[" + End(Lower))}, {(double.IsPositiveInfinity(Upper) ? "∞)" : End(Upper) + "]")}";

    /// <summary>A value to six significant digits without trailing zeros: 0.3, 1.69, 406.4, 1.5e12.</summary>
    internal static string End(double value)
    {
        var s = NumberFormat.Significant(value, 6);
        return s.Contains('.') && !s.Contains('e') ? s.TrimEnd('0').TrimEnd('.') : s;
    }
}

/// <summary>A parameter of a scaling law, in the law's natural units.</summary>
/// <param name="Name">The stable name used in JSON, constraints and by <c>fit["name"]</c> (E, A, alpha, Nc, …).</param>
/// <param name="Symbol">The symbol used in formulas and tables (E, A, α, N_c, …).</param>
/// <param name="Description">What it means, for reports.</param>
/// <param name="Positive">
/// Whether the parameter is a positive scale, fitted as its logarithm (θ = ln p), so that it stays
/// positive and its interval is taken on the log scale.
/// </param>
public sealed record LawParameter(string Name, string Symbol, string Description, bool Positive = false)
{
    /// <summary>Its role, for default starting values.</summary>
    public ParameterRole Role { get; init; } = Positive ? ParameterRole.Scale : ParameterRole.Other;

    /// <summary>The values it may take (natural units); (0, ∞) is implied by <see cref="Positive"/>.</summary>
    public ParameterBounds Bounds { get; init; } = ParameterBounds.None;

    /// <summary>Starting values in natural units, or null for the default of its role.</summary>
    public IReadOnlyList<double>? Starts { get; init; }

    /// <summary>The fitting coordinate θ of a natural value: ln p for positive parameters, else p.</summary>
    public double ToTheta(double value) => Positive ? Math.Log(value) : value;

    /// <summary>The natural value of a fitting coordinate: eᶿ for positive parameters, else θ.</summary>
    public double FromTheta(double theta) => Positive ? Math.Exp(theta) : theta;

    /// <summary>The name of its fitting coordinate: "ln E" or "α".</summary>
    public string ThetaName => Positive ? $"ln {Symbol}" : Symbol;

    /// <summary>Whether a natural value is allowed: positive when <see cref="Positive"/>, within <see cref="Bounds"/>.</summary>
    public bool Allows(double value) => double.IsFinite(value) && Bounds.Contains(value) && (!Positive || value > 0);
}

/// <summary>A quantity computed from a law's natural parameters, reported with its own uncertainty.</summary>
/// <param name="Name">The stable name used in JSON (e.g. "a").</param>
/// <param name="Symbol">The symbol for tables (e.g. "a = β/(α+β)").</param>
/// <param name="Description">What it means.</param>
/// <param name="Compute">Its value from the natural parameters.</param>
public sealed record DerivedQuantity(string Name, string Symbol, string Description, Func<double[], double> Compute);

using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>
/// The one transformation between the free parameters φ of a fit and a law's fitting parameters θ
/// that carries every constraint: a fixed parameter is a constant θⱼ; tied parameters share one φ;
/// a bounded parameter is p = lo + (hi − lo)·σ(φ) (both ends), lo + eᵠ or hi − eᵠ (one end), then
/// θ = ln p or p. Each θⱼ depends on at most one φₛ, through a scalar function τⱼ, so
/// ∇φF = Σⱼ τⱼ′·∂F/∂θⱼ and ∇²φF = Jᵀ(∇²θF)J + diag(Σⱼ τⱼ″·∂F/∂θⱼ). Without constraints it is the identity.
/// </summary>
internal sealed partial class ParameterMap
{
    private enum Kind { Free, Fixed, Lower, Upper, Interval }

    private readonly IReadOnlyList<LawParameter> _parameters;
    private readonly int[] _source;
    private readonly Kind[] _kind;
    private readonly double[] _fixedTheta, _lower, _upper;
    private readonly int[][] _members;

    private ParameterMap(IReadOnlyList<LawParameter> parameters, int[] source, Kind[] kind, double[] fixedTheta, double[] lower, double[] upper, int free)
    {
        _parameters = parameters;
        _source = source;
        _kind = kind;
        _fixedTheta = fixedTheta;
        _lower = lower;
        _upper = upper;
        FreeDimension = free;
        _members = Enumerable.Range(0, free).Select(s => Enumerable.Range(0, source.Length).Where(j => source[j] == s).ToArray()).ToArray();
        IsIdentity = free == source.Length && kind.All(k => k == Kind.Free) && source.Select((s, j) => s == j).All(x => x);
    }

    /// <summary>The number of the law's parameters, k.</summary>
    public int LawDimension => _source.Length;

    /// <summary>The number of free parameters, m ≤ k.</summary>
    public int FreeDimension { get; }

    /// <summary>Whether φ = θ (no constraint).</summary>
    public bool IsIdentity { get; }

    /// <summary>The map without constraints.</summary>
    public static ParameterMap Identity(IScalingLaw law)
    {
        int k = law.Parameters.Count;
        return new ParameterMap(law.Parameters, Enumerable.Range(0, k).ToArray(), new Kind[k], new double[k], new double[k], new double[k], k);
    }

    /// <summary>Whether the law's parameter j is fixed.</summary>
    public bool IsFixed(int j) => _kind[j] == Kind.Fixed;

    /// <summary>The free coordinate behind the law's parameter j, or −1 when it is fixed.</summary>
    public int Source(int j) => _source[j];

    /// <summary>The law's parameters moved by free coordinate s.</summary>
    public IReadOnlyList<int> Members(int s) => _members[s];

    /// <summary>Whether parameter j is bounded by a constraint (so its interval is taken through the bound's transformation).</summary>
    public bool IsBounded(int j) => _kind[j] is Kind.Lower or Kind.Upper or Kind.Interval;

    /// <summary>θ from φ.</summary>
    public void ToTheta(ReadOnlySpan<double> phi, Span<double> theta)
    {
        for (int j = 0; j < theta.Length; j++) theta[j] = Coordinate(j, phi, out _, out _);
    }

    /// <summary>θⱼ = τⱼ(φₛ) with its first and second derivatives.</summary>
    private double Coordinate(int j, ReadOnlySpan<double> phi, out double d1, out double d2)
    {
        d1 = 0;
        d2 = 0;
        if (_kind[j] == Kind.Fixed) return _fixedTheta[j];
        double x = phi[_source[j]];
        if (_kind[j] == Kind.Free)
        {
            d1 = 1;
            return x;
        }
        double p, p1, p2;
        switch (_kind[j])
        {
            case Kind.Lower:
                p1 = p2 = Math.Exp(x);
                p = _lower[j] + p1;
                break;
            case Kind.Upper:
                p1 = p2 = -Math.Exp(x);
                p = _upper[j] + p1;
                break;
            default:
            {
                // σ(x) and 1 − σ(x) each from e^−|x|, so neither cancels: near a bound (|x| > ~37 in double
                // precision) 1 − σ computed as a difference is 0, the map's derivative vanishes, and the
                // Hessian in φ with it; from e^−|x| the derivative stays positive until |x| > 745.
                double e = Math.Exp(-Math.Abs(x)), near = e / (1 + e), far = 1 / (1 + e), w = _upper[j] - _lower[j];
                double s = x >= 0 ? far : near, c = x >= 0 ? near : far;
                p = x >= 0 ? _upper[j] - w * c : _lower[j] + w * s;
                p1 = w * s * c;
                p2 = p1 * (c - s);
                break;
            }
        }
        if (!_parameters[j].Positive)
        {
            d1 = p1;
            d2 = p2;
            return p;
        }
        d1 = p1 / p;
        d2 = p2 / p - d1 * d1;
        return Math.Log(p);
    }

    /// <summary>The natural value of parameter j at a value of its free coordinate (for intervals taken in φ).</summary>
    public double NaturalAt(int j, double phiValue)
    {
        Span<double> phi = stackalloc double[FreeDimension];
        phi[_source[j]] = phiValue;
        return _parameters[j].FromTheta(Coordinate(j, phi, out _, out _));
    }

    /// <summary>Natural parameters from φ, with the Jacobian ∂natural/∂φ (k × m, row-major).</summary>
    public void ToNatural(ReadOnlySpan<double> phi, Span<double> natural, Span<double> jacobian)
    {
        int m = FreeDimension;
        jacobian.Clear();
        for (int j = 0; j < natural.Length; j++)
        {
            double theta = Coordinate(j, phi, out var d1, out _);
            natural[j] = _parameters[j].FromTheta(theta);
            if (_source[j] >= 0) jacobian[j * m + _source[j]] = (_parameters[j].Positive ? natural[j] : 1) * d1;
        }
    }

    /// <summary>The natural parameters at φ.</summary>
    public double[] Natural(ReadOnlySpan<double> phi)
    {
        var natural = new double[LawDimension];
        ToNatural(phi, natural, new double[LawDimension * Math.Max(1, FreeDimension)]);
        return natural;
    }

    /// <summary>∇φ from ∇θ (the gradient of anything that depends on φ through θ).</summary>
    public void GradientToFree(ReadOnlySpan<double> phi, ReadOnlySpan<double> thetaGradient, Span<double> phiGradient)
    {
        phiGradient.Clear();
        for (int j = 0; j < thetaGradient.Length; j++)
        {
            Coordinate(j, phi, out var d1, out _);
            if (_source[j] >= 0) phiGradient[_source[j]] += d1 * thetaGradient[j];
        }
    }

    /// <summary>Whether parameter j's estimate sits on one of its constraint's bounds (σ or the exponential saturated).</summary>
    public bool AtBound(int j, ReadOnlySpan<double> phi)
    {
        if (!IsBounded(j)) return false;
        double x = phi[_source[j]];
        return _kind[j] == Kind.Interval ? Math.Abs(x) > 18 : x < -18;
    }

    /// <summary>The objective in φ over an objective in θ.</summary>
    public IWeightedObjective Wrap(IWeightedObjective inner) => IsIdentity ? inner : new ConstrainedObjective(this, inner);
}

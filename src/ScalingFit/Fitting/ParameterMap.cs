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
                double s = x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x)), w = _upper[j] - _lower[j];
                p = _lower[j] + w * s;
                p1 = w * s * (1 - s);
                p2 = p1 * (1 - 2 * s);
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

    /// <summary>The free coordinate for a value θ of parameter j, or false when θ is outside its bounds.</summary>
    public bool TryFree(int j, double theta, out double phi)
    {
        double p = _parameters[j].FromTheta(theta);
        phi = double.NaN;
        switch (_kind[j])
        {
            case Kind.Free: phi = theta; return double.IsFinite(theta);
            case Kind.Lower: if (p > _lower[j]) phi = Math.Log(p - _lower[j]); break;
            case Kind.Upper: if (p < _upper[j]) phi = Math.Log(_upper[j] - p); break;
            case Kind.Interval:
                double u = (p - _lower[j]) / (_upper[j] - _lower[j]);
                if (u > 0 && u < 1) phi = Math.Log(u / (1 - u));
                break;
        }
        return double.IsFinite(phi);
    }

    /// <summary>Interior values of free coordinate s, for when no value of the law's grid lies within its bounds.</summary>
    private IReadOnlyList<double> Interior(int s) => _kind[_members[s][0]] switch
    {
        Kind.Interval => [-1.5, 0, 1.5],
        Kind.Lower or Kind.Upper => [Math.Log(0.1), 0, Math.Log(10)],
        _ => [0],
    };

    /// <summary>
    /// The grid of free starting points from a grid in θ: each free coordinate takes the values of
    /// its parameters' axes that lie within its bounds (interior points when none does); fixed
    /// parameters drop out.
    /// </summary>
    public StartGrid Starts(StartGrid lawGrid)
    {
        if (IsIdentity) return lawGrid;
        if (lawGrid.Points is { } points) return PointStarts(lawGrid, points);
        var axes = new List<IReadOnlyList<double>>();
        for (int s = 0; s < FreeDimension; s++)
        {
            var values = new SortedSet<double>();
            foreach (int j in _members[s])
            {
                foreach (double theta in lawGrid.Axes[j])
                    if (TryFree(j, theta, out var phi)) values.Add(phi);
            }
            axes.Add(values.Count > 0 ? values.ToArray() : Interior(s));
        }
        return new StartGrid(axes) { Keep = lawGrid.Keep };
    }

    /// <summary>A list of points in θ as points in φ: each free coordinate from its first parameter; points outside the bounds dropped.</summary>
    private StartGrid PointStarts(StartGrid lawGrid, IReadOnlyList<double[]> points)
    {
        var free = new List<double[]>();
        foreach (var theta in points)
        {
            var phi = new double[FreeDimension];
            bool inside = true;
            for (int s = 0; s < FreeDimension && inside; s++) inside = TryFree(_members[s][0], theta[_members[s][0]], out phi[s]);
            if (inside) free.Add(phi);
        }
        if (free.Count == 0) free.Add(Enumerable.Range(0, FreeDimension).Select(s => Interior(s)[Interior(s).Count / 2]).ToArray());
        return StartGrid.Of(free, FreeDimension) with { Keep = lawGrid.Keep };
    }

    /// <summary>The objective in φ over an objective in θ.</summary>
    public IWeightedObjective Wrap(IWeightedObjective inner) => IsIdentity ? inner : new ConstrainedObjective(this, inner);

    private sealed class ConstrainedObjective(ParameterMap map, IWeightedObjective inner) : IWeightedObjective
    {
        private readonly double[] _theta = new double[map.LawDimension], _d1 = new double[map.LawDimension], _d2 = new double[map.LawDimension];
        private readonly double[] _g = new double[map.LawDimension], _h = new double[map.LawDimension * map.LawDimension];

        public int Dimension => map.FreeDimension;

        public void SetWeights(ReadOnlySpan<double> weights) => inner.SetWeights(weights);

        public double Evaluate(ReadOnlySpan<double> phi, Span<double> gradient, Span<double> hessian)
        {
            int k = map.LawDimension, m = map.FreeDimension;
            for (int j = 0; j < k; j++) _theta[j] = map.Coordinate(j, phi, out _d1[j], out _d2[j]);
            double f = inner.Evaluate(_theta, gradient.IsEmpty ? Span<double>.Empty : _g, hessian.IsEmpty ? Span<double>.Empty : _h);
            gradient.Clear();
            hessian.Clear();
            for (int j = 0; j < k && !gradient.IsEmpty; j++)
            {
                int s = map._source[j];
                if (s < 0) continue;
                gradient[s] += _d1[j] * _g[j];
                if (hessian.IsEmpty) continue;
                hessian[s * m + s] += _d2[j] * _g[j];
                for (int l = 0; l < k; l++)
                {
                    int t = map._source[l];
                    if (t >= 0) hessian[s * m + t] += _d1[j] * _d1[l] * _h[j * k + l];
                }
            }
            return f;
        }
    }
}

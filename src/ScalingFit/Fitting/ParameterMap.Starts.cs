using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>Starting points in φ from starting points in θ.</summary>
internal sealed partial class ParameterMap
{
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
}

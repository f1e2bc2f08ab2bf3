using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>
/// A law, the data it is fitted to, the loss function and the constraints: everything the
/// multi-start search, the polish, the sandwich covariance and the bootstrap share. The search
/// runs over the free parameters φ; <see cref="Map"/> carries them to the law's θ.
/// </summary>
internal sealed class FitProblem(IScalingLaw law, FitData data, LossFunction loss, ParameterMap map)
{
    public IScalingLaw Law => law;

    public FitData Data => data;

    public LossFunction Loss => loss;

    public ParameterMap Map => map;

    /// <summary>The same law, loss and constraints on other data (a subsample of the runs).</summary>
    public FitProblem On(FitData other) => new(law, other, loss, map);

    /// <summary>The number of free parameters.</summary>
    public int Dimension => map.FreeDimension;

    /// <summary>Whether a faster, less precise objective exists for the approach to a minimum (the single-precision Chinchilla kernel).</summary>
    public bool HasCoarse { get; } = LogLossObjective.Coarse(law, data, loss) is not null;

    /// <summary>A new instance of the objective in φ (one per thread).</summary>
    public IWeightedObjective Objective() => map.Wrap(LogLossObjective.For(law, data, loss));

    /// <summary>A new instance of the coarse objective in φ, or null.</summary>
    public IWeightedObjective? Coarse() => HasCoarse && LogLossObjective.Coarse(law, data, loss) is { } coarse ? map.Wrap(coarse) : null;

    /// <summary>
    /// For Huber's loss, least squares on the same residuals, to rescue a start that stalls: far from
    /// a minimum every residual lies beyond δ, where Huber's loss is linear, and for a law whose value
    /// is linear in θ its Hessian vanishes there and Newton steps stall; least squares leads into the
    /// basin, and Huber's loss finishes from there. Null for least squares.
    /// </summary>
    public IWeightedObjective? Rescue() =>
        loss.Kind == LossKind.Huber ? map.Wrap(LogLossObjective.For(law, data, LossFunction.LeastSquares)) : null;

    /// <summary>The starting grid in φ: the given grid in θ, or the law's default for these data.</summary>
    public StartGrid Starts(StartGrid? theta) => map.Starts(theta ?? law.Starts(data.StartContext()));

    /// <summary>The law's value in the residual space for run i, with its gradient in φ.</summary>
    public double RowModel(ReadOnlySpan<double> phi, int i, Span<double> gradient)
    {
        int k = map.LawDimension;
        Span<double> theta = stackalloc double[k];
        Span<double> g = stackalloc double[k];
        map.ToTheta(phi, theta);
        double m = law.Evaluate(theta, data.Row(i), data.Space, g, Span<double>.Empty);
        map.GradientToFree(phi, g, gradient);
        return m;
    }

    /// <summary>The law's value in the residual space at a point, with its gradient in φ.</summary>
    public double PointModel(ReadOnlySpan<double> phi, ReadOnlySpan<double> inputs, Span<double> gradient)
    {
        int k = map.LawDimension;
        Span<double> theta = stackalloc double[k];
        Span<double> g = stackalloc double[k];
        Span<double> logs = stackalloc double[inputs.Length];
        for (int j = 0; j < inputs.Length; j++) logs[j] = inputs[j] > 0 ? Math.Log(inputs[j]) : double.NaN;
        map.ToTheta(phi, theta);
        double m = law.Evaluate(theta, new LawRow(inputs, logs), data.Space, g, Span<double>.Empty);
        map.GradientToFree(phi, g, gradient);
        return m;
    }
}

namespace ScalingFit.Fitting;

internal sealed partial class ParameterMap
{
    /// <summary>The objective in φ: θ = τ(φ), ∇φF = Σⱼ τⱼ′·∂F/∂θⱼ, ∇²φF = Jᵀ(∇²θF)J + diag(Σⱼ τⱼ″·∂F/∂θⱼ).</summary>
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

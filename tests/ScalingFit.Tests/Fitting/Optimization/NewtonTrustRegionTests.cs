using ScalingFit.Fitting.Optimization;

namespace ScalingFit.Tests.Fitting.Optimization;

public class NewtonTrustRegionTests
{
    /// <summary>
    /// f = 1 + (x − 3)² + 0.1·(x − 3)⁴ with its values rounded to 1e-6 relative, as a sum in single
    /// precision is: near the minimum no step can be judged. The exact gradient and Hessian still
    /// promise a decrease, so without a resolution the damping climbs until nothing moves.
    /// </summary>
    private sealed class Rounded : IObjective
    {
        public int Evaluations { get; private set; }

        public int Dimension => 1;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient, Span<double> hessian)
        {
            Evaluations++;
            double d = x[0] - 3;
            gradient[0] = 2 * d + 0.4 * d * d * d;
            if (!hessian.IsEmpty) hessian[0] = 2 + 1.2 * d * d;
            double f = 1 + d * d + 0.1 * d * d * d * d;
            return Math.Round(f * 1e6) / 1e6;
        }
    }

    [Fact]
    public void Resolution_RejectionWithinRounding_StopsAtOnceNearTheMinimum()
    {
        var strict = new Rounded();
        var resolved = new Rounded();
        var options = new OptimizerOptions { DecrementTolerance = 1e-16 };
        double[] a = [0], b = [0];
        var withoutResolution = new NewtonTrustRegion(1, options).Minimize(strict, a);
        var withResolution = new NewtonTrustRegion(1, options with { Resolution = 1e-6 }).Minimize(resolved, b);
        Assert.Equal(ExitReason.Stalled, withResolution.Reason);
        // Values resolved to 1e-6 locate the minimum of 1 + (x − 3)² to about √1e-6 = 1e-3.
        Assert.InRange(b[0], 2.998, 3.002);
        Assert.InRange(a[0], 2.998, 3.002);
        Assert.True(resolved.Evaluations < strict.Evaluations, $"{resolved.Evaluations} evaluations with the resolution, {strict.Evaluations} without");
    }
}

namespace ScalingFit.Tests.Support;

/// <summary>Central differences: the independent check of analytic derivatives.</summary>
public static class Differences
{
    /// <summary>∂f/∂xⱼ at a point by a central difference with step 1e-5·max(1, |xⱼ|).</summary>
    public static double Central(Func<double[], double> f, double[] at, int j)
    {
        double h = 1e-5 * Math.Max(1, Math.Abs(at[j]));
        var up = (double[])at.Clone();
        var down = (double[])at.Clone();
        up[j] += h;
        down[j] -= h;
        return (f(up) - f(down)) / (2 * h);
    }
}

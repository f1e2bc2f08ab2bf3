using System.Numerics;
using System.Runtime.CompilerServices;
using ScalingFit.Fitting;

namespace ScalingFit.Laws.Formulas;

/// <summary>
/// The vector operations compiled formula objectives call: plain static methods on Vector&lt;double&gt;
/// (no generic method to instantiate at run time), inlined into the compiled loop.
/// </summary>
internal static class VectorOps
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Load(double[] values, int index) => Vector.LoadUnsafe(ref values[index]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Broadcast(double value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Add(Vector<double> a, Vector<double> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Multiply(Vector<double> a, Vector<double> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Divide(Vector<double> a, Vector<double> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Exp(Vector<double> x) => VectorFunctions.Exp(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log(Vector<double> x) => VectorFunctions.Log(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Sqrt(Vector<double> x) => Vector.SquareRoot(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Min(Vector<double> a, Vector<double> b) => Vector.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Max(Vector<double> a, Vector<double> b) => Vector.Max(a, b);

    /// <summary>a &lt; b ? c : d, lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Select(Vector<double> a, Vector<double> b, Vector<double> c, Vector<double> d) =>
        Vector.ConditionalSelect(Vector.LessThan(a, b), c, d);

    /// <summary>1/(1 + e^−x), without overflow for either sign.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Sigmoid(Vector<double> x)
    {
        var e = VectorFunctions.Exp(-Vector.Abs(x));
        var r = Vector<double>.One / (Vector<double>.One + e);
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<double>.Zero), r, e * r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Softplus(Vector<double> x) =>
        Vector.Max(x, Vector<double>.Zero) + VectorFunctions.Log(Vector<double>.One + VectorFunctions.Exp(-Vector.Abs(x)));

    /// <summary>Math.Pow lane by lane (integer powers of possibly negative bases).</summary>
    public static Vector<double> Pow(Vector<double> a, Vector<double> b)
    {
        Span<double> r = stackalloc double[Vector<double>.Count];
        for (int i = 0; i < r.Length; i++) r[i] = Math.Pow(a[i], b[i]);
        return new Vector<double>(r);
    }

    /// <summary>
    /// One lane block of the Huber (or least-squares, δ = ∞) sum: ρ(r) added to <paramref name="f"/>,
    /// and the weights w·ψ(r) and w·ψ′(r) returned for the gradient and Hessian. Lanes of weight 0
    /// (padding beyond the runs) add nothing even when their residual is not finite.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Huber(Vector<double> m, Vector<double> y, Vector<double> w, Vector<double> delta, Vector<double> offset,
        ref Vector<double> f, out Vector<double> wpp)
    {
        var r = m - y;
        var ar = Vector.Abs(r);
        var inside = Vector.LessThanOrEqual(ar, delta);
        var rho = Vector.ConditionalSelect(inside, new Vector<double>(0.5) * r * r, delta * ar - offset);
        f += Vector.ConditionalSelect(Vector.Equals(w, Vector<double>.Zero), Vector<double>.Zero, w * rho);
        wpp = Vector.ConditionalSelect(inside, w, Vector<double>.Zero);
        return w * Vector.Min(Vector.Max(r, -delta), delta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> MultiplyAdd(Vector<double> sum, Vector<double> a, Vector<double> b) => sum + a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> HessianTerm(Vector<double> sum, Vector<double> wpp, Vector<double> ga, Vector<double> gb, Vector<double> wpsi, Vector<double> hab) =>
        sum + wpp * ga * gb + wpsi * hab;

    public static double Sum(Vector<double> v) => Vector.Sum(v);
}

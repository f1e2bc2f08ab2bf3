using System.Numerics;
using System.Runtime.CompilerServices;

namespace ScalingFit.Fitting;

/// <summary>
/// exp and ln on vectors of doubles or floats (as wide as the machine's: four doubles on AVX2, two
/// on SSE or NEON), inlined into the objective kernels so that they are compiled with them, fully
/// optimised, on first use (the generic CoreLib versions start as unoptimised tier-0 code, a tenth
/// of a short fit's time). Cody–Waite range reduction with Taylor polynomials evaluated by Estrin's
/// scheme: exp to within 2 ulp over [−745, 709], ln to within 3 ulp for normal positive inputs;
/// exp under/overflows to 0/∞, ln(0) = −∞, ln(∞) = ∞, NaN stays NaN.
/// </summary>
internal static class VectorFunctions
{
    private const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10, Log2E = 1.4426950408889634;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Exp(Vector<double> x)
    {
        // x = k·ln 2 + r, |r| ≤ ½ln 2; eʳ by its Taylor series to r¹³/13! (error below 1e-17 there).
        var clamped = Vector.Min(Vector.Max(x, D(-746.0)), D(710.0));
        var k = Vector.Round(clamped * D(Log2E));
        var r = Fma(k, D(-Ln2Lo), Fma(k, D(-Ln2Hi), clamped));
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var q0 = Vector<double>.One + r;
        var q1 = Fma(r, D(1.0 / 6), D(0.5));
        var q2 = Fma(r, D(1.0 / 120), D(1.0 / 24));
        var q3 = Fma(r, D(1.0 / 5040), D(1.0 / 720));
        var q4 = Fma(r, D(1.0 / 362880), D(1.0 / 40320));
        var q5 = Fma(r, D(1.0 / 39916800), D(1.0 / 3628800));
        var q6 = Fma(r, D(1.0 / 6227020800), D(1.0 / 479001600));
        var p = Fma(Fma(q6, r4, Fma(q5, r2, q4)), r8, Fma(Fma(q3, r2, q2), r4, Fma(q1, r2, q0)));
        // 2ᵏ as two factors so that |k| up to 1076 stays within the exponent range of each. The
        // integers come from the doubles by the shifter trick (AVX2 has no int64 ⇄ double conversion).
        var half = Vector.Floor(k * D(0.5));
        var scale1 = Vector.AsVectorDouble(Vector.ShiftLeft(ToInt64(half) + new Vector<long>(1023), 52));
        var scale2 = Vector.AsVectorDouble(Vector.ShiftLeft(ToInt64(k - half) + new Vector<long>(1023), 52));
        return Vector.ConditionalSelect(Vector.Equals(x, x), p * scale1 * scale2, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log(Vector<double> x)
    {
        // x = m·2ᵉ with m ∈ [√½, √2); ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172, series to s²³.
        var bits = Vector.AsVectorUInt64(x);
        var e = Vector.AsVectorInt64(Vector.ShiftRightLogical(bits, 52)) - new Vector<long>(1023);
        var m = Vector.AsVectorDouble((bits & new Vector<ulong>(0x000FFFFFFFFFFFFFUL)) | new Vector<ulong>(0x3FF0000000000000UL));
        var big = Vector.GreaterThan(m, D(Math.Sqrt(2)));
        m = Vector.ConditionalSelect(big, m * D(0.5), m);
        e += big & new Vector<long>(1);
        var s = (m - Vector<double>.One) / (m + Vector<double>.One);
        // 1 + z/3 + z²/5 + … + z¹¹/23 with z = s², by Estrin's scheme.
        var z = s * s;
        var z2 = z * z;
        var z4 = z2 * z2;
        var z8 = z4 * z4;
        var a0 = Fma(z, D(1.0 / 3), Vector<double>.One);
        var a1 = Fma(z, D(1.0 / 7), D(1.0 / 5));
        var a2 = Fma(z, D(1.0 / 11), D(1.0 / 9));
        var a3 = Fma(z, D(1.0 / 15), D(1.0 / 13));
        var a4 = Fma(z, D(1.0 / 19), D(1.0 / 17));
        var a5 = Fma(z, D(1.0 / 23), D(1.0 / 21));
        var series = Fma(Fma(a5, z2, a4), z8, Fma(Fma(a3, z2, a2), z4, Fma(a1, z2, a0)));
        var ed = ToDouble(e);
        var result = Fma(ed, D(Ln2Hi), Fma(s + s, series, ed * D(Ln2Lo)));
        // Special values: 0 → −∞, +∞ → +∞, negative or NaN → NaN.
        result = Vector.ConditionalSelect(Vector.Equals(x, Vector<double>.Zero), D(double.NegativeInfinity), result);
        result = Vector.ConditionalSelect(Vector.Equals(x, D(double.PositiveInfinity)), x, result);
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<double>.Zero), result, D(double.NaN));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp(Vector<float> x)
    {
        var clamped = Vector.Min(Vector.Max(x, F(-104f)), F(89f));
        var k = Vector.Round(clamped * F(1.44269504f));
        var r = Fma(k, F(2.12194440e-4f), Fma(k, F(-0.693359375f), clamped));
        var p = F(1f / 5040);
        p = Fma(p, r, F(1f / 720));
        p = Fma(p, r, F(1f / 120));
        p = Fma(p, r, F(1f / 24));
        p = Fma(p, r, F(1f / 6));
        p = Fma(p, r, F(0.5f));
        p = Fma(p, r, Vector<float>.One);
        p = Fma(p, r, Vector<float>.One);
        var ki = Vector.ConvertToInt32(k);
        var half = Vector.ShiftRightArithmetic(ki, 1);
        var scale1 = Vector.AsVectorSingle(Vector.ShiftLeft(half + new Vector<int>(127), 23));
        var scale2 = Vector.AsVectorSingle(Vector.ShiftLeft(ki - half + new Vector<int>(127), 23));
        return Vector.ConditionalSelect(Vector.Equals(x, x), p * scale1 * scale2, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log(Vector<float> x)
    {
        var bits = Vector.AsVectorUInt32(x);
        var e = Vector.AsVectorInt32(Vector.ShiftRightLogical(bits, 23)) - new Vector<int>(127);
        var m = Vector.AsVectorSingle((bits & new Vector<uint>(0x007FFFFFu)) | new Vector<uint>(0x3F800000u));
        var big = Vector.GreaterThan(m, F(1.41421356f));
        m = Vector.ConditionalSelect(big, m * F(0.5f), m);
        e += big & new Vector<int>(1);
        var s = (m - Vector<float>.One) / (m + Vector<float>.One);
        var s2 = s * s;
        var q = F(1f / 11);
        q = Fma(q, s2, F(1f / 9));
        q = Fma(q, s2, F(1f / 7));
        q = Fma(q, s2, F(1f / 5));
        q = Fma(q, s2, F(1f / 3));
        var result = Fma(Vector.ConvertToSingle(e), F(0.693147181f), (s + s) * Fma(q, s2, Vector<float>.One));
        result = Vector.ConditionalSelect(Vector.Equals(x, Vector<float>.Zero), F(float.NegativeInfinity), result);
        result = Vector.ConditionalSelect(Vector.Equals(x, F(float.PositiveInfinity)), x, result);
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<float>.Zero), result, F(float.NaN));
    }

    /// <summary>1.5·2⁵²: adding it to a double of magnitude below 2⁵¹ puts its integer part in the low mantissa bits.</summary>
    private const double Shifter = 6755399441055744.0;

    /// <summary>An integer-valued double (|v| &lt; 2⁵¹) as an int64, exactly, with adds only (no AVX-512 conversion needed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<long> ToInt64(Vector<double> v) =>
        Vector.AsVectorInt64(v + D(Shifter)) - Vector.AsVectorInt64(D(Shifter));

    /// <summary>An int64 of magnitude below 2⁵¹ as a double, exactly, by the same trick.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> ToDouble(Vector<long> v) =>
        Vector.AsVectorDouble(v + Vector.AsVectorInt64(D(Shifter))) - D(Shifter);

    /// <summary>a·b + c, fused where the hardware has FMA (one rounding), else multiplied and added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Fma(Vector<double> a, Vector<double> b, Vector<double> c) => Vector.MultiplyAddEstimate(a, b, c);

    /// <inheritdoc cref="Fma(Vector{double}, Vector{double}, Vector{double})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Fma(Vector<float> a, Vector<float> b, Vector<float> c) => Vector.MultiplyAddEstimate(a, b, c);

    private static Vector<double> D(double value) => new(value);

    private static Vector<float> F(float value) => new(value);
}

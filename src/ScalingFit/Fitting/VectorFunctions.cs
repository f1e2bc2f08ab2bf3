using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScalingFit.Fitting;

/// <summary>
/// exp and ln on four doubles or eight floats, inlined into the objective kernels so that they are
/// compiled with them, fully optimised, on first use (the generic CoreLib versions start as
/// unoptimised tier-0 code, a tenth of a short fit's time). Cody–Waite range reduction with Taylor
/// polynomials: exp to within 2 ulp over [−745, 709], ln to within 2 ulp for normal positive
/// inputs; exp under/overflows to 0/∞, ln(0) = −∞, ln(∞) = ∞, NaN stays NaN.
/// </summary>
internal static class VectorFunctions
{
    private const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10, Log2E = 1.4426950408889634;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        // x = k·ln 2 + r, |r| ≤ ½ln 2; eʳ by its Taylor series to r¹³/13! (error below 1e-17 there).
        var clamped = Vector256.Min(Vector256.Max(x, Vector256.Create(-746.0)), Vector256.Create(710.0));
        var k = Vector256.Round(clamped * Vector256.Create(Log2E));
        var r = clamped - k * Vector256.Create(Ln2Hi) - k * Vector256.Create(Ln2Lo);
        // Estrin's scheme: the same polynomial with a dependency chain of depth 5 instead of 13.
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var q0 = Vector256<double>.One + r;
        var q1 = Vector256.Create(0.5) + r * Vector256.Create(1.0 / 6);
        var q2 = Vector256.Create(1.0 / 24) + r * Vector256.Create(1.0 / 120);
        var q3 = Vector256.Create(1.0 / 720) + r * Vector256.Create(1.0 / 5040);
        var q4 = Vector256.Create(1.0 / 40320) + r * Vector256.Create(1.0 / 362880);
        var q5 = Vector256.Create(1.0 / 3628800) + r * Vector256.Create(1.0 / 39916800);
        var q6 = Vector256.Create(1.0 / 479001600) + r * Vector256.Create(1.0 / 6227020800);
        var p = (q0 + q1 * r2) + (q2 + q3 * r2) * r4 + ((q4 + q5 * r2) + q6 * r4) * r8;
        // 2ᵏ as two factors so that |k| up to 1076 stays within the exponent range of each.
        var ki = Vector256.ConvertToInt64(k);
        var half = ki >> 1;
        var scale1 = Vector256.ShiftLeft(half + Vector256.Create(1023L), 52).AsDouble();
        var scale2 = Vector256.ShiftLeft(ki - half + Vector256.Create(1023L), 52).AsDouble();
        var result = p * scale1 * scale2;
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        // x = m·2ᵉ with m ∈ [√½, √2); ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172, series to s²³.
        var bits = x.AsUInt64();
        var e = (bits >> 52).AsInt64() - Vector256.Create(1023L);
        var m = ((bits & Vector256.Create(0x000FFFFFFFFFFFFFUL)) | Vector256.Create(0x3FF0000000000000UL)).AsDouble();
        var big = Vector256.GreaterThan(m, Vector256.Create(Math.Sqrt(2)));
        m = Vector256.ConditionalSelect(big, m * Vector256.Create(0.5), m);
        e += (big.AsInt64() & Vector256.Create(1L));
        var s = (m - Vector256<double>.One) / (m + Vector256<double>.One);
        var s2 = s * s;
        // 1 + s²/3 + s⁴/5 + … + s²²/23 by Estrin's scheme in z = s².
        var z = s2;
        var z2 = z * z;
        var z4 = z2 * z2;
        var z8 = z4 * z4;
        var a0 = Vector256<double>.One + z * Vector256.Create(1.0 / 3);
        var a1 = Vector256.Create(1.0 / 5) + z * Vector256.Create(1.0 / 7);
        var a2 = Vector256.Create(1.0 / 9) + z * Vector256.Create(1.0 / 11);
        var a3 = Vector256.Create(1.0 / 13) + z * Vector256.Create(1.0 / 15);
        var a4 = Vector256.Create(1.0 / 17) + z * Vector256.Create(1.0 / 19);
        var a5 = Vector256.Create(1.0 / 21) + z * Vector256.Create(1.0 / 23);
        var series = (a0 + a1 * z2) + (a2 + a3 * z2) * z4 + (a4 + a5 * z2) * z8;
        var lnM = Vector256.Create(2.0) * s * series;
        var ed = Vector256.ConvertToDouble(e);
        var result = ed * Vector256.Create(Ln2Hi) + (lnM + ed * Vector256.Create(Ln2Lo));
        // Special values: 0 → −∞, +∞ → +∞, negative or NaN → NaN.
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<double>.Zero), Vector256.Create(double.NegativeInfinity), result);
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(double.PositiveInfinity)), x, result);
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero), result, Vector256.Create(double.NaN));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        var clamped = Vector256.Min(Vector256.Max(x, Vector256.Create(-104f)), Vector256.Create(89f));
        var k = Vector256.Round(clamped * Vector256.Create(1.44269504f));
        var r = clamped - k * Vector256.Create(0.693359375f) - k * Vector256.Create(-2.12194440e-4f);
        var p = Vector256.Create(1f / 5040);
        p = p * r + Vector256.Create(1f / 720);
        p = p * r + Vector256.Create(1f / 120);
        p = p * r + Vector256.Create(1f / 24);
        p = p * r + Vector256.Create(1f / 6);
        p = p * r + Vector256.Create(0.5f);
        p = p * r + Vector256<float>.One;
        p = p * r + Vector256<float>.One;
        var ki = Vector256.ConvertToInt32(k);
        var half = ki >> 1;
        var scale1 = Vector256.ShiftLeft(half + Vector256.Create(127), 23).AsSingle();
        var scale2 = Vector256.ShiftLeft(ki - half + Vector256.Create(127), 23).AsSingle();
        var result = p * scale1 * scale2;
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log(Vector256<float> x)
    {
        var bits = x.AsUInt32();
        var e = (bits >> 23).AsInt32() - Vector256.Create(127);
        var m = ((bits & Vector256.Create(0x007FFFFFu)) | Vector256.Create(0x3F800000u)).AsSingle();
        var big = Vector256.GreaterThan(m, Vector256.Create(1.41421356f));
        m = Vector256.ConditionalSelect(big, m * Vector256.Create(0.5f), m);
        e += big.AsInt32() & Vector256.Create(1);
        var s = (m - Vector256<float>.One) / (m + Vector256<float>.One);
        var s2 = s * s;
        var q = Vector256.Create(1f / 11);
        q = q * s2 + Vector256.Create(1f / 9);
        q = q * s2 + Vector256.Create(1f / 7);
        q = q * s2 + Vector256.Create(1f / 5);
        q = q * s2 + Vector256.Create(1f / 3);
        var lnM = Vector256.Create(2f) * s * (q * s2 + Vector256<float>.One);
        var result = Vector256.ConvertToSingle(e) * Vector256.Create(0.693147181f) + lnM;
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<float>.Zero), Vector256.Create(float.NegativeInfinity), result);
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(float.PositiveInfinity)), x, result);
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), result, Vector256.Create(float.NaN));
    }
}

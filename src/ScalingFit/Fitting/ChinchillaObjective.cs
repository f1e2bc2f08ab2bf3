using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ScalingFit.Fitting.Optimization;

namespace ScalingFit.Fitting;

/// <summary>
/// The Chinchilla objective Σᵢ wᵢ·ρ(ln(E + A·Nᵢ^−α + B·Dᵢ^−β) − ln Lᵢ) in θ = (e, a, b, α, β), with
/// gradient and exact Hessian, specialised and vectorised (four runs per step, <see cref="Vector256"/>):
/// the same value as <see cref="LogLossObjective"/> with <see cref="Laws.ChinchillaLaw"/> to rounding,
/// several times faster, for the 4,500-start search and the bootstrap. Terms are formed in loss
/// space (u₁ = e^(a − α ln N), u₂ = e^(b − β ln D), u₃ = eᵉ), which needs two exponentials and one
/// logarithm per run; an overflowing term makes the objective infinite and the step is rejected.
/// </summary>
internal sealed class ChinchillaObjective : IWeightedObjective
{
    private readonly double[] _logN, _logD, _logL, _ones;
    private readonly double _delta;
    private readonly int _count;
    private double[]? _weights;

    public ChinchillaObjective(FitData data, LossFunction loss)
    {
        int n = data.Count;
        _count = n;
        int padded = (n + 3) / 4 * 4;
        _logN = new double[padded];
        _logD = new double[padded];
        _logL = new double[padded];
        _ones = new double[padded];
        for (int i = 0; i < n; i++)
        {
            _logN[i] = data.LogInputs[2 * i];
            _logD[i] = data.LogInputs[2 * i + 1];
            _logL[i] = data.LogLoss[i];
            _ones[i] = 1;
        }
        _delta = loss.Kind == LossKind.Huber ? loss.Delta : double.PositiveInfinity;
    }

    public int Dimension => 5;

    /// <summary>Bootstrap multiplicities (as many as runs), or null for all ones.</summary>
    public double[]? Weights
    {
        get => _weights;
        set
        {
            if (value is null) { _weights = null; return; }
            _weights = new double[_ones.Length];
            Array.Copy(value, _weights, _count);
        }
    }

    /// <summary>Sets the multiplicities in place without allocating (bootstrap inner loop).</summary>
    public void SetWeights(ReadOnlySpan<double> weights)
    {
        _weights ??= new double[_ones.Length];
        weights.CopyTo(_weights);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Evaluate(ReadOnlySpan<double> t, Span<double> g, Span<double> h)
    {
        double u3 = Math.Exp(t[0]);
        var a = Vector256.Create(t[1]);
        var b = Vector256.Create(t[2]);
        var al = Vector256.Create(t[3]);
        var be = Vector256.Create(t[4]);
        var e3 = Vector256.Create(u3);
        var dv = Vector256.Create(_delta);
        var ndv = -dv;
        var half = Vector256.Create(0.5);
        var linearOffset = Vector256.Create(double.IsFinite(_delta) ? 0.5 * _delta * _delta : 0);
        var w = _weights ?? _ones;
        var f = Vector256<double>.Zero;
        Vector256<double> ge = f, ga = f, gb = f, gal = f, gbe = f;
        Vector256<double> hee = f, hea = f, heb = f, heal = f, hebe = f, haa = f, hab = f, haal = f, habe = f;
        Vector256<double> hbb = f, hbal = f, hbbe = f, halal = f, halbe = f, hbebe = f;
        bool withHessian = !h.IsEmpty;
        for (int i = 0; i < _logN.Length; i += 4)
        {
            var ln = Vector256.LoadUnsafe(ref _logN[i]);
            var ld = Vector256.LoadUnsafe(ref _logD[i]);
            var wt = Vector256.LoadUnsafe(ref w[i]);
            var u1 = Vector256.Exp(a - al * ln);
            var u2 = Vector256.Exp(b - be * ld);
            var total = u1 + u2 + e3;
            var inv = Vector256<double>.One / total;
            var w1 = u1 * inv;
            var w2 = u2 * inv;
            var w3 = e3 * inv;
            var r = Vector256.Log(total) - Vector256.LoadUnsafe(ref _logL[i]);
            var ar = Vector256.Abs(r);
            var inside = Vector256.LessThanOrEqual(ar, dv);
            // Huber: ½r² inside ±δ, δ|r| − ½δ² outside; ψ = clamp(r, −δ, δ); ψ′ = 1 inside, 0 outside.
            f += wt * Vector256.ConditionalSelect(inside, half * r * r, dv * ar - linearOffset);
            var p = wt * Vector256.Min(Vector256.Max(r, ndv), dv);
            var g3 = -(w1 * ln);
            var g4 = -(w2 * ld);
            ge += p * w3;
            ga += p * w1;
            gb += p * w2;
            gal += p * g3;
            gbe += p * g4;
            if (!withHessian) continue;
            var q = Vector256.ConditionalSelect(inside, wt, Vector256<double>.Zero);
            // ∇²m = Jᵀ(diag w − wwᵀ)J, scaled by ψ; plus ψ′·∇m∇mᵀ.
            var ps11 = p * (w1 - w1 * w1);
            var ps22 = p * (w2 - w2 * w2);
            var ps33 = p * (w3 - w3 * w3);
            var ps12 = -(p * w1 * w2);
            var ps13 = -(p * w1 * w3);
            var ps23 = -(p * w2 * w3);
            var q0 = q * w3;
            var q1 = q * w1;
            var q2 = q * w2;
            var q3 = q * g3;
            var q4 = q * g4;
            hee += q0 * w3 + ps33;
            hea += q0 * w1 + ps13;
            heb += q0 * w2 + ps23;
            heal += q0 * g3 - ln * ps13;
            hebe += q0 * g4 - ld * ps23;
            haa += q1 * w1 + ps11;
            hab += q1 * w2 + ps12;
            haal += q1 * g3 - ln * ps11;
            habe += q1 * g4 - ld * ps12;
            hbb += q2 * w2 + ps22;
            hbal += q2 * g3 - ln * ps12;
            hbbe += q2 * g4 - ld * ps22;
            halal += q3 * g3 + ln * ln * ps11;
            halbe += q3 * g4 + ln * ld * ps12;
            hbebe += q4 * g4 + ld * ld * ps22;
        }
        g[0] = Vector256.Sum(ge);
        g[1] = Vector256.Sum(ga);
        g[2] = Vector256.Sum(gb);
        g[3] = Vector256.Sum(gal);
        g[4] = Vector256.Sum(gbe);
        if (withHessian)
        {
            Symmetric(h, 0, 0, hee); Symmetric(h, 0, 1, hea); Symmetric(h, 0, 2, heb); Symmetric(h, 0, 3, heal); Symmetric(h, 0, 4, hebe);
            Symmetric(h, 1, 1, haa); Symmetric(h, 1, 2, hab); Symmetric(h, 1, 3, haal); Symmetric(h, 1, 4, habe);
            Symmetric(h, 2, 2, hbb); Symmetric(h, 2, 3, hbal); Symmetric(h, 2, 4, hbbe);
            Symmetric(h, 3, 3, halal); Symmetric(h, 3, 4, halbe); Symmetric(h, 4, 4, hbebe);
        }
        double value = Vector256.Sum(f);
        return double.IsFinite(value) ? value : double.PositiveInfinity;
    }

    private static void Symmetric(Span<double> h, int i, int j, Vector256<double> sum) => h[i * 5 + j] = h[j * 5 + i] = Vector256.Sum(sum);
}

/// <summary>An objective whose runs can be weighted by bootstrap multiplicities.</summary>
internal interface IWeightedObjective : IObjective
{
    /// <summary>Sets the weight of every run (as many as runs).</summary>
    void SetWeights(ReadOnlySpan<double> weights);
}

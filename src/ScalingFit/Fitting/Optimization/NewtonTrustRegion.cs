using System.Runtime.CompilerServices;

namespace ScalingFit.Fitting.Optimization;

/// <summary>
/// Newton's method with Levenberg–Marquardt damping for objectives of a few variables with an
/// analytic gradient and Hessian: each step solves (H + μ·D)·p = −g by Cholesky, with D the running
/// maximum of |diag H| (Moré 1978, so the method does not depend on the variables' units), and μ
/// updated from the ratio of actual to predicted decrease (Nielsen 1999). With the exact Hessian it
/// converges quadratically near a minimum, where first-order methods crawl on badly conditioned
/// objectives such as the Chinchilla fit. One instance holds all its work arrays and allocates
/// nothing while it runs; use one per thread.
/// </summary>
public sealed class NewtonTrustRegion
{
    private readonly int _n;
    private readonly OptimizerOptions _options;
    private readonly double[] _g, _h, _trialX, _trialG, _trialH, _step, _rhs, _newton, _scale, _work;

    /// <summary>Creates an optimizer for objectives of the given dimension.</summary>
    public NewtonTrustRegion(int dimension, OptimizerOptions? options = null)
    {
        _n = dimension;
        _options = options ?? OptimizerOptions.Default;
        _g = new double[_n];
        _trialX = new double[_n];
        _trialG = new double[_n];
        _step = new double[_n];
        _rhs = new double[_n];
        _newton = new double[_n];
        _scale = new double[_n];
        _h = new double[_n * _n];
        _trialH = new double[_n * _n];
        _work = new double[_n * _n];
    }

    /// <summary>The gradient at the end point of the last run.</summary>
    public ReadOnlySpan<double> Gradient => _g;

    /// <summary>The Hessian at the end point of the last run (row-major).</summary>
    public ReadOnlySpan<double> Hessian => _h;

    /// <summary>Minimizes from <paramref name="x"/>, which holds the end point on return.</summary>
    // Hot in the 4,500-start search: compiled optimised at once rather than tier by tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LocalResult Minimize(IObjective objective, Span<double> x) => Minimize(objective, x, null);

    /// <summary>
    /// Minimizes from <paramref name="x"/>, which holds the end point on return, asking
    /// <paramref name="observer"/> after every accepted step whether to stop there (a multi-start
    /// search stops a run that has joined a path already followed); a stopped run ends with
    /// <see cref="ExitReason.Joined"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LocalResult Minimize(IObjective objective, Span<double> x, IStepObserver? observer)
    {
        double f = objective.Evaluate(x, _g, _h);
        if (!double.IsFinite(f)) return new LocalResult(f, 0, ExitReason.NotFinite, double.NaN);
        Array.Clear(_scale);
        double mu = _options.InitialDamping, nu = 2;
        for (int iteration = 1; iteration <= _options.MaxIterations; iteration++)
        {
            UpdateScale();
            double decrement = Decrement();
            double threshold = Math.Max(_options.DecrementTolerance * Math.Max(Math.Abs(f), _options.ObjectiveScale), _options.DecrementFloor);
            if (decrement <= threshold) return new LocalResult(f, iteration - 1, ExitReason.Converged, decrement);

            bool accepted = false;
            while (!accepted)
            {
                if (mu > 1e30) return new LocalResult(f, iteration - 1, ExitReason.Stalled, decrement);
                if (!SmallMatrix.SolveDamped(_h, _scale, mu, Negated(_g), _step, _work))
                {
                    mu = Math.Max(mu * nu, 1e-10);
                    nu *= 2;
                    continue;
                }
                // Predicted decrease of the quadratic model: −gᵀp − ½pᵀHp (positive for a damped step).
                double predicted = -Dot(_g, _step) - 0.5 * SmallMatrix.Quadratic(_h, _step);
                for (int i = 0; i < _n; i++) _trialX[i] = x[i] + _step[i];
                double trial = objective.Evaluate(_trialX, _trialG, _trialH);
                double ratio = (f - trial) / predicted;
                if (double.IsFinite(trial) && ratio > 1e-4)
                {
                    bool small = IsSmallStep(x);
                    _trialX.CopyTo(x);
                    _trialH.CopyTo(_h.AsSpan());
                    _trialG.CopyTo(_g.AsSpan());
                    f = trial;
                    mu *= Math.Max(1.0 / 3, 1 - Math.Pow(2 * ratio - 1, 3));
                    nu = 2;
                    accepted = true;
                    if (small) return new LocalResult(f, iteration, ExitReason.SmallStep, Decrement());
                    if (observer is not null && observer.Stop(x, f)) return new LocalResult(f, iteration, ExitReason.Joined, double.NaN);
                }
                else
                {
                    // No damped step can promise a decrease worth taking. That is a minimum only if the
                    // undamped Newton decrement agrees; on a saturated plateau (a vanished Jacobian
                    // column, NIST BoxBOD from start 1) heavy damping hides a large decrement.
                    if (predicted <= threshold * 1e-3 && double.IsFinite(trial))
                        return new LocalResult(f, iteration - 1,
                            decrement <= Math.Max(1e-8 * Math.Max(Math.Abs(f), _options.ObjectiveScale), _options.DecrementFloor) ? ExitReason.Converged : ExitReason.Stalled,
                            decrement);
                    if (predicted <= 10 * _options.Resolution * Math.Abs(f))
                        return new LocalResult(f, iteration - 1, ExitReason.Stalled, decrement);
                    mu *= nu;
                    nu *= 2;
                }
            }
        }
        return new LocalResult(f, _options.MaxIterations, ExitReason.MaxIterations, Decrement());
    }

    /// <summary>
    /// Undamped Newton steps from a converged point while the Hessian is positive definite and the
    /// objective does not rise: near a minimum each step squares the error, so a few steps take
    /// the end point of a damped run (which stops at the decrement tolerance) to the limit of
    /// double precision. Leaves the gradient and Hessian at the final point.
    /// </summary>
    public LocalResult Polish(IObjective objective, Span<double> x, int maxSteps = 8)
    {
        double f = objective.Evaluate(x, _g, _h);
        int steps = 0;
        for (; steps < maxSteps; steps++)
        {
            double decrement = Decrement();
            if (!double.IsFinite(decrement) || decrement == 0) break;
            for (int i = 0; i < _n; i++) _trialX[i] = x[i] + _newton[i];
            double trial = objective.Evaluate(_trialX, _trialG, _trialH);
            // Near the optimum the objective changes below its rounding error; accept a step that
            // does not raise it beyond rounding and shrinks the gradient.
            if (!(trial <= f + 1e-14 * Math.Abs(f)) || !(Norm(_trialG) < Norm(_g))) break;
            bool small = true;
            for (int i = 0; i < _n; i++) small &= Math.Abs(_newton[i]) <= 1e-15 * (Math.Abs(x[i]) + 1e-15);
            _trialX.CopyTo(x);
            _trialG.CopyTo(_g.AsSpan());
            _trialH.CopyTo(_h.AsSpan());
            f = trial;
            if (small) break;
        }
        objective.Evaluate(x, _g, _h);
        return new LocalResult(f, steps, ExitReason.Converged, Decrement());
    }

    /// <summary>½·gᵀH⁻¹g, or +∞ when H is not positive definite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Decrement()
    {
        Span<double> none = stackalloc double[_n];
        none.Clear();
        if (!SmallMatrix.SolveDamped(_h, none, 0, Negated(_g), _newton, _work)) return double.PositiveInfinity;
        return -0.5 * Dot(_g, _newton);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateScale()
    {
        double max = 0;
        for (int i = 0; i < _n; i++)
        {
            _scale[i] = Math.Max(_scale[i], Math.Abs(_h[i * _n + i]));
            max = Math.Max(max, _scale[i]);
        }
        double floor = Math.Max(max * 1e-12, 1e-300);
        for (int i = 0; i < _n; i++) _scale[i] = Math.Max(_scale[i], floor);
    }

    private bool IsSmallStep(ReadOnlySpan<double> x)
    {
        for (int i = 0; i < _n; i++)
            if (Math.Abs(_step[i]) > _options.StepTolerance * (Math.Abs(x[i]) + _options.StepTolerance)) return false;
        return true;
    }

    private ReadOnlySpan<double> Negated(ReadOnlySpan<double> g)
    {
        for (int i = 0; i < _n; i++) _rhs[i] = -g[i];
        return _rhs;
    }

    private static double Norm(ReadOnlySpan<double> v) => Math.Sqrt(Dot(v, v));

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}

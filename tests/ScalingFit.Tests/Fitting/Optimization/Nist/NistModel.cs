namespace ScalingFit.Tests.Fitting.Optimization.Nist;

/// <summary>
/// The model function f(x; β) of one NIST StRD nonlinear regression problem, with its Jacobian
/// row ∂f/∂β written out by hand (no automatic or numeric differentiation), so that a failure in
/// the certification tests points at the optimizer and not at a derivative.
/// </summary>
public abstract class NistModel
{
    /// <summary>The number of parameters β.</summary>
    public abstract int ParameterCount { get; }

    /// <summary>The number of predictors per observation (1 for all problems but Nelson).</summary>
    public virtual int PredictorCount => 1;

    /// <summary>The response the model fits, from the observed y (Nelson fits log y).</summary>
    public virtual double Response(double y) => y;

    /// <summary>f(x; β); fills <paramref name="jacobian"/> with ∂f/∂βⱼ.</summary>
    public abstract double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian);

    /// <summary>The model of the named NIST problem.</summary>
    public static NistModel ForProblem(string name) => name switch
    {
        "Misra1a" or "BoxBOD" => new ExponentialRise(),
        "Misra1b" => new Misra1b(),
        "Misra1c" => new Misra1c(),
        "Misra1d" => new Misra1d(),
        "Chwirut2" => new Chwirut(),
        "DanWood" => new DanWood(),
        "Kirby2" => new RationalQuadratic(),
        "Lanczos3" => new Lanczos(),
        "Gauss1" => new Gauss(),
        "Nelson" => new Nelson(),
        "Hahn1" or "Thurber" => new RationalCubic(),
        "MGH09" => new Mgh09(),
        "MGH10" => new Mgh10(),
        "Rat42" => new Rat42(),
        "Rat43" => new Rat43(),
        "Eckerle4" => new Eckerle4(),
        "Bennett5" => new Bennett5(),
        _ => throw new ArgumentException($"No model for NIST problem '{name}'.", nameof(name)),
    };

    /// <summary>Misra1a, BoxBOD: y = b1·(1 − exp(−b2·x)).</summary>
    private sealed class ExponentialRise : NistModel
    {
        public override int ParameterCount => 2;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double e = Math.Exp(-b[1] * x[0]);
            jacobian[0] = 1 - e;
            jacobian[1] = b[0] * x[0] * e;
            return b[0] * (1 - e);
        }
    }

    /// <summary>Misra1b: y = b1·(1 − (1 + b2·x/2)^−2).</summary>
    private sealed class Misra1b : NistModel
    {
        public override int ParameterCount => 2;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double u = 1 + b[1] * x[0] / 2;
            double inverseSquare = 1 / (u * u);
            jacobian[0] = 1 - inverseSquare;
            jacobian[1] = b[0] * x[0] * inverseSquare / u; // b1·2u⁻³·x/2
            return b[0] * (1 - inverseSquare);
        }
    }

    /// <summary>Misra1c: y = b1·(1 − (1 + 2·b2·x)^−½).</summary>
    private sealed class Misra1c : NistModel
    {
        public override int ParameterCount => 2;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double u = 1 + 2 * b[1] * x[0];
            double inverseRoot = 1 / Math.Sqrt(u);
            jacobian[0] = 1 - inverseRoot;
            jacobian[1] = b[0] * x[0] * inverseRoot / u; // b1·½u^−3/2·2x
            return b[0] * (1 - inverseRoot);
        }
    }

    /// <summary>Misra1d: y = b1·b2·x / (1 + b2·x).</summary>
    private sealed class Misra1d : NistModel
    {
        public override int ParameterCount => 2;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double u = 1 + b[1] * x[0];
            jacobian[0] = b[1] * x[0] / u;
            jacobian[1] = b[0] * x[0] / (u * u);
            return b[0] * b[1] * x[0] / u;
        }
    }

    /// <summary>Chwirut2: y = exp(−b1·x) / (b2 + b3·x).</summary>
    private sealed class Chwirut : NistModel
    {
        public override int ParameterCount => 3;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double d = b[1] + b[2] * x[0];
            double f = Math.Exp(-b[0] * x[0]) / d;
            jacobian[0] = -x[0] * f;
            jacobian[1] = -f / d;
            jacobian[2] = -x[0] * f / d;
            return f;
        }
    }

    /// <summary>DanWood: y = b1·x^b2.</summary>
    private sealed class DanWood : NistModel
    {
        public override int ParameterCount => 2;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double power = Math.Pow(x[0], b[1]);
            jacobian[0] = power;
            jacobian[1] = b[0] * power * Math.Log(x[0]);
            return b[0] * power;
        }
    }

    /// <summary>Kirby2: y = (b1 + b2·x + b3·x²) / (1 + b4·x + b5·x²).</summary>
    private sealed class RationalQuadratic : NistModel
    {
        public override int ParameterCount => 5;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double t = x[0], t2 = t * t;
            double p = b[0] + b[1] * t + b[2] * t2;
            double q = 1 + b[3] * t + b[4] * t2;
            double f = p / q;
            jacobian[0] = 1 / q;
            jacobian[1] = t / q;
            jacobian[2] = t2 / q;
            jacobian[3] = -f * t / q;
            jacobian[4] = -f * t2 / q;
            return f;
        }
    }

    /// <summary>Hahn1, Thurber: y = (b1 + b2·x + b3·x² + b4·x³) / (1 + b5·x + b6·x² + b7·x³).</summary>
    private sealed class RationalCubic : NistModel
    {
        public override int ParameterCount => 7;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double t = x[0], t2 = t * t, t3 = t2 * t;
            double p = b[0] + b[1] * t + b[2] * t2 + b[3] * t3;
            double q = 1 + b[4] * t + b[5] * t2 + b[6] * t3;
            double f = p / q;
            jacobian[0] = 1 / q;
            jacobian[1] = t / q;
            jacobian[2] = t2 / q;
            jacobian[3] = t3 / q;
            jacobian[4] = -f * t / q;
            jacobian[5] = -f * t2 / q;
            jacobian[6] = -f * t3 / q;
            return f;
        }
    }

    /// <summary>Lanczos3: y = b1·exp(−b2·x) + b3·exp(−b4·x) + b5·exp(−b6·x).</summary>
    private sealed class Lanczos : NistModel
    {
        public override int ParameterCount => 6;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double f = 0;
            for (int k = 0; k < 6; k += 2)
            {
                double e = Math.Exp(-b[k + 1] * x[0]);
                jacobian[k] = e;
                jacobian[k + 1] = -b[k] * x[0] * e;
                f += b[k] * e;
            }
            return f;
        }
    }

    /// <summary>Gauss1: y = b1·exp(−b2·x) + b3·exp(−(x−b4)²/b5²) + b6·exp(−(x−b7)²/b8²).</summary>
    private sealed class Gauss : NistModel
    {
        public override int ParameterCount => 8;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double t = x[0];
            double e = Math.Exp(-b[1] * t);
            jacobian[0] = e;
            jacobian[1] = -b[0] * t * e;
            double f = b[0] * e;
            for (int k = 2; k < 8; k += 3)
            {
                double d = t - b[k + 1], w = b[k + 2];
                double g = Math.Exp(-d * d / (w * w));
                jacobian[k] = g;
                jacobian[k + 1] = b[k] * g * 2 * d / (w * w);
                jacobian[k + 2] = b[k] * g * 2 * d * d / (w * w * w);
                f += b[k] * g;
            }
            return f;
        }
    }

    /// <summary>Nelson: log y = b1 − b2·x1·exp(−b3·x2).</summary>
    private sealed class Nelson : NistModel
    {
        public override int ParameterCount => 3;

        public override int PredictorCount => 2;

        public override double Response(double y) => Math.Log(y);

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double e = Math.Exp(-b[2] * x[1]);
            jacobian[0] = 1;
            jacobian[1] = -x[0] * e;
            jacobian[2] = b[1] * x[0] * x[1] * e;
            return b[0] - b[1] * x[0] * e;
        }
    }

    /// <summary>MGH09: y = b1·(x² + x·b2) / (x² + x·b3 + b4).</summary>
    private sealed class Mgh09 : NistModel
    {
        public override int ParameterCount => 4;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double t = x[0];
            double n = t * t + t * b[1];
            double d = t * t + t * b[2] + b[3];
            double f = b[0] * n / d;
            jacobian[0] = n / d;
            jacobian[1] = b[0] * t / d;
            jacobian[2] = -f * t / d;
            jacobian[3] = -f / d;
            return f;
        }
    }

    /// <summary>MGH10: y = b1·exp(b2 / (x + b3)).</summary>
    private sealed class Mgh10 : NistModel
    {
        public override int ParameterCount => 3;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double s = x[0] + b[2];
            double e = Math.Exp(b[1] / s);
            jacobian[0] = e;
            jacobian[1] = b[0] * e / s;
            jacobian[2] = -b[0] * e * b[1] / (s * s);
            return b[0] * e;
        }
    }

    /// <summary>Rat42: y = b1 / (1 + exp(b2 − b3·x)).</summary>
    private sealed class Rat42 : NistModel
    {
        public override int ParameterCount => 3;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double e = Math.Exp(b[1] - b[2] * x[0]);
            double u = 1 + e;
            jacobian[0] = 1 / u;
            jacobian[1] = -b[0] * e / (u * u);
            jacobian[2] = b[0] * e * x[0] / (u * u);
            return b[0] / u;
        }
    }

    /// <summary>Rat43: y = b1 / (1 + exp(b2 − b3·x))^(1/b4).</summary>
    private sealed class Rat43 : NistModel
    {
        public override int ParameterCount => 4;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double e = Math.Exp(b[1] - b[2] * x[0]);
            double u = 1 + e;
            double p = Math.Pow(u, -1 / b[3]);
            double f = b[0] * p;
            jacobian[0] = p;
            jacobian[1] = -f * e / (b[3] * u);
            jacobian[2] = f * e * x[0] / (b[3] * u);
            jacobian[3] = f * Math.Log(u) / (b[3] * b[3]);
            return f;
        }
    }

    /// <summary>Eckerle4: y = (b1/b2)·exp(−½·((x − b3)/b2)²).</summary>
    private sealed class Eckerle4 : NistModel
    {
        public override int ParameterCount => 3;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double z = (x[0] - b[2]) / b[1];
            double g = Math.Exp(-0.5 * z * z);
            double f = b[0] / b[1] * g;
            jacobian[0] = g / b[1];
            jacobian[1] = f * (z * z - 1) / b[1];
            jacobian[2] = f * z / b[1];
            return f;
        }
    }

    /// <summary>Bennett5: y = b1·(b2 + x)^(−1/b3).</summary>
    private sealed class Bennett5 : NistModel
    {
        public override int ParameterCount => 3;

        public override double Evaluate(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            double u = b[1] + x[0];
            double p = Math.Pow(u, -1 / b[2]);
            double f = b[0] * p;
            jacobian[0] = p;
            jacobian[1] = -f / (b[2] * u);
            jacobian[2] = f * Math.Log(u) / (b[2] * b[2]);
            return f;
        }
    }
}

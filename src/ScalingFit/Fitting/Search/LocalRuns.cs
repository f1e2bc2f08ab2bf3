using ScalingFit.Fitting.Optimization;

namespace ScalingFit.Fitting.Search;

/// <summary>
/// A local minimization as the multi-start runs it: where the problem has a single-precision
/// objective, an approach in single precision, then a finish in double precision (see
/// <see cref="MultiStart.ApproachTolerance"/>); otherwise the double-precision objective alone.
/// With <paramref name="Hop"/> (the screened search), an approach that stalls at the resolution of
/// single precision (a long valley where each step gains less than the rounding of the sum) takes
/// a few steps in double precision and goes on in single precision, rather than crawling the rest
/// of the way at twice the cost: a sixth less work on the Chinchilla grid. With Huber's loss, a
/// run that stalls within <see cref="MultiStart.RescueWithin"/> iterations of its last phase is
/// tried again from its start where least squares leads it (<see cref="FitProblem.Rescue"/>).
/// </summary>
internal sealed record LocalRuns(FitProblem Problem, OptimizerOptions Options, bool Hop = false)
{
    /// <summary>The relative resolution of a sum in single precision: a rejected step that promised less is not judged.</summary>
    public const double SingleResolution = 1e-6;

    /// <summary>Steps in double precision per hop over a stretch that single precision cannot resolve.</summary>
    public const int HopIterations = 5;

    /// <summary>At most this many hops per run; then the run finishes in double precision.</summary>
    public const int MaxHops = 50;

    /// <summary>A worker with its own objectives and optimizers (one per thread).</summary>
    public Worker Create()
    {
        int k = Problem.Dimension;
        var fine = Problem.Objective();
        var approach = Options with { DecrementTolerance = Math.Max(Options.DecrementTolerance, MultiStart.ApproachTolerance) };
        // The rescue: least squares to the tolerance of an approach, then the objective itself almost undamped.
        var rescue = Problem.Rescue() is { } leastSquares
            ? new Rescue(new Phase(leastSquares, new NewtonTrustRegion(k, approach)),
                new Phase(fine, new NewtonTrustRegion(k, Options with { InitialDamping = 1e-8 })), new double[k])
            : null;
        var coarse = Problem.Coarse();
        if (coarse is null) return new Worker(null, new Phase(fine, new NewtonTrustRegion(k, Options)), null, rescue);
        if (Hop) approach = approach with { Resolution = SingleResolution };
        // After the approach the start is near a minimum more often than not: begin almost undamped.
        var finish = Options with { InitialDamping = 1e-8 };
        var hop = Hop ? new Phase(fine, new NewtonTrustRegion(k, finish with { MaxIterations = HopIterations })) : null;
        return new Worker(new Phase(coarse, new NewtonTrustRegion(k, approach)), new Phase(fine, new NewtonTrustRegion(k, finish)), hop, rescue);
    }

    /// <summary>One objective minimized by one optimizer.</summary>
    public sealed record Phase(IObjective Objective, NewtonTrustRegion Optimizer)
    {
        public LocalResult Run(Span<double> x, PathRecorder? recorder, int phase)
        {
            if (recorder is not null) recorder.Phase = phase;
            return Optimizer.Minimize(Objective, x, recorder);
        }
    }

    /// <summary>Least squares from the start (<paramref name="Lead"/>), then the objective itself (<paramref name="Retry"/>).</summary>
    public sealed record Rescue(Phase Lead, Phase Retry, double[] Start);

    /// <summary>A run: the approach (if any), hops (if any), the finish on the objective itself in double precision, the rescue (if needed).</summary>
    public sealed class Worker(Phase? approach, Phase finish, Phase? hop, Rescue? rescue)
    {
        /// <summary>Minimizes from <paramref name="x"/> (the end point on return); the recorder may stop the run.</summary>
        public LocalResult Minimize(Span<double> x, PathRecorder? recorder = null)
        {
            if (rescue is not null) x.CopyTo(rescue.Start);
            var result = Descend(x, recorder, out int last);
            if (rescue is null || result.Reason != ExitReason.Stalled || last > MultiStart.RescueWithin) return result;
            // A start that stalls at once on a Huber plateau (no step helps where every residual is beyond δ) is tried
            // again from where least squares leads it. Its path is not recorded: it does not lead to where the run ends.
            recorder?.Forget();
            var y = rescue.Start;
            int lead = rescue.Lead.Run(y, null, 0).Iterations;
            var second = rescue.Retry.Run(y, null, 0);
            if (!second.Converged && !(second.Objective < result.Objective)) return result;
            y.CopyTo(x);
            return second with { Iterations = result.Iterations + lead + second.Iterations };
        }

        /// <summary>The approach, hops and finish; <paramref name="last"/> is the iterations of the last phase run.</summary>
        private LocalResult Descend(Span<double> x, PathRecorder? recorder, out int last)
        {
            int iterations = 0;
            for (int hops = 0; approach is not null; hops++)
            {
                var result = approach.Run(x, recorder, 0);
                iterations += result.Iterations;
                last = result.Iterations;
                if (result.Reason == ExitReason.Joined) return result with { Iterations = iterations };
                if (hop is null || hops == MaxHops || result.Reason != ExitReason.Stalled) break;
                result = hop.Run(x, recorder, 1);
                iterations += result.Iterations;
                last = result.Iterations;
                if (result.Reason != ExitReason.MaxIterations) return result with { Iterations = iterations };
            }
            var end = finish.Run(x, recorder, 1);
            last = end.Iterations;
            return end with { Iterations = end.Iterations + iterations };
        }
    }
}

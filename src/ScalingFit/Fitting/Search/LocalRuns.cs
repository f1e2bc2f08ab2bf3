using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;

namespace ScalingFit.Fitting.Search;

/// <summary>
/// A local minimization as the multi-start runs it: where the law has a single-precision objective,
/// an approach in single precision, then a finish in double precision (see
/// <see cref="MultiStart.ApproachTolerance"/>); otherwise the double-precision objective alone.
/// With <paramref name="Hop"/> (the screened search), an approach that stalls at the resolution of
/// single precision (a long valley where each step gains less than the rounding of the sum) takes
/// a few steps in double precision and goes on in single precision, rather than crawling the rest
/// of the way at twice the cost: a sixth less work on the Chinchilla grid.
/// </summary>
internal sealed record LocalRuns(IScalingLaw Law, FitData Data, LossFunction Loss, OptimizerOptions Options, bool Hop = false)
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
        int k = Law.FitParameterNames.Count;
        var coarse = LogLossObjective.Coarse(Law, Data, Loss);
        var fine = LogLossObjective.For(Law, Data, Loss);
        if (coarse is null) return new Worker(null, new Phase(fine, new NewtonTrustRegion(k, Options)), null);
        var approach = Options with { DecrementTolerance = Math.Max(Options.DecrementTolerance, MultiStart.ApproachTolerance) };
        if (Hop) approach = approach with { Resolution = SingleResolution };
        // After the approach the start is near a minimum more often than not: begin almost undamped.
        var finish = Options with { InitialDamping = 1e-8 };
        var hop = Hop ? new Phase(fine, new NewtonTrustRegion(k, finish with { MaxIterations = HopIterations })) : null;
        return new Worker(new Phase(coarse, new NewtonTrustRegion(k, approach)), new Phase(fine, new NewtonTrustRegion(k, finish)), hop);
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

    /// <summary>A run: the approach (if any), hops (if any), the finish on the objective itself in double precision.</summary>
    public sealed class Worker(Phase? approach, Phase finish, Phase? hop)
    {
        /// <summary>Minimizes from <paramref name="x"/> (the end point on return); the recorder may stop the run.</summary>
        public LocalResult Minimize(Span<double> x, PathRecorder? recorder = null)
        {
            int iterations = 0;
            for (int hops = 0; approach is not null; hops++)
            {
                var result = approach.Run(x, recorder, 0);
                iterations += result.Iterations;
                if (result.Reason == ExitReason.Joined) return result with { Iterations = iterations };
                if (hop is null || hops == MaxHops || result.Reason != ExitReason.Stalled) break;
                result = hop.Run(x, recorder, 1);
                iterations += result.Iterations;
                if (result.Reason != ExitReason.MaxIterations) return result with { Iterations = iterations };
            }
            var end = finish.Run(x, recorder, 1);
            return end with { Iterations = end.Iterations + iterations };
        }
    }
}

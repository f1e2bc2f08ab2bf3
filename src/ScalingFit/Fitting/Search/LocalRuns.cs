using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;

namespace ScalingFit.Fitting.Search;

/// <summary>
/// A local minimization as the multi-start runs it: where the law has a single-precision objective,
/// an approach in single precision, then a finish in double precision (see
/// <see cref="MultiStart.ApproachTolerance"/>); otherwise the double-precision objective alone.
/// </summary>
internal sealed record LocalRuns(IScalingLaw Law, FitData Data, LossFunction Loss, OptimizerOptions Options)
{
    /// <summary>A worker with its own objectives and optimizers (one per thread).</summary>
    public Worker Create()
    {
        int k = Law.FitParameterNames.Count;
        var coarse = LogLossObjective.Coarse(Law, Data, Loss);
        var fine = LogLossObjective.For(Law, Data, Loss);
        if (coarse is null) return new Worker([new Phase(fine, new NewtonTrustRegion(k, Options))]);
        var approach = Options with { DecrementTolerance = Math.Max(Options.DecrementTolerance, MultiStart.ApproachTolerance) };
        // After the approach the start is near a minimum more often than not: begin almost undamped.
        var finish = Options with { InitialDamping = 1e-8 };
        return new Worker([new Phase(coarse, new NewtonTrustRegion(k, approach)), new Phase(fine, new NewtonTrustRegion(k, finish))]);
    }

    /// <summary>One objective minimized by one optimizer.</summary>
    public sealed record Phase(IObjective Objective, NewtonTrustRegion Optimizer);

    /// <summary>The phases of a run, the last on the objective itself in double precision.</summary>
    public sealed class Worker(Phase[] phases)
    {
        /// <summary>Minimizes from <paramref name="x"/> (the end point on return); the recorder may stop the run.</summary>
        public LocalResult Minimize(Span<double> x, PathRecorder? recorder = null)
        {
            int iterations = 0;
            for (int p = 0; ; p++)
            {
                if (recorder is not null) recorder.Phase = p;
                var result = phases[p].Optimizer.Minimize(phases[p].Objective, x, recorder);
                iterations += result.Iterations;
                if (p == phases.Length - 1 || result.Reason == ExitReason.Joined) return result with { Iterations = iterations };
            }
        }
    }
}

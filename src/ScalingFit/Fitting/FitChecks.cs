using ScalingFit.Data;
using ScalingFit.Laws;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Fitting;

/// <summary>
/// Checks of a fitted law against what a law of the loss must do, for any law (nothing here knows
/// a law by name): its loss falls as N, D or C grow, and no run beats its irreducible loss.
/// </summary>
internal static class FitChecks
{
    /// <summary>
    /// A law of the loss that rises with N, D or C (the others held) at more than half the runs, by
    /// the sign of d ln L̂/d ln x at each run. The sign of an exponent alone cannot say this: in
    /// A/N^α the loss falls when α &gt; 0, in a·N^b when b &lt; 0.
    /// </summary>
    public static IEnumerable<Diagnostic> LossRises(IScalingLaw law, FitData data, double[] natural)
    {
        if (data.Space != ResidualSpace.Log && data.Space != ResidualSpace.Linear) yield break;
        var x = new double[data.InputCount];
        for (int j = 0; j < data.InputCount; j++)
        {
            if (law.Inputs[j].Quantity is not (Quantity.ParameterCount or Quantity.TrainingTokens or Quantity.Compute)) continue;
            if (!IsLoss(data, law)) yield break;
            int rising = 0;
            for (int i = 0; i < data.Count; i++)
            {
                for (int m = 0; m < x.Length; m++) x[m] = data.Columns[m][i];
                double here = law.Value(natural, x);
                x[j] *= 1 + 1e-4;
                double up = law.Value(natural, x);
                // d ln L̂ / d ln x above 1e-6: rising, not flat within rounding.
                if (Math.Log(up / here) / Math.Log(1 + 1e-4) > 1e-6) rising++;
            }
            if (2 * rising <= data.Count) continue;
            string name = law.Inputs[j].Name;
            string exponents = string.Join(", ", law.Parameters.Select((p, i) => (p, i)).Where(t => t.p.Role == ParameterRole.Exponent)
                .Select(t => $"{t.p.Name} = {Significant(natural[t.i], 3)}"));
            yield return new Diagnostic(DiagnosticCodes.LossRises,
                $"the fitted law's loss rises with {name} at {rising} of {data.Count} runs (the other inputs held): a law of the loss " +
                $"should fall as {name} grows{(exponents.Length > 0 ? $" ({exponents})" : "")}, so these runs, or this law, are not " +
                "a scaling law in it.");
        }
    }

    /// <summary>
    /// An offset (an irreducible loss E) of a law of the loss that is the law's floor over the runs,
    /// fitted above the lowest observed losses: runs that beat the irreducible loss contradict it.
    /// </summary>
    public static IEnumerable<Diagnostic> FloorAboveLosses(IScalingLaw law, ParameterMap map, FitData data, double[] natural)
    {
        if (!IsLoss(data, law) || !law.Inputs.Any(i => i.Quantity is not null)) yield break;
        var x = new double[data.InputCount];
        for (int p = 0; p < law.Parameters.Count; p++)
        {
            if (law.Parameters[p].Role != ParameterRole.Offset || map.IsFixed(p)) continue;
            double floor = natural[p];
            bool isFloor = true;
            for (int i = 0; i < data.Count && isFloor; i++)
            {
                for (int j = 0; j < x.Length; j++) x[j] = data.Columns[j][i];
                isFloor = law.Value(natural, x) >= floor * (1 - 1e-12);
            }
            if (!isFloor) continue;
            int below = data.Observed.Count(l => l < floor);
            if (below == 0) continue;
            yield return new Diagnostic(DiagnosticCodes.FloorAboveLosses,
                $"{law.Parameters[p].Name} = {Significant(floor, 4)} ({law.Parameters[p].Description}) lies above the lowest observed losses: " +
                $"{below} of {data.Count} runs reach below it (down to {Significant(data.Observed.Min(), 4)}). No run can beat an irreducible " +
                "loss, so the fitted floor is too high and the law's predictions for larger models too pessimistic.");
        }
    }

    /// <summary>Whether the fit's target is the loss (its observed values are losses).</summary>
    private static bool IsLoss(FitData data, IScalingLaw law) => data.IsLoss && law.Inputs.All(i => i.Quantity != Quantity.Loss);
}

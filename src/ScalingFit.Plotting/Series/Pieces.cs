using ScalingFit.Plotting.Style;
using ScottPlot;

namespace ScalingFit.Plotting.Series;

/// <summary>A curve drawn solid over the span its data cover and in a dash pattern outside it.</summary>
internal static class Pieces
{
    /// <summary>
    /// Draws the curve solid over <paramref name="solid"/> (log₁₀ coordinates of x) and with <paramref name="beyond"/>
    /// dashes outside it; all dashed when there is no span. Neighbouring pieces meet at a shared point.
    /// </summary>
    /// <returns>Whether a dashed piece was drawn.</returns>
    public static bool Draw(Plot plot, double[] xs, double[] ys, (double Lower, double Upper)? solid, Color color, float width, Dash beyond)
    {
        if (solid is not { } span)
        {
            FigureStyle.Line(plot, xs, ys, color, width, beyond);
            return true;
        }
        bool dashed = false;
        foreach (var (from, to, isSolid) in new[] { (double.NegativeInfinity, span.Lower, false), (span.Lower, span.Upper, true), (span.Upper, double.PositiveInfinity, false) })
        {
            var idx = Enumerable.Range(0, xs.Length).Where(i => xs[i] >= from - 1e-12 && xs[i] <= to + 1e-12).ToList();
            if (idx.Count > 0)
            {
                if (idx[0] > 0) idx.Insert(0, idx[0] - 1);
                if (idx[^1] < xs.Length - 1) idx.Add(idx[^1] + 1);
            }
            if (idx.Count < 2) continue;
            FigureStyle.Line(plot, idx.Select(i => xs[i]).ToArray(), idx.Select(i => ys[i]).ToArray(), color, width, isSolid ? Dash.Solid : beyond);
            dashed |= !isSolid;
        }
        return dashed;
    }
}

using System.Globalization;

namespace ScalingFit.Data;

/// <summary>
/// Converts a total parameter count back to non-embedding for reports: N_ne = N − V·d (·2 untied)
/// − n_ctx·d, with the width d at N taken from the runs' own widths, d ≈ c·N^k fitted by least
/// squares in logs over the runs (an assumption, stated by <see cref="Assumption"/>; beyond the
/// runs' sizes it is an extrapolation).
/// </summary>
public sealed record NonEmbeddingBack(EmbeddingSpec Spec, double Coefficient, double Exponent)
{
    /// <summary>The width d ≈ c·N^k of a model of N total parameters.</summary>
    public double WidthAt(double total) => Coefficient * Math.Pow(total, Exponent);

    /// <summary>The non-embedding count of a model of N total parameters; NaN when the embeddings alone would exceed N.</summary>
    public double NonEmbedding(double total)
    {
        double d = WidthAt(total);
        double back = total - d * (Spec.Vocabulary * (Spec.UntiedHead ? 2.0 : 1.0) + Spec.LearnedPositions);
        return back > 0 ? back : double.NaN;
    }

    /// <summary>The assumption, for a person.</summary>
    public string Assumption =>
        $"d_model ≈ {Coefficient.ToString("G3", CultureInfo.InvariantCulture)}·N^{Exponent.ToString("0.###", CultureInfo.InvariantCulture)} " +
        "(fitted to the runs' widths and total N)";

    /// <summary>The back-conversion for runs converted by <see cref="EmbeddingConversion.ToTotal"/> (their N total, their widths in a column).</summary>
    /// <exception cref="OptionException">No width column.</exception>
    /// <exception cref="DataException">A width cell is not a positive integer, or the runs have a single size.</exception>
    public static NonEmbeddingBack Of(RunSet converted, EmbeddingSpec spec)
    {
        string width = EmbeddingConversion.WidthColumn(converted, spec);
        var n = converted.Values(Quantity.ParameterCount);
        var x = new double[n.Length];
        var y = new double[n.Length];
        for (int i = 0; i < x.Length; i++) { x[i] = Math.Log(n[i]); y[i] = Math.Log(ShapeDerivation.Cell(converted, width, i)); }
        if (x.Distinct().Count() < 2)
            throw new DataException("converting sizes back to non-embedding needs runs of at least two sizes to relate width to N.", converted.Source);
        var (intercept, slope) = MathNet.Numerics.Fit.Line(x, y);
        return new NonEmbeddingBack(spec, Math.Exp(intercept), slope);
    }
}

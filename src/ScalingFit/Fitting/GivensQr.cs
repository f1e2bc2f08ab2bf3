using System.Runtime.CompilerServices;

namespace ScalingFit.Fitting;

/// <summary>
/// The triangular factor R of a tall design, accumulated one row at a time by Givens rotations
/// (Gentleman 1973; Miller 1992, AS 274). Rows are never stored, so a million-row regression needs
/// only a (k × k) matrix, and each row costs O(k²). Appending y as the last column of the rows gives,
/// in the last column of R, Qᵀy, and in its last diagonal element ±√SSE.
/// </summary>
internal sealed class GivensQr(int columns)
{
    private readonly double[] _r = new double[columns * columns];

    /// <summary>The number of columns k.</summary>
    public int Columns => columns;

    /// <summary>Rotates one row into R.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(Span<double> row)
    {
        int k = columns;
        for (int i = 0; i < k; i++)
        {
            double b = row[i];
            if (b == 0) continue;
            ref double diagonal = ref _r[i * k + i];
            double a = diagonal, radius = Math.Sqrt(a * a + b * b), c = a / radius, s = b / radius;
            diagonal = radius;
            for (int j = i + 1; j < k; j++)
            {
                double t = _r[i * k + j];
                _r[i * k + j] = c * t + s * row[j];
                row[j] = c * row[j] - s * t;
            }
        }
    }

    /// <summary>Element (i, j) of R (zero below the diagonal).</summary>
    public double this[int i, int j] => _r[i * columns + j];
}

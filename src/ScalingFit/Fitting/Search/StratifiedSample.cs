namespace ScalingFit.Fitting.Search;

/// <summary>
/// A subsample of runs spread evenly over the law's inputs, for screening starts on few rows:
/// rows are ordered along a Z-order (Morton) curve through the ranks of their inputs (N, D or any
/// column the law takes; ranks, so the same in logs) and every (n/m)-th row along the curve is
/// taken, so each region of the input space keeps its share of rows. Deterministic: the same data
/// give the same rows.
/// </summary>
internal static class StratifiedSample
{
    /// <summary>The indices (ascending) of <paramref name="count"/> rows of <paramref name="data"/>, stratified by its inputs.</summary>
    public static int[] Rows(FitData data, int count)
    {
        int n = data.Count, inputs = data.InputCount;
        if (count >= n) return Enumerable.Range(0, n).ToArray();
        int bits = Math.Min(20, 62 / Math.Max(1, inputs));
        var keys = new long[n];
        var order = new int[n];
        var values = new double[n];
        for (int j = 0; j < inputs; j++)
        {
            for (int i = 0; i < n; i++)
            {
                values[i] = data.Columns[j][i];
                order[i] = i;
            }
            Array.Sort(values, order);
            // Rank in [0, 2^bits): ties share the rank of their first row, so equal inputs stay together.
            int rank = 0;
            for (int r = 0; r < n; r++)
            {
                if (r > 0 && values[r] != values[r - 1]) rank = r;
                long scaled = (long)((double)rank / n * (1L << bits));
                keys[order[r]] |= Interleave(scaled, j, inputs, bits);
            }
        }
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(keys, order);
        // Stable among equal keys: sort each run of equal keys by row index.
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            if (end - start > 1) Array.Sort(order, start, end - start);
            start = end;
        }
        var rows = new int[count];
        for (int j = 0; j < count; j++) rows[j] = order[(int)(((long)j * n + n / 2) / count)];
        Array.Sort(rows);
        return rows;
    }

    /// <summary>The rows' data as a data set of their own (every per-run array subset alike, <see cref="FitData.Subset"/>).</summary>
    public static FitData Take(FitData data, IReadOnlyList<int> rows) => data.Subset(rows);

    /// <summary>Spreads the bits of <paramref name="value"/> to every <paramref name="inputs"/>-th position, offset by <paramref name="axis"/>.</summary>
    private static long Interleave(long value, int axis, int inputs, int bits)
    {
        long result = 0;
        for (int b = 0; b < bits; b++)
            if ((value >> b & 1) != 0) result |= 1L << (b * inputs + axis);
        return result;
    }
}

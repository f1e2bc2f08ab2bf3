using System.Buffers.Text;

namespace ScalingFit.Benchmarks;

/// <summary>
/// Writes a long training log: <c>runs</c> runs with <c>checkpoints</c> evaluation checkpoints each
/// (10⁴ × 10⁴ = 10⁸ rows, about 6 GB, for the streaming-selection benchmark of issue 13), columns
/// run, step, N, D, C, loss. N is log-uniform in [10⁷, 10¹⁰]; a run trains on 20·N tokens times a
/// log-normal factor (σ = 0.5), evaluated at evenly spaced steps, D = tokens seen so far; the loss
/// is Hoffmann et al.'s law E + A/N^α + B/D^β times a run-level (1%) and a checkpoint-level (0.5%)
/// log-normal factor. Rows are step-major (every run's checkpoint 1, then every run's checkpoint 2,
/// …), as when many runs log to one file: no run is complete before the last rows, so a reader
/// keeping one checkpoint per run must hold every run until the end. Streams: memory does not
/// grow with the rows.
/// </summary>
public static class CheckpointLogGenerator
{
    public static void Write(Stream output, int runs, int checkpoints, int seed)
    {
        var random = new Random(seed);
        var n = new double[runs];
        var finalTokens = new double[runs];
        var runNoise = new double[runs];
        for (int r = 0; r < runs; r++)
        {
            n[r] = Math.Pow(10, 7 + 3 * random.NextDouble());
            finalTokens[r] = 20 * n[r] * Math.Exp(0.5 * Gaussian(random));
            runNoise[r] = 0.01 * Gaussian(random);
        }
        var buffer = new byte[1 << 20];
        int used = 0;
        Append(buffer, ref used, "run,step,N,D,C,loss\n"u8);
        for (int k = 1; k <= checkpoints; k++)
        {
            for (int r = 0; r < runs; r++)
            {
                if (used > buffer.Length - 256)
                {
                    output.Write(buffer, 0, used);
                    used = 0;
                }
                double d = finalTokens[r] * k / checkpoints;
                double loss = (1.69 + 406.4 / Math.Pow(n[r], 0.34) + 410.7 / Math.Pow(d, 0.28)) * Math.Exp(runNoise[r] + 0.005 * Gaussian(random));
                buffer[used++] = (byte)'r';
                Number(buffer, ref used, r);
                buffer[used++] = (byte)',';
                Number(buffer, ref used, k);
                foreach (double value in new[] { n[r], d, 6 * n[r] * d, loss })
                {
                    buffer[used++] = (byte)',';
                    Utf8Formatter.TryFormat(value, buffer.AsSpan(used), out int written, new System.Buffers.StandardFormat('G', 10));
                    used += written;
                }
                buffer[used++] = (byte)'\n';
            }
        }
        output.Write(buffer, 0, used);
    }

    private static void Number(byte[] buffer, ref int used, int value)
    {
        Utf8Formatter.TryFormat(value, buffer.AsSpan(used), out int written);
        used += written;
    }

    private static void Append(byte[] buffer, ref int used, ReadOnlySpan<byte> text)
    {
        text.CopyTo(buffer.AsSpan(used));
        used += text.Length;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

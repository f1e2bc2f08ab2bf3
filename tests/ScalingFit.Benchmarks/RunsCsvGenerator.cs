using System.Globalization;
using System.Text;

namespace ScalingFit.Benchmarks;

/// <summary>
/// Writes a runs CSV with five columns (run, N, D, C, loss): N and D log-uniform, C = 6ND, and the
/// loss from Hoffmann et al.'s published law E + A/N^α + B/D^β times 1% log-normal noise.
/// </summary>
public static class RunsCsvGenerator
{
    public static void Write(Stream output, int rows, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16);
        writer.Write("run,N,D,C,loss\n");
        for (int i = 0; i < rows; i++)
        {
            double n = Math.Pow(10, 7 + 3 * random.NextDouble());
            double d = Math.Pow(10, 9 + 3 * random.NextDouble());
            double noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            double loss = (1.69 + 406.4 / Math.Pow(n, 0.34) + 410.7 / Math.Pow(d, 0.28)) * Math.Exp(0.01 * noise);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"run-{i},{n:R},{d:R},{6 * n * d:R},{loss:R}\n"));
        }
    }

    public static byte[] Bytes(int rows, int seed)
    {
        using var memory = new MemoryStream();
        Write(memory, rows, seed);
        return memory.ToArray();
    }
}

using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

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

    /// <summary>The same rows (same seed, same numbers) as JSON Lines: {"run": .., "N": .., "D": .., "C": .., "loss": ..}.</summary>
    public static void WriteJsonLines(Stream output, int rows, int seed)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16);
        foreach (var r in Rows(rows, seed))
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{{\"run\":\"run-{r.Index}\",\"N\":{r.N:R},\"D\":{r.D:R},\"C\":{6 * r.N * r.D:R},\"loss\":{r.Loss:R}}}\n"));
    }

    /// <summary>The same rows as Parquet (Parquet.Net, one row group per 100,000 rows, default compression).</summary>
    public static void WriteParquet(Stream output, int rows, int seed)
    {
        var all = Rows(rows, seed).ToArray();
        var schema = new ParquetSchema(new DataField<string>("run"), new DataField<double>("N"), new DataField<double>("D"),
            new DataField<double>("C"), new DataField<double>("loss"));
        var writer = ParquetWriter.CreateAsync(schema, output).GetAwaiter().GetResult();
        for (int start = 0; start < all.Length; start += 100_000)
        {
            var part = all.AsSpan(start, Math.Min(100_000, all.Length - start)).ToArray();
            using var group = writer.CreateRowGroup();
            group.WriteAsync(schema.DataFields[0], part.Select(r => $"run-{r.Index}").ToArray()).GetAwaiter().GetResult();
            group.WriteAsync<double>(schema.DataFields[1], part.Select(r => r.N).ToArray()).GetAwaiter().GetResult();
            group.WriteAsync<double>(schema.DataFields[2], part.Select(r => r.D).ToArray()).GetAwaiter().GetResult();
            group.WriteAsync<double>(schema.DataFields[3], part.Select(r => 6 * r.N * r.D).ToArray()).GetAwaiter().GetResult();
            group.WriteAsync<double>(schema.DataFields[4], part.Select(r => r.Loss).ToArray()).GetAwaiter().GetResult();
        }
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    public static byte[] Bytes(int rows, int seed, string format)
    {
        using var memory = new MemoryStream();
        switch (format)
        {
            case "jsonl": WriteJsonLines(memory, rows, seed); break;
            case "parquet": WriteParquet(memory, rows, seed); break;
            default: Write(memory, rows, seed); break;
        }
        return memory.ToArray();
    }

    private static IEnumerable<(int Index, double N, double D, double Loss)> Rows(int rows, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < rows; i++)
        {
            double n = Math.Pow(10, 7 + 3 * random.NextDouble());
            double d = Math.Pow(10, 9 + 3 * random.NextDouble());
            double noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            double loss = (1.69 + 406.4 / Math.Pow(n, 0.34) + 410.7 / Math.Pow(d, 0.28)) * Math.Exp(0.01 * noise);
            yield return (i, n, d, loss);
        }
    }
}

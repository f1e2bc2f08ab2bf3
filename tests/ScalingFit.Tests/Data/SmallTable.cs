using System.IO.Compression;
using System.Text;
using ScalingFit.Data;

namespace ScalingFit.Tests.Data;

/// <summary>
/// One small table of six runs written by hand in every layout the readers know, each text typed
/// out here (not produced by the code under test); the Parquet file comes from hyparquet-writer.
/// </summary>
public static class SmallTable
{
    public static readonly string[] Runs = ["r1", "r2", "r3", "r4", "r5", "r6"];
    public static readonly string[] Families = ["pythia", "pythia", "pythia", "qwen", "qwen", "qwen"];
    public static readonly double[] N = [7e7, 1.6e8, 4.1e8, 5e8, 1.5e9, 7e9];
    public static readonly double[] D = [3e11, 3e11, 3e11, 2.2e12, 2.2e12, 2.2e12];
    public static readonly double[] Loss = [3.34, 3.05, 2.79, 2.61, 2.37, 2.11];

    public const string Csv = """
        run,family,N,D,loss
        r1,pythia,70000000,3e11,3.34
        r2,pythia,160000000,3e11,3.05
        r3,pythia,410000000,3e11,2.79
        r4,qwen,500000000,2.2e12,2.61
        r5,qwen,1500000000,2.2e12,2.37
        r6,qwen,7000000000,2.2e12,2.11

        """;

    public static string Tsv => Csv.Replace(',', '\t');

    public static string Semicolon => Csv.Replace(',', ';');

    public const string JsonLines = """
        {"run": "r1", "family": "pythia", "N": 70000000, "D": 3e11, "loss": 3.34}
        {"run": "r2", "family": "pythia", "N": 160000000, "D": 3e11, "loss": 3.05}
        {"run": "r3", "family": "pythia", "N": 410000000, "D": 3e11, "loss": 2.79}
        {"run": "r4", "family": "qwen", "N": 500000000, "D": 2.2e12, "loss": 2.61}
        {"run": "r5", "family": "qwen", "N": 1500000000, "D": 2.2e12, "loss": 2.37}
        {"run": "r6", "family": "qwen", "N": 7000000000, "D": 2.2e12, "loss": 2.11}
        """;

    /// <summary>pandas to_json(orient="records"), keys in another order and numbers as strings in one row.</summary>
    public const string JsonRecords = """
        [
          {"run": "r1", "family": "pythia", "N": 70000000, "D": 3e11, "loss": 3.34},
          {"family": "pythia", "run": "r2", "N": 160000000, "D": 3e11, "loss": 3.05},
          {"run": "r3", "family": "pythia", "N": "410000000", "D": "3e11", "loss": "2.79"},
          {"run": "r4", "family": "qwen", "N": 500000000, "D": 2.2e12, "loss": 2.61},
          {"run": "r5", "family": "qwen", "N": 1500000000, "D": 2.2e12, "loss": 2.37},
          {"run": "r6", "family": "qwen", "N": 7000000000, "D": 2.2e12, "loss": 2.11}
        ]
        """;

    /// <summary>pandas to_json() default, orient="columns": {"col": {"index": value}}.</summary>
    public const string JsonColumns = """
        {"run":{"0":"r1","1":"r2","2":"r3","3":"r4","4":"r5","5":"r6"},
         "family":{"0":"pythia","1":"pythia","2":"pythia","3":"qwen","4":"qwen","5":"qwen"},
         "N":{"0":70000000,"1":160000000,"2":410000000,"3":500000000,"4":1500000000,"5":7000000000},
         "D":{"0":300000000000.0,"1":300000000000.0,"2":300000000000.0,"3":2200000000000.0,"4":2200000000000.0,"5":2200000000000.0},
         "loss":{"0":3.34,"1":3.05,"2":2.79,"3":2.61,"4":2.37,"5":2.11}}
        """;

    /// <summary>A dict of lists: {"col": [values]}.</summary>
    public const string JsonLists = """
        {"run": ["r1", "r2", "r3", "r4", "r5", "r6"],
         "family": ["pythia", "pythia", "pythia", "qwen", "qwen", "qwen"],
         "N": [70000000, 160000000, 410000000, 500000000, 1500000000, 7000000000],
         "D": [3e11, 3e11, 3e11, 2.2e12, 2.2e12, 2.2e12],
         "loss": [3.34, 3.05, 2.79, 2.61, 2.37, 2.11]}
        """;

    /// <summary>pandas to_json(orient="split").</summary>
    public const string JsonSplit = """
        {"columns":["run","family","N","D","loss"],"index":[0,1,2,3,4,5],
         "data":[["r1","pythia",70000000,3e11,3.34],["r2","pythia",160000000,3e11,3.05],["r3","pythia",410000000,3e11,2.79],
                 ["r4","qwen",500000000,2.2e12,2.61],["r5","qwen",1500000000,2.2e12,2.37],["r6","qwen",7000000000,2.2e12,2.11]]}
        """;

    /// <summary>pandas to_json(orient="index").</summary>
    public const string JsonIndex = """
        {"0":{"run":"r1","family":"pythia","N":70000000,"D":3e11,"loss":3.34},
         "1":{"run":"r2","family":"pythia","N":160000000,"D":3e11,"loss":3.05},
         "2":{"run":"r3","family":"pythia","N":410000000,"D":3e11,"loss":2.79},
         "3":{"run":"r4","family":"qwen","N":500000000,"D":2.2e12,"loss":2.61},
         "4":{"run":"r5","family":"qwen","N":1500000000,"D":2.2e12,"loss":2.37},
         "5":{"run":"r6","family":"qwen","N":7000000000,"D":2.2e12,"loss":2.11}}
        """;

    /// <summary>pandas to_json(orient="table").</summary>
    public const string JsonTable = """
        {"schema":{"fields":[{"name":"index","type":"integer"},{"name":"run","type":"string"}],"primaryKey":["index"],"pandas_version":"1.4.0"},
         "data":[{"run":"r1","family":"pythia","N":70000000,"D":3e11,"loss":3.34},{"run":"r2","family":"pythia","N":160000000,"D":3e11,"loss":3.05},
                 {"run":"r3","family":"pythia","N":410000000,"D":3e11,"loss":2.79},{"run":"r4","family":"qwen","N":500000000,"D":2.2e12,"loss":2.61},
                 {"run":"r5","family":"qwen","N":1500000000,"D":2.2e12,"loss":2.37},{"run":"r6","family":"qwen","N":7000000000,"D":2.2e12,"loss":2.11}]}
        """;

    /// <summary>One nested record per run, as a W&amp;B or Hugging Face run folder holds them.</summary>
    public static string NestedRecord(int i)
    {
        string R(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return "{\"run\": \"" + Runs[i] + "\", \"config\": {\"family\": \"" + Families[i] + "\", \"model\": {\"params\": " + R(N[i]) + "}},\n" +
               " \"data\": {\"tokens\": " + R(D[i]) + "}, \"results\": [{\"loss\": 9.9}, {\"loss\": " + R(Loss[i]) + "}]}\n";
    }

    public static string ParquetPath => Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "small.parquet");

    public static byte[] Gzip(byte[] data)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest)) gzip.Write(data);
        return memory.ToArray();
    }

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Asserts a run set holds the table: values, the text columns and their order.</summary>
    public static void AssertIsTheTable(RunSet runs, string? family = "family", string? run = "run")
    {
        Assert.Equal(6, runs.Count);
        Assert.Equal(N, runs.Values(Quantity.ParameterCount).ToArray());
        Assert.Equal(D, runs.Values(Quantity.TrainingTokens).ToArray());
        Assert.Equal(Loss, runs.Values(Quantity.Loss).ToArray());
        for (int i = 0; i < 6; i++)
        {
            if (run is not null) Assert.Equal(Runs[i], runs.Text(run, i));
            if (family is not null) Assert.Equal(Families[i], runs.Text(family, i));
        }
    }
}

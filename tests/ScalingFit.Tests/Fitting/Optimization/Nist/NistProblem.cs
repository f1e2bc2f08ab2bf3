using System.Globalization;

namespace ScalingFit.Tests.Fitting.Optimization.Nist;

/// <summary>Level of difficulty NIST assigns to a nonlinear regression problem.</summary>
public enum NistDifficulty
{
    /// <summary>Lower level of difficulty.</summary>
    Lower,

    /// <summary>Average level of difficulty.</summary>
    Average,

    /// <summary>Higher level of difficulty.</summary>
    Higher,
}

/// <summary>
/// One NIST StRD nonlinear least-squares problem (https://www.itl.nist.gov/div898/strd/nls/nls_main.shtml):
/// data, model, the two published starting points and the certified parameters and residual sum
/// of squares (11 significant digits). Loaded from the embedded text files under Nist/Data, each
/// of which names the public copy it was transcribed from.
/// </summary>
public sealed record NistProblem(
    string Name,
    NistDifficulty Difficulty,
    NistModel Model,
    double[] Start1,
    double[] Start2,
    double[] Certified,
    double CertifiedResidualSumOfSquares,
    double[][] Predictors,
    double[] Responses)
{
    /// <summary>Digits NIST certifies; a log relative error is capped here.</summary>
    public const double CertifiedDigits = 11;

    /// <summary>The problems covered, with NIST's difficulty levels (nls_main.shtml), in NIST's order.</summary>
    public static IReadOnlyList<(string Name, NistDifficulty Difficulty)> All { get; } =
    [
        ("Misra1a", NistDifficulty.Lower), ("Chwirut2", NistDifficulty.Lower),
        ("Lanczos3", NistDifficulty.Lower), ("Gauss1", NistDifficulty.Lower),
        ("DanWood", NistDifficulty.Lower), ("Misra1b", NistDifficulty.Lower),
        ("Kirby2", NistDifficulty.Average), ("Hahn1", NistDifficulty.Average),
        ("Nelson", NistDifficulty.Average), ("Misra1c", NistDifficulty.Average),
        ("Misra1d", NistDifficulty.Average),
        ("MGH09", NistDifficulty.Higher), ("Thurber", NistDifficulty.Higher),
        ("BoxBOD", NistDifficulty.Higher), ("Rat42", NistDifficulty.Higher),
        ("MGH10", NistDifficulty.Higher), ("Eckerle4", NistDifficulty.Higher),
        ("Rat43", NistDifficulty.Higher), ("Bennett5", NistDifficulty.Higher),
    ];

    private static readonly Dictionary<string, NistProblem> Cache = new();

    /// <summary>The number of observations.</summary>
    public int Observations => Responses.Length;

    /// <summary>The published starting point 1 (far) or 2 (near).</summary>
    public double[] Start(int start) => start switch
    {
        1 => Start1,
        2 => Start2,
        _ => throw new ArgumentOutOfRangeException(nameof(start), start, "NIST publishes starts 1 and 2."),
    };

    /// <summary>The named problem, parsed once from its embedded resource.</summary>
    public static NistProblem Load(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var problem))
            {
                var difficulty = All.Single(p => p.Name == name).Difficulty;
                using var stream = typeof(NistProblem).Assembly.GetManifestResourceStream($"Nist.{name}.txt")
                    ?? throw new InvalidOperationException($"Embedded resource Nist.{name}.txt is missing.");
                using var reader = new StreamReader(stream);
                problem = Parse(name, difficulty, reader.ReadToEnd());
                Cache[name] = problem;
            }
            return problem;
        }
    }

    /// <summary>
    /// Parses the data format: '#' comments, 'key: values' lines (start1, start2, certified, rss,
    /// observations, model), then either column blocks ('x:' and 'y:' each followed by their values)
    /// or a row block ('data: y x1 x2' followed by one observation a line).
    /// </summary>
    internal static NistProblem Parse(string name, NistDifficulty difficulty, string text)
    {
        var model = NistModel.ForProblem(name);
        var keys = new Dictionary<string, string>();
        var columns = new Dictionary<string, List<double>>();
        string[]? rowNames = null;
        string? column = null;
        foreach (var raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && char.IsLetter(line[0]))
            {
                string key = line[..colon], value = line[(colon + 1)..].Trim();
                if (key == "data")
                {
                    rowNames = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    foreach (var n in rowNames) columns[n] = [];
                    column = null;
                }
                else if (value.Length == 0)
                {
                    column = key;
                    columns[key] = [];
                    rowNames = null;
                }
                else
                {
                    keys[key] = value;
                }
                continue;
            }
            var numbers = Numbers(line);
            if (rowNames is not null)
            {
                if (numbers.Length != rowNames.Length) throw new FormatException($"{name}: row '{line}' has {numbers.Length} values, expected {rowNames.Length}.");
                for (int i = 0; i < rowNames.Length; i++) columns[rowNames[i]].Add(numbers[i]);
            }
            else if (column is not null)
            {
                columns[column].AddRange(numbers);
            }
            else
            {
                throw new FormatException($"{name}: data line '{line}' outside a block.");
            }
        }

        var y = columns["y"];
        string[] predictorNames = model.PredictorCount == 1 ? ["x"] : [.. Enumerable.Range(1, model.PredictorCount).Select(i => $"x{i}")];
        var predictors = new double[y.Count][];
        for (int i = 0; i < y.Count; i++)
            predictors[i] = [.. predictorNames.Select(p => columns[p][i])];
        int declared = int.Parse(keys["observations"], CultureInfo.InvariantCulture);
        if (declared != y.Count || predictorNames.Any(p => columns[p].Count != declared))
            throw new FormatException($"{name}: {declared} observations declared, {y.Count} responses read.");

        return new NistProblem(
            name, difficulty, model,
            Numbers(keys["start1"]), Numbers(keys["start2"]), Numbers(keys["certified"]),
            double.Parse(keys["rss"], CultureInfo.InvariantCulture),
            predictors, [.. y.Select(model.Response)]);
    }

    private static double[] Numbers(string text) =>
        [.. text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture))];
}

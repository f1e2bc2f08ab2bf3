using System.Globalization;

namespace ScalingFit.Architecture;

/// <summary>
/// Well-known transformer shapes with their published parameter counts, shipped in the library
/// (data/architectures.csv): the GPT-3 family (Brown et al. 2020, Table 2.1), GPT-2 (Radford et
/// al. 2019; counts as renamed in the openai/gpt-2 repository) and Pythia (Biderman et al. 2023, Table 1).
/// </summary>
public static class KnownModels
{
    /// <summary>The name under which the catalog appears in messages.</summary>
    public const string CatalogName = "architectures.csv (built in)";

    private static readonly Lazy<IReadOnlyList<KnownModel>> Catalog = new(Load);

    /// <summary>Every model of the catalog, in file order.</summary>
    public static IReadOnlyList<KnownModel> All => Catalog.Value;

    /// <summary>The model with this name (case-insensitive), e.g. gpt3-175b.</summary>
    /// <exception cref="OptionException">No model has that name; the message lists the names.</exception>
    public static KnownModel Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new OptionException(
            $"'{name}' is not a known model; the known models are {string.Join(", ", All.Select(m => m.Name))} (--model list shows them).");

    /// <summary>The catalog as CSV, as embedded in the assembly.</summary>
    public static Stream OpenCatalog() =>
        typeof(KnownModels).Assembly.GetManifestResourceStream("ScalingFit.Data.architectures.csv")
        ?? throw new InvalidOperationException("the built-in architectures.csv resource is missing from the assembly");

    private static IReadOnlyList<KnownModel> Load()
    {
        using var reader = new StreamReader(OpenCatalog());
        var header = (reader.ReadLine() ?? "").Split(',');
        var models = new List<KnownModel>();
        int line = 1;
        for (string? text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            line++;
            if (text.Trim().Length == 0) continue;
            var cells = text.Split(',');
            if (cells.Length != header.Length)
                throw new InvalidOperationException($"{CatalogName}, line {line}: {cells.Length} fields, expected {header.Length}");
            string Cell(string column) => cells[Array.IndexOf(header, column)].Trim();
            long Number(string column) => long.Parse(Cell(column), NumberStyles.None, CultureInfo.InvariantCulture);
            models.Add(new KnownModel
            {
                Name = Cell("name"),
                Family = Cell("family"),
                LayerCount = Number("n_layer"),
                ModelWidth = Number("d_model"),
                AttentionHeads = Number("n_heads"),
                HeadDimension = Number("d_head"),
                FeedForwardWidth = Number("d_ff"),
                VocabularySize = Number("n_vocab"),
                ContextLength = Number("n_ctx"),
                PublishedParameters = Number("published_params"),
                PublishedNonEmbedding = Cell("published_non_embedding") is { Length: > 0 } ? Number("published_non_embedding") : null,
                Reference = Cell("source"),
            });
        }
        return models;
    }
}

/// <summary>A well-known model's shape and published parameter count.</summary>
public sealed record KnownModel
{
    /// <summary>The name used with --model, e.g. gpt3-175b.</summary>
    public required string Name { get; init; }

    /// <summary>The family: a config family (gpt2, gpt_neox) whose rules give an exact count, or gpt3.</summary>
    public required string Family { get; init; }

    /// <summary>n_layer.</summary>
    public required long LayerCount { get; init; }

    /// <summary>d_model.</summary>
    public required long ModelWidth { get; init; }

    /// <summary>Attention heads, as published.</summary>
    public required long AttentionHeads { get; init; }

    /// <summary>Head size, as published.</summary>
    public required long HeadDimension { get; init; }

    /// <summary>d_ff.</summary>
    public required long FeedForwardWidth { get; init; }

    /// <summary>Vocabulary size.</summary>
    public required long VocabularySize { get; init; }

    /// <summary>Context length.</summary>
    public required long ContextLength { get; init; }

    /// <summary>The parameter count the source publishes (rounded where the source rounds).</summary>
    public required long PublishedParameters { get; init; }

    /// <summary>The published non-embedding count, when the source gives one.</summary>
    public long? PublishedNonEmbedding { get; init; }

    /// <summary>Where the figures come from.</summary>
    public required string Reference { get; init; }

    /// <summary>
    /// The shape for Kaplan's formulas with d_attn = d_model. (GPT-3 XL and 13B publish
    /// n_heads·d_head ≠ d_model; their published counts match d_attn = d_model.)
    /// </summary>
    public KaplanShape Shape => KaplanShape.Of(ModelWidth, LayerCount, ModelWidth, FeedForwardWidth, VocabularySize, ContextLength);

    /// <summary>Whether the family is one whose configuration rules ScalingFit knows, so an exact count is possible.</summary>
    public bool HasExactCount => ModelFamilies.IsKnown(Family);

    /// <summary>The exact architecture under the family's rules, or null when the family has none (GPT-3).</summary>
    public TransformerShape? ExactShape()
    {
        if (!HasExactCount) return null;
        Setting<long> Value(long value, string column) => new(value, SettingOrigin.Key(KnownModels.CatalogName, $"{Name}: {column}"));
        return (ModelFamilies.Preset(Family) with
        {
            ModelWidth = Value(ModelWidth, "d_model"),
            LayerCount = Value(LayerCount, "n_layer"),
            AttentionHeads = Value(AttentionHeads, "n_heads"),
            HeadDimension = Value(HeadDimension, "d_head"),
            FeedForwardWidth = Value(FeedForwardWidth, "d_ff"),
            VocabularySize = Value(VocabularySize, "n_vocab"),
            ContextLength = Value(ContextLength, "n_ctx"),
        }).Build();
    }
}

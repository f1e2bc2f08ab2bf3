using System.Globalization;

namespace ScalingFit.Architecture;

/// <summary>
/// The short way in: count a config.json exactly and set it beside the Kaplan estimate, or
/// estimate a shape. <see cref="ModelConfig"/>, <see cref="ParameterCounter"/> and
/// <see cref="Kaplan"/> give control over each step.
/// </summary>
public static class Architectures
{
    /// <summary>Reads a config.json and analyses it.</summary>
    /// <inheritdoc cref="ModelConfig.Read(Stream, string, string?, ArchitectureSpec?)"/>
    /// <param name="json">The config.json content.</param>
    /// <param name="source">The name used for the input in messages, e.g. the file's path.</param>
    /// <param name="family">A family whose rules to use instead of the file's model_type.</param>
    /// <param name="overrides">Values given by options, which win over the file's.</param>
    /// <param name="trainingTokens">Training tokens D for the training compute, or null.</param>
    /// <param name="contextLength">The training context length for FLOP per token; null to use the configuration's maximum.</param>
    public static ArchitectureAnalysis FromConfig(
        Stream json, string source, string? family = null, ArchitectureSpec? overrides = null, double? trainingTokens = null, long? contextLength = null)
    {
        var read = ModelConfig.ReadConfiguration(json, source, family, overrides ?? new ArchitectureSpec());
        var defaults = read.Spec.DefaultsTaken
            .Select(d => new TakenDefault(d.Origin.Absent!, d.Origin.Name, ValueText(d.Value)))
            .Concat(read.Assumed)
            .DistinctBy(d => d.Key)
            .ToList();
        ArchitectureAnalysis counted;
        try
        {
            counted = Analyze(read.Spec.Build(), trainingTokens, contextLength);
        }
        catch (CountOverflowException e)
        {
            throw new ArchitectureException($"the sizes it gives are too large to count: {e.Message}", source);
        }
        var analysis = counted with
        {
            Source = source,
            ModelType = read.Spec.ModelType,
            Defaults = defaults,
            Section = read.Section,
            LeftOut = read.LeftOut,
        };
        return analysis with { Notes = ArchitectureNotes.For(analysis) };
    }

    /// <summary>Counts a shape exactly and compares it with Kaplan's formulas.</summary>
    /// <param name="shape">The architecture.</param>
    /// <param name="trainingTokens">Training tokens D for the training compute, or null.</param>
    /// <param name="contextLength">The context length for FLOP per token; null to use the shape's own (its configuration's maximum).</param>
    /// <exception cref="OptionException">A count does not fit in 64 bits, D or the context length is not positive.</exception>
    public static ArchitectureAnalysis Analyze(TransformerShape shape, double? trainingTokens = null, long? contextLength = null)
    {
        if (trainingTokens is { } tokens) Guard.Positive(tokens, "the number of training tokens");
        if (contextLength is { } given) Guard.Positive(given, "the context length");
        var parameters = ParameterCounter.Count(shape);
        long? context = contextLength ?? shape.ContextLength;
        bool transformer = shape.StateSpace is null;
        return Kaplan.Checked($"d_model {shape.ModelWidth}, n_layer {shape.LayerCount}", () =>
        {
            long n = parameters.ActiveNonEmbedding;
            var analysis = new ArchitectureAnalysis
            {
                Shape = shape,
                Parameters = parameters,
                PredictionModules = ParameterCounter.CountPredictionModules(shape),
                KaplanEstimate = transformer
                    ? Kaplan.NonEmbeddingParameters(shape.ModelWidth, shape.LayerCount, shape.AttentionWidth, shape.KaplanFeedForwardWidth)
                    : null,
                SimplifiedEstimate = transformer ? Kaplan.SimplifiedParameters(shape.ModelWidth, shape.LayerCount) : null,
                ContextLength = context,
                ContextIsConfigurationMaximum = contextLength is null && context is not null,
                ForwardFlopsPerToken = Kaplan.ForwardFlopsPerToken(n, shape.LayerCount, transformer ? context ?? 0 : 0, shape.AttentionWidth),
                TrainingFlopsPerToken = checked(Kaplan.TrainingFlopsPerParameterToken * n),
                Hoffmann = context is { } t ? HoffmannFlops.Count(shape, t) : null,
                TrainingTokens = trainingTokens,
                TrainingCompute = trainingTokens * Kaplan.TrainingFlopsPerParameterToken * n,
                Notes = [],
            };
            return analysis with { Notes = ArchitectureNotes.For(analysis) };
        });
    }

    private static string ValueText(object value) => value switch
    {
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

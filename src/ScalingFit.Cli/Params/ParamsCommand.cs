using System.CommandLine;
using ScalingFit.Architecture;
using ScalingFit.Cli.Common;
using ScalingFit.Reporting;
using ScalingFit.Reporting.Json;
using ScalingFit.Cli.Help;

namespace ScalingFit.Cli.Params;

/// <summary>
/// scalingfit params: the Kaplan et al. 2020 estimate from a shape (with what-if scaling and a
/// ladder), exact counts from a config.json or a hand description, and well-known models.
/// </summary>
internal static class ParamsCommand
{
    public static Command Create(CliContext context)
    {
        var shape = new ShapeOptions();
        var architecture = new ArchitectureOptions();
        var output = new OutputOptions();
        var config = new Option<string?>("--config")
        {
            Description = $"A Hugging Face style config.json to count exactly; model_type one of {string.Join(", ", ModelFamilies.Names)} " +
                          "(others with --family or a hand description). - reads standard input.",
        };
        var model = new Option<string?>("--model") { Description = "A well-known model from the built-in catalog (gpt3-175b, gpt2-small, pythia-70m, …); 'list' lists them." };
        var safetensors = new Option<string?>("--safetensors")
        {
            Description = "Count a checkpoint's tensors from its safetensors headers (never the weights): a .safetensors file, " +
                          "a model.safetensors.index.json or a folder of shards; with --config, the difference per group.",
        };
        var command = new Command("params",
            "Parameter and compute counts: the Kaplan et al. 2020 estimate from d_model and n_layer, what-if scaling, " +
            "exact counts from a config.json, and well-known models.");
        command.WithExamples(
            new("scalingfit params --d-model 768 --n-layer 12", "Kaplan et al.'s N = 12·L·d² for GPT-2 small's shape"),
            new("scalingfit params --d-model 512 --n-layer 6 --scale-d 1.5 --scale-layers 2", "what wider and deeper does to N"),
            new("scalingfit params --model gpt3-175b --tokens 3e11", "a built-in shape and its training compute (--model list lists them)"));
        command.Add(config);
        command.Add(model);
        command.Add(safetensors);
        foreach (var option in shape.All.Concat(architecture.All)) command.Add(option);
        output.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            string? configPath = parse.GetValue(config), modelName = parse.GetValue(model), checkpoint = parse.GetValue(safetensors);
            if (configPath is not null && modelName is not null)
                throw new OptionException("--config and --model are two sources for the architecture; give one.");
            if (checkpoint is not null)
                ParamsCheckpoint.Run(parse, context, output, shape, architecture, checkpoint, configPath, modelName);
            else if (modelName is not null)
                Known(parse, context, output, shape, architecture, modelName);
            else if (configPath is not null)
                Config(parse, context, output, shape, architecture, configPath);
            else if (!shape.GivesShape(parse))
                throw new OptionException(
                    "give a shape (--d-model and --n-layer), a config.json (--config FILE) or a known model (--model NAME; --model list lists them).");
            else if (architecture.AnyGiven(parse))
                Hand(parse, context, output, shape, architecture);
            else
                Estimate(parse, context, output, shape);
        }));
        return command;
    }

    /// <summary>Whether an option was given on the command line (not just defaulted).</summary>
    internal static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static void Estimate(ParseResult parse, CliContext context, OutputOptions output, ShapeOptions shape)
    {
        var kaplan = shape.Shape(parse);
        var estimate = Kaplan.Estimate(kaplan, shape.TrainingTokens(parse));
        var scaling = shape.Scaling(parse, kaplan);
        var ladder = shape.LadderOf(parse, kaplan);
        output.Write(parse, context,
            () => Document.Concat(EstimateReport.Build(estimate), Optional(scaling, EstimateReport.Scaling), Optional(ladder, EstimateReport.Ladder)),
            () => JsonOutput.Estimate(estimate, scaling, ladder));
    }

    private static void Known(ParseResult parse, CliContext context, OutputOptions output, ShapeOptions shape, ArchitectureOptions architecture, string name)
    {
        bool list = string.Equals(name.Trim(), "list", StringComparison.OrdinalIgnoreCase);
        Reject(parse, shape.All.Where(o => list || !IsAny(o, shape.Tokens, shape.ScaleD, shape.ScaleLayers, shape.Ladder)).Concat(architecture.All),
            list ? "to --model list" : "to --model, which gives the shape");
        if (list)
        {
            output.Write(parse, context, () => EstimateReport.Models(KnownModels.All), () => JsonOutput.Models(KnownModels.All));
            return;
        }
        var m = KnownModels.Find(name);
        double? tokens = shape.TrainingTokens(parse);
        var estimate = Kaplan.Estimate(m.Shape, tokens);
        var exact = m.ExactShape() is { } exactShape ? Architectures.Analyze(exactShape, tokens, m.ContextLength) with { Source = KnownModels.CatalogName } : null;
        var scaling = shape.Scaling(parse, m.Shape);
        var ladder = shape.LadderOf(parse, m.Shape);
        output.Write(parse, context,
            () => Document.Concat(EstimateReport.Known(m, estimate, exact), Optional(scaling, EstimateReport.Scaling), Optional(ladder, EstimateReport.Ladder)),
            () => JsonOutput.Estimate(estimate, scaling, ladder, m, exact));
    }

    private static void Config(ParseResult parse, CliContext context, OutputOptions output, ShapeOptions shape, ArchitectureOptions architecture, string path)
    {
        var analysis = ReadConfig(parse, shape, architecture, path);
        output.Write(parse, context, () => ArchitectureReport.Build(analysis), () => JsonOutput.Architecture(analysis));
    }

    /// <summary>
    /// Counts a config.json with the options applied; --n-ctx is the training context the FLOP are
    /// counted at, not the configuration's maximum (which sizes a learned position table).
    /// </summary>
    internal static ArchitectureAnalysis ReadConfig(ParseResult parse, ShapeOptions shape, ArchitectureOptions architecture, string path)
    {
        RejectEstimateOnly(parse, shape, "to --config");
        var overrides = architecture.Overrides(parse, shape) with { ContextLength = null };
        string? family = parse.GetValue(architecture.Family);
        double? tokens = shape.TrainingTokens(parse);
        long? context = parse.GetValue(shape.NCtx);
        if (path == "-")
        {
            using var stdin = System.Console.OpenStandardInput();
            return Architectures.FromConfig(stdin, "<stdin>", family, overrides, tokens, context);
        }
        using var stream = OpenFile(path);
        return Architectures.FromConfig(stream, path, family, overrides, tokens, context);
    }

    private static void Hand(ParseResult parse, CliContext context, OutputOptions output, ShapeOptions shape, ArchitectureOptions architecture)
    {
        RejectEstimateOnly(parse, shape, "to an architecture described by hand, which is counted exactly");
        string family = parse.GetValue(architecture.Family) ?? ModelFamilies.Custom;
        var spec = ModelFamilies.Preset(family).Overlay(architecture.Overrides(parse, shape));
        var analysis = Architectures.Analyze(spec.Build(), shape.TrainingTokens(parse), parse.GetValue(shape.NCtx));
        output.Write(parse, context, () => ArchitectureReport.Build(analysis), () => JsonOutput.Architecture(analysis));
    }

    private static void RejectEstimateOnly(ParseResult parse, ShapeOptions shape, string what)
    {
        Reject(parse, [shape.DAttn], $"{what}: the attention width is --n-heads × --head-dim");
        Reject(parse, [shape.ScaleD, shape.ScaleLayers, shape.Ladder],
            $"{what}: what-if scaling works on a Kaplan shape (--d-model and --n-layer without architecture options, or --model)");
    }

    internal static void Reject(ParseResult parse, IEnumerable<Option> options, string why)
    {
        var given = options.Where(o => Given(parse, o)).Select(o => o.Name).ToList();
        if (given.Count > 0)
            throw new OptionException($"{string.Join(", ", given)} {(given.Count == 1 ? "does" : "do")} not apply {why}.");
    }

    private static bool IsAny(Option option, params Option[] options) => options.Contains(option);

    private static Document Optional<T>(T? value, Func<T, Document> report) where T : class =>
        value is null ? new Document([]) : report(value);

    private static FileStream OpenFile(string path)
    {
        if (Directory.Exists(path))
            throw new CliFileException(path, new IOException("it is a folder; give the config.json inside it"));
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFileException(path, e);
        }
    }
}

using System.CommandLine;
using ScalingFit.Architecture;
using ScalingFit.Cli.Common;
using ScalingFit.Reporting;
using ScalingFit.Reporting.Json;

namespace ScalingFit.Cli.Params;

/// <summary>params --safetensors: a checkpoint counted from its headers, beside a config.json when one is given.</summary>
internal static class ParamsCheckpoint
{
    public static void Run(ParseResult parse, CliContext context, OutputOptions output, ShapeOptions shape, ArchitectureOptions architecture,
        string path, string? configPath, string? modelName)
    {
        if (modelName is not null)
            throw new OptionException("--safetensors and --model are two sources for the architecture; compare a checkpoint with its --config.");
        if (configPath is null)
            ParamsCommand.Reject(parse, shape.All.Concat(architecture.All),
                "to --safetensors alone, which counts the tensors as stored; give --config to compare with a configuration");
        var config = configPath is null ? null : ParamsCommand.ReadConfig(parse, shape, architecture, configPath);
        var checkpoint = Checkpoint.Read(path, config?.Shape.LayerCount);
        output.Write(parse, context,
            () => ArchitectureCheckpointReport.Build(checkpoint, config),
            () => JsonOutput.Checkpoint(checkpoint, config));
    }
}

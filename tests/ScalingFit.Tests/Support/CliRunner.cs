using System.Text.Json;
using ScalingFit.Cli;

namespace ScalingFit.Tests.Support;

/// <summary>Runs the scalingfit command line in-process and captures what it writes.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, new CliContext(output, error));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public JsonElement Json => JsonDocument.Parse(Out).RootElement;
}

/// <summary>A temporary file deleted on dispose.</summary>
public sealed class TempFile : IDisposable
{
    public TempFile(string content, string extension = ".csv")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"scalingfit-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}

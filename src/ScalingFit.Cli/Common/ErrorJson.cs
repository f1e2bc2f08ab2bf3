using ScalingFit.Architecture;
using ScalingFit.Cli.Plot;
using ScalingFit.Data;
using ScalingFit.Reporting.Json;

namespace ScalingFit.Cli.Common;

/// <summary>
/// The error object every command prints on standard output under --json when it fails:
/// {"error": {"message", "file", "line", "column", "position", "key", "exitCode"}}. The message is
/// the one standard error shows; the location fields are null when the error has none. Standard
/// error and the exit code are the same with or without --json.
/// </summary>
internal static class ErrorJson
{
    /// <summary>Whether a command line asks for JSON (a --json before any "--").</summary>
    public static bool Requested(IEnumerable<string> args) => args.TakeWhile(a => a != "--").Contains("--json");

    /// <summary>The error object for a library or file error, with the message standard error shows.</summary>
    public static string For(Exception e, string message, int exitCode) => JsonOutput.Error(Locate(e, message, exitCode));

    /// <summary>The error object for a command line that does not parse.</summary>
    public static string ForUsage(string message, int exitCode) =>
        JsonOutput.Error(new Reporting.Json.ErrorJson(message, null, null, null, null, null, exitCode));

    /// <summary>Where the error is, from the typed exceptions that carry a location.</summary>
    private static Reporting.Json.ErrorJson Locate(Exception e, string message, int exitCode) => e switch
    {
        DataException d => new(message, d.Source, d.Line, d.Column, null, null, exitCode),
        ArchitectureException a => new(message, a.Source, a.Line, null, a.Position, a.Key, exitCode),
        CheckpointException c => new(message, c.File, null, null, null, c.Tensor, exitCode),
        CliFileException f => new(message, f.Path, null, null, null, null, exitCode),
        CliWriteException f => new(message, f.Path, null, null, null, null, exitCode),
        _ => new(message, null, null, null, null, null, exitCode),
    };
}

using System.Text.Json;
using ScalingFit.Architecture;
using ScalingFit.Cli.Plot;
using ScalingFit.Data;
using ScalingFit.Reporting;

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
    public static string For(Exception e, string message, int exitCode) => Write(message, Locate(e), exitCode);

    /// <summary>The error object for a command line that does not parse.</summary>
    public static string ForUsage(string message, int exitCode) => Write(message, default, exitCode);

    private static string Write(string message, Location at, int exitCode) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteString("message", message);
        Text(w, "file", at.File);
        Number(w, "line", at.Line);
        Text(w, "column", at.Column);
        Number(w, "position", at.Position);
        Text(w, "key", at.Key);
        w.WriteNumber("exitCode", exitCode);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>Where the error is, from the typed exceptions that carry a location.</summary>
    private static Location Locate(Exception e) => e switch
    {
        DataException d => new(d.Source, d.Line, d.Column, null, null),
        ArchitectureException a => new(a.Source, a.Line, null, a.Position, a.Key),
        CheckpointException c => new(c.File, null, null, null, c.Tensor),
        CliFileException f => new(f.Path, null, null, null, null),
        CliWriteException f => new(f.Path, null, null, null, null),
        _ => default,
    };

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private readonly record struct Location(string? File, long? Line, string? Column, long? Position, string? Key);
}

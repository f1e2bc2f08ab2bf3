using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ScalingFit.Tests.Support;

/// <summary>
/// Runs the scalingfit program as shipped (the built scalingfit.dll with its runtimeconfig, invariant
/// globalization included) in a pseudo-terminal of a given width, through util-linux's script(1),
/// or with its output piped; returns what a person would read.
/// </summary>
public static partial class Terminal
{
    /// <summary>Whether script(1) is here to make a pseudo-terminal.</summary>
    public static bool Available => File.Exists("/usr/bin/script") && OperatingSystem.IsLinux();

    /// <summary>The program in a terminal <paramref name="columns"/> wide: stdout and stderr as the terminal shows them, escapes kept.</summary>
    public static (int Code, string Raw) InTerminal(int columns, params string[] args)
    {
        string command = $"stty cols {columns} rows 50 && exec {Quote(Dotnet)} {Quote(Program)} {string.Join(' ', args.Select(Quote))}";
        var (code, output, error) = Run("/usr/bin/script", ["-qec", command, "/dev/null"]);
        return (code, output + error);
    }

    /// <summary>The program with stdout and stderr piped: exit code, stdout, stderr.</summary>
    public static (int Code, string Out, string Error) Piped(params string[] args) => Run(Dotnet, [Program, .. args]);

    /// <summary>The program with stdout and stderr piped, run in <paramref name="folder"/>: exit code, stdout, stderr.</summary>
    public static (int Code, string Out, string Error) PipedIn(string folder, params string[] args) => Run(Dotnet, [Program, .. args], folder);

    /// <summary>Text as a terminal shows it: escape sequences removed, carriage returns of line ends dropped.</summary>
    public static string Plain(string raw) => Escape().Replace(raw, "").Replace("\r\n", "\n");

    /// <summary>The path of the shipped program beside the tests.</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, "scalingfit.dll");

    private static string Dotnet =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static (int Code, string Output, string Error) Run(string file, string[] arguments, string? folder = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = folder ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["TERM"] = "xterm-256color";
        start.Environment.Remove("NO_COLOR");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in 180 s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    [GeneratedRegex(@"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|[=>()][0-9A-Za-z]?)")]
    private static partial Regex Escape();
}

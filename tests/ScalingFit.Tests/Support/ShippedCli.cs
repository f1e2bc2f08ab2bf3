using System.Diagnostics;

namespace ScalingFit.Tests.Support;

/// <summary>
/// Runs the scalingfit command as shipped: the CLI project's own build output (scalingfit.dll) with
/// its own runtime configuration (InvariantGlobalization=true), in a separate process, so culture
/// lookups and unhandled exceptions show as they would for a user.
/// </summary>
public static class ShippedCli
{
    public static string Directory { get; } = Locate();

    public static string Dll => Path.Combine(Directory, "scalingfit.dll");

    public static string RuntimeConfig => Path.Combine(Directory, "scalingfit.runtimeconfig.json");

    public static CliRun Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        // A user with a German locale: the shipped tool must not care.
        start.Environment["LANG"] = "de_DE.UTF-8";
        start.Environment["LC_ALL"] = "de_DE.UTF-8";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scalingfit {string.Join(' ', args)} did not finish in 120 s");
        }
        return new CliRun(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>src/ScalingFit.Cli/bin/&lt;configuration&gt;/net10.0 of the build these tests run in.</summary>
    private static string Locate()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        string framework = here.Name, configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ScalingFit.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("cannot find ScalingFit.sln above " + AppContext.BaseDirectory);
        return Path.Combine(root.FullName, "src", "ScalingFit.Cli", "bin", configuration, framework);
    }
}

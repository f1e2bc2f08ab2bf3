using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ScalingFit.Tests.Support;

/// <summary>
/// What headless Chromium (Debian's chromium package) makes of a local page: the DOM after loading,
/// the console messages, the files it read and the network requests it made, from its verbose log.
/// </summary>
public sealed partial record ChromiumLoad(int ExitCode, string Dom, IReadOnlyList<string> Console, IReadOnlyList<string> Files, IReadOnlyList<string> Requests)
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>Why the browser checks cannot run here, or null when they can.</summary>
    public static string? Unavailable => File.Exists(Path)
        ? null
        : $"Debian's chromium is not installed ({Path}); .ci/run installs it with apt-get where it can (apt-get install -y chromium).";

    /// <summary>Requests the page made: those to hosts other than Chromium's own background services (Google's update and account servers).</summary>
    public IEnumerable<string> PageRequests => Requests.Where(r => !OwnService().IsMatch(r));

    /// <summary>Loads the page headless, with a fresh profile, and returns what happened.</summary>
    public static ChromiumLoad Of(string page)
    {
        string profile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"scalingfit-chromium-{Guid.NewGuid():N}");
        try
        {
            var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=1",
                         "--dump-dom", new Uri(System.IO.Path.GetFullPath(page)).AbsoluteUri,
                     })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Path}");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish in 120 s");
            }
            string log = error.Result;
            return new ChromiumLoad(process.ExitCode, output.Result,
                ConsoleLine().Matches(log).Select(m => m.Value).ToList(),
                FileLoad().Matches(log).Select(m => m.Groups[1].Value).ToList(),
                Request().Matches(log).Select(m => m.Groups[1].Value).ToList());
        }
        finally
        {
            if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
        }
    }

    [GeneratedRegex(@":CONSOLE[^\]]*\].*")]
    private static partial Regex ConsoleLine();

    [GeneratedRegex(@"FileURLLoader::Start: (\S+)")]
    private static partial Regex FileLoad();

    [GeneratedRegex(@"NotifyBeforeURLRequest: (\S+)")]
    private static partial Regex Request();

    [GeneratedRegex(@"^https?://([a-z0-9-]+\.)*(google\.com|googleapis\.com|gvt1\.com)[/:]")]
    private static partial Regex OwnService();
}

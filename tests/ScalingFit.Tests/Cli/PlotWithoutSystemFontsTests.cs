using System.Diagnostics;
using System.Xml.Linq;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// The claim that figures have their text on a machine without fonts, tested on this machine: the
/// scalingfit process runs in a private mount namespace with an empty tmpfs over /usr/share/fonts,
/// where SkiaSharp's Linux build looks for fonts (and finds none: ScottPlot alone draws no text).
/// </summary>
public class PlotWithoutSystemFontsTests
{
    private const string FontFolder = "/usr/share/fonts";

    [SkippableFact]
    public void Plot_WithSystemFontsHidden_FiguresStillHaveTextAndSkiaSaysNothing()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "hiding the system fonts needs Linux mount namespaces");
        string cli = Path.Combine(AppContext.BaseDirectory, "scalingfit.dll");
        using var folder = new TempFolder();
        string svg = folder.File("fit.svg"), png = folder.File("fit.png"), residuals = folder.File("residuals.svg"), whatif = folder.File("whatif.svg");
        string dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        string plots = string.Join(" && ",
            $"'{dotnet}' '{cli}' plot --extrapolate-to N=1e12 -o '{svg}'",
            $"'{dotnet}' '{cli}' plot --extrapolate-to N=1e12 -o '{png}'",
            $"'{dotnet}' '{cli}' plot --kind residuals -o '{residuals}'",
            $"'{dotnet}' '{cli}' plot --kind whatif -o '{whatif}'");
        // A machine whose font folder is already empty needs no namespace to be a bare machine.
        bool hasFonts = Directory.Exists(FontFolder) && Directory.EnumerateFiles(FontFolder, "*", SearchOption.AllDirectories).Any();
        string script = hasFonts
            ? $"mount -t tmpfs none {FontFolder} && test -z \"$(ls -A {FontFolder})\" && {plots}"
            : plots;
        var (code, output, error) = hasFonts ? Run("unshare", "-m", "sh", "-c", script) : Run("sh", "-c", script);
        Skip.If(hasFonts && code != 0 && (error.Contains("unshare", StringComparison.Ordinal) || error.Contains("mount", StringComparison.Ordinal)),
            $"cannot hide {FontFolder} here (needs root and mount namespaces): {error.Trim()}");

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Equal("", error);
        Assert.Contains(svg, output);
        foreach (var file in new[] { svg, residuals, whatif })
        {
            var texts = XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
            Assert.True(texts.Count >= 10, $"{texts.Count} text elements in {Path.GetFileName(file)}");
        }
        Assert.Contains("parameters N, log scale", File.ReadAllText(svg));
        Assert.True(DarkTitlePixels(File.ReadAllBytes(png)) > 300, "title text in the PNG");
    }

    /// <summary>Dark pixels in the top 45 rows of a PNG, where only the title and subtitle are drawn.</summary>
    private static int DarkTitlePixels(byte[] png)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        int count = 0;
        for (int y = 0; y < 45; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 480) count++;
            }
        return count;
    }

    private static (int Code, string Output, string Error) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in 120 s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}

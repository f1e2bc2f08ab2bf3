using Spectre.Console;

namespace ScalingFit.Cli;

/// <summary>Where a command writes: standard output and error, injected so tests can capture them.</summary>
public sealed class CliContext
{
    private IAnsiConsole? _console;

    /// <summary>Creates a context over two writers.</summary>
    /// <param name="output">Results (tables, JSON, paths written).</param>
    /// <param name="error">Messages, warnings and progress.</param>
    /// <param name="interactive">Whether a person watches a terminal (colours, live progress bars).</param>
    public CliContext(TextWriter output, TextWriter error, bool interactive = false)
    {
        Out = output;
        Error = error;
        Interactive = interactive;
    }

    /// <summary>A context for the real console.</summary>
    public static CliContext ForConsole() =>
        new(System.Console.Out, System.Console.Error, !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected);

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether a person watches a terminal.</summary>
    public bool Interactive { get; }

    /// <summary>Whether errors are also written to <see cref="Out"/> as a JSON object (the command line has --json).</summary>
    public bool JsonErrors { get; internal set; }

    /// <summary>A Spectre console over <see cref="Out"/>: plain text and wide lines when not interactive.</summary>
    public IAnsiConsole Console => _console ??= CreateConsole(Out);

    /// <summary>A Spectre console over <see cref="Error"/>, for progress displays.</summary>
    public IAnsiConsole ErrorConsole => CreateConsole(Error);

    private IAnsiConsole CreateConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!Interactive) console.Profile.Width = 200;
        return console;
    }
}

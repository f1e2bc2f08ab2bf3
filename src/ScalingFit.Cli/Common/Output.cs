using System.CommandLine;
using ScalingFit.Cli.Rendering;
using ScalingFit.Reporting;

namespace ScalingFit.Cli.Common;

/// <summary>--json and the two ways a result is shown: a document for people, JSON for scripts.</summary>
internal sealed class OutputOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object with stable names instead of tables." };

    public void AddTo(Command command) => command.Add(Json);

    /// <summary>Writes JSON or the rendered document, as asked.</summary>
    public void Write(ParseResult parse, CliContext context, Func<Document> document, Func<string> json)
    {
        if (parse.GetValue(Json)) context.Out.WriteLine(json());
        else SpectreRenderer.Write(context.Console, document());
    }
}

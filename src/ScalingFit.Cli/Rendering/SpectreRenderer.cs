using ScalingFit.Reporting;
using Spectre.Console;
using SpectreTable = Spectre.Console.Table;
using ReportTable = ScalingFit.Reporting.Table;
using Paragraph = ScalingFit.Reporting.Paragraph;

namespace ScalingFit.Cli.Rendering;

/// <summary>Renders a report <see cref="Document"/> on a Spectre console: rules, grids and tables.</summary>
public static class SpectreRenderer
{
    /// <summary>Writes the document to the console.</summary>
    public static void Write(IAnsiConsole console, Document document)
    {
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    console.MarkupLine(h.Level == 1 ? $"[bold]{Markup.Escape(h.Text)}[/]" : $"[bold underline]{Markup.Escape(h.Text)}[/]");
                    break;
                case Paragraph p:
                    console.WriteLine(p.Text);
                    break;
                case KeyValues kv:
                    var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
                    foreach (var (key, value) in kv.Items) grid.AddRow(new Text(key, new Style(decoration: Decoration.Bold)), new Text(value));
                    console.Write(grid);
                    break;
                case Warnings w:
                    foreach (var item in w.Items) console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(item)}");
                    break;
                case ReportTable t:
                    console.Write(ToSpectre(t));
                    break;
                case ScalingFit.Reporting.Image image:
                    console.WriteLine($"figure: {image.Caption} ({image.FileName})");
                    break;
            }
            console.WriteLine();
        }
    }

    private static SpectreTable ToSpectre(ReportTable table)
    {
        var spectre = new SpectreTable().Border(TableBorder.Rounded);
        if (table.Title is not null) spectre.Title(Markup.Escape(table.Title));
        foreach (var column in table.Columns)
        {
            var c = new Spectre.Console.TableColumn(new Text(column.Header, new Style(decoration: Decoration.Bold)));
            spectre.AddColumn(column.AlignRight ? c.RightAligned() : c.LeftAligned());
        }
        foreach (var row in table.Rows) spectre.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)));
        return spectre;
    }
}

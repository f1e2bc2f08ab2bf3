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
                case Contents c:
                    console.MarkupLine("[bold]Contents[/]");
                    foreach (var (level, text, _) in Anchors.Entries(document, c)) console.WriteLine(new string(' ', 2 + 2 * level) + text);
                    break;
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
                    WriteTable(console, t);
                    break;
                case ScalingFit.Reporting.Image image:
                    console.WriteLine($"figure: {image.Caption} ({image.FileName})");
                    break;
            }
            console.WriteLine();
        }
    }

    /// <summary>
    /// Writes a table in the console's width without breaking a number: whole, in blocks of columns,
    /// or one record per row (<see cref="TableLayout"/>).
    /// </summary>
    private static void WriteTable(IAnsiConsole console, ReportTable table)
    {
        var layout = TableLayout.For(table, console.Profile.Width);
        if (layout.Vertical)
        {
            WriteRecords(console, table, layout);
            return;
        }
        for (int b = 0; b < layout.Blocks.Count; b++)
        {
            if (b > 0) console.WriteLine();
            string? title = table.Title is null ? null : b == 0 ? table.Title : $"{table.Title} (continued)";
            console.Write(ToSpectre(table, layout.Blocks[b], layout.Widths, title));
        }
    }

    private static SpectreTable ToSpectre(ReportTable table, IReadOnlyList<int> columns, IReadOnlyList<int> widths, string? title)
    {
        var spectre = new SpectreTable().Border(TableBorder.Rounded);
        if (title is not null) spectre.Title(Markup.Escape(title));
        foreach (int j in columns)
        {
            var column = table.Columns[j];
            var c = new Spectre.Console.TableColumn(new Text(column.Header, new Style(decoration: Decoration.Bold))) { Width = widths[j] };
            // Numbers never wrap; words may, at spaces.
            if (column.AlignRight) c.NoWrap();
            spectre.AddColumn(column.AlignRight ? c.RightAligned() : c.LeftAligned());
        }
        foreach (var row in table.Rows) spectre.AddRow(columns.Select(j => (Spectre.Console.Rendering.IRenderable)new Text(row[j])));
        return spectre;
    }

    /// <summary>One record per row: the key columns as its title, then each other column as "header  value".</summary>
    private static void WriteRecords(IAnsiConsole console, ReportTable table, TableLayout layout)
    {
        if (table.Title is not null) console.MarkupLine($"[bold]{Markup.Escape(table.Title)}[/]");
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            string name = layout.Key.Count > 0
                ? string.Join(" · ", layout.Key.Select(j => $"{table.Columns[j].Header} {row[j]}"))
                : $"row {i + 1}";
            console.Write(new Rule(Markup.Escape(name)).LeftJustified().RuleStyle(new Style(decoration: Decoration.Dim)));
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            foreach (int j in Enumerable.Range(0, table.Columns.Count).Except(layout.Key))
                grid.AddRow(new Text(table.Columns[j].Header, new Style(decoration: Decoration.Bold)), new Text(row[j]));
            console.Write(grid);
        }
    }
}

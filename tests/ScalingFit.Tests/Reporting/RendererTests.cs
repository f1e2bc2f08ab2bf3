using System.Text;
using System.Xml.Linq;
using ScalingFit.Reporting;

namespace ScalingFit.Tests.Reporting;

public class RendererTests
{
    private static readonly Document Sample = new([
        new Heading("chinchilla law: L = E + A/N^α + B/D^β"),
        new Paragraph("Runs <from> the \"built-in\" data & more."),
        new KeyValues([new("n", "240 runs")]),
        new Table([new("parameter", false), new("value")], [["E", "1.8172"], ["α", "0.34731"]], "parameters"),
        new Warnings(["B is weakly identified"]),
        new Image("a tiny figure", "fig.svg", "image/svg+xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"><text>N</text></svg>")),
        new Image("a png", "fig.png", "image/png", [0x89, 0x50, 0x4E, 0x47]),
    ]);

    [Fact]
    public void Html_IsWellFormedSelfContainedAndEscaped()
    {
        string html = HtmlRenderer.Render(Sample, "report & title");
        // Well-formed enough for an XML parser once the doctype is removed (void elements are self-contained here).
        var body = html[html.IndexOf("<main>", StringComparison.Ordinal)..(html.IndexOf("</main>", StringComparison.Ordinal) + 7)];
        var xml = XElement.Parse(body.Replace("<img", "<img ").Replace("\">\n<figcaption>a png", "\"/>\n<figcaption>a png"));
        Assert.Equal(2, xml.Descendants("tr").Count(r => r.Elements("td").Any()));
        Assert.Contains("Runs &lt;from&gt; the &quot;built-in&quot; data &amp; more.", html);
        Assert.Contains("<title>report &amp; title</title>", html);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", html);
        Assert.DoesNotContain("<?xml", html);
        Assert.Contains("src=\"data:image/png;base64,iVBORw==\"", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("href=\"http", html);
    }

    [Fact]
    public void Markdown_LinksFiguresAndEscapesTableCells()
    {
        string md = MarkdownRenderer.Render(new Document([.. Sample.Blocks, new Table([new("a|b")], [["x|y"]])]));
        Assert.Contains("![a tiny figure](fig.svg)", md);
        Assert.Contains("| a\\|b |", md);
        Assert.Contains("| x\\|y |", md);
        Assert.Contains("> **Warning:** B is weakly identified", md);
    }

    [Fact]
    public void Text_AlignsNumericColumnsRight()
    {
        string text = TextRenderer.Render(new Document([new Table([new("name", false), new("value")], [["a", "1.5"], ["long name", "12.25"]])]));
        var lines = text.Split('\n');
        Assert.Contains(lines, l => l == "a            1.5");
        Assert.Contains(lines, l => l == "long name  12.25");
    }

    [Fact]
    public void Html_TwoInlineSvgsWithTheSameIds_IdsAndReferencesScopedPerFigure()
    {
        static Image Svg(string name) => new(name, name + ".svg", "image/svg+xml", Encoding.UTF8.GetBytes(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"5\">" +
            "<clipPath id=\"clip1\"><rect width=\"1\" height=\"1\"/></clipPath><g clip-path=\"url(#clip1)\"><use xlink:href=\"#clip1\"/></g></svg>"));
        string html = HtmlRenderer.Render(new Document([Svg("a"), Svg("b")]), "two");
        Assert.Contains("id=\"f1-clip1\"", html);
        Assert.Contains("clip-path=\"url(#f1-clip1)\"", html);
        Assert.Contains("xlink:href=\"#f1-clip1\"", html);
        Assert.Contains("id=\"f2-clip1\"", html);
        Assert.Contains("clip-path=\"url(#f2-clip1)\"", html);
        Assert.DoesNotContain("\"clip1\"", html);
        Assert.DoesNotContain("(#clip1)", html);
    }

    [Theory]
    [InlineData("<svg width=\"1200\" height=\"580\"><g/></svg>", "<svg width=\"1200\" height=\"580\" viewBox=\"0 0 1200 580\"><g/></svg>")]
    [InlineData("<svg width=\"12px\" height=\"5.5\"/>", "<svg width=\"12px\" height=\"5.5\" viewBox=\"0 0 12 5.5\"/>")]
    [InlineData("<svg viewBox=\"0 0 3 3\" width=\"6\" height=\"6\"></svg>", "<svg viewBox=\"0 0 3 3\" width=\"6\" height=\"6\"></svg>")]
    [InlineData("<svg width=\"100%\" height=\"6\"></svg>", "<svg width=\"100%\" height=\"6\"></svg>")]
    public void WithViewBox_PixelSizeWithoutViewBox_GetsOneSoThePageCanScaleIt(string svg, string expected) =>
        Assert.Equal(expected, HtmlRenderer.WithViewBox(svg));
}

using System.Xml.Linq;
using SkiaSharp;

namespace ScalingFit.Plotting.Tests.Support;

/// <summary>Reading rendered figures back: PNG pixels and SVG text, independently of the renderer.</summary>
public static class Images
{
    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsPng(byte[] bytes) => bytes.Length > 8 && bytes.AsSpan(0, 8).SequenceEqual(PngSignature);

    public static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidDataException("not a PNG");

    /// <summary>Pixels in a rectangle darker than light grey (text, lines, markers), not background or grid.</summary>
    public static int DarkPixels(SKBitmap bitmap, int left, int top, int right, int bottom)
    {
        int count = 0;
        for (int y = Math.Max(0, top); y < Math.Min(bitmap.Height, bottom); y++)
            for (int x = Math.Max(0, left); x < Math.Min(bitmap.Width, right); x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 160) count++;
            }
        return count;
    }

    /// <summary>The SVG parsed as XML (throws when it is not well formed).</summary>
    public static XDocument ParseSvg(string svg) => XDocument.Parse(svg);

    /// <summary>The contents of every text element, whitespace trimmed.</summary>
    public static IReadOnlyList<string> Texts(XDocument svg) =>
        svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();

    /// <summary>The font-family attributes of the text elements.</summary>
    public static IReadOnlyList<string> FontFamilies(XDocument svg) =>
        svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => (string?)e.Attribute("font-family") ?? "").Distinct().ToList();
}

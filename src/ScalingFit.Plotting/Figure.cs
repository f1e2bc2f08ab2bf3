using ScalingFit.Plotting.Style;
using ScottPlot;
using SkiaSharp;

namespace ScalingFit.Plotting;

/// <summary>
/// A finished figure: a title and subtitle across the top and one or more ScottPlot panels side by
/// side below, written as PNG or SVG. Every text is drawn in the embedded DejaVu Sans.
/// </summary>
/// <remarks>
/// The panels are exposed so a caller can restyle them before writing. Dispose the figure when done.
/// </remarks>
public sealed partial class Figure : IDisposable
{
    private const float Margin = 12;

    internal Figure(FigureKind kind, string title, string? subtitle, IReadOnlyList<Plot> panels, int width, int height, IReadOnlyList<Cell>? cells = null)
    {
        if (cells is not null && cells.Count != panels.Count) throw new ArgumentException("one cell per panel", nameof(cells));
        Cells = cells ?? panels.Select((_, i) => new Cell((float)i / panels.Count, 0, 1f / panels.Count, 1)).ToList();
        if (panels.Count == 0) throw new ArgumentException("a figure needs at least one panel", nameof(panels));
        if (width < 200 || height < 150) throw new ArgumentOutOfRangeException(nameof(width), $"a figure needs at least 200×150 pixels, got {width}×{height}");
        Kind = kind;
        Title = title;
        Subtitle = subtitle;
        Panels = panels;
        Width = width;
        Height = height;
    }

    /// <summary>Where a panel goes, in fractions of the width and of the height below the titles.</summary>
    internal readonly record struct Cell(float X, float Y, float Width, float Height);

    /// <summary>Each panel's cell.</summary>
    internal IReadOnlyList<Cell> Cells { get; }

    /// <summary>The kind of figure.</summary>
    public FigureKind Kind { get; }

    /// <summary>The title: what is plotted against what, and which law.</summary>
    public string Title { get; }

    /// <summary>The line below the title: data, parameters, extrapolation; null when none.</summary>
    public string? Subtitle { get; }

    /// <summary>The panels, left to right.</summary>
    public IReadOnlyList<Plot> Panels { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Writes the figure to a stream in the given format.</summary>
    public void Write(Stream stream, FigureFormat format) => Write(stream, format, 1);

    /// <summary>Writes the figure to a stream; a PNG at <paramref name="scale"/> times the pixels (2 for high-density screens), the same layout.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is outside 0.5 to 4.</exception>
    public void Write(Stream stream, FigureFormat format, float scale)
    {
        if (format == FigureFormat.Svg)
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write(ToSvg());
        }
        else
        {
            var png = ToPng(scale);
            stream.Write(png, 0, png.Length);
        }
    }

    /// <summary>The figure as PNG bytes, <see cref="Width"/> × <see cref="Height"/> pixels times <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is outside 0.5 to 4.</exception>
    public byte[] ToPng(float scale = 1)
    {
        if (!(scale >= 0.5f && scale <= 4)) throw new ArgumentOutOfRangeException(nameof(scale), $"a figure's scale is 0.5 to 4, got {scale}");
        int width = (int)Math.Round(Width * scale), height = (int)Math.Round(Height * scale);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"SkiaSharp cannot make a {width}×{height} surface");
        surface.Canvas.Scale(scale);
        Draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The figure as an SVG document.</summary>
    public string ToSvg()
    {
        // ScottPlot lays a plot out from its previous render (tick labels, legend size), as its own
        // SVG export does: the figure's layout pass (FigureLayout) renders every panel once with its
        // final layout before anything is drawn, so the SVG matches the PNG without rasterising.
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(Width, Height), stream))
            Draw(canvas);
        string svg = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        // Name fallbacks for viewers without DejaVu Sans, whose metrics Verdana's are close to.
        svg = svg.Replace($"font-family=\"{EmbeddedFonts.Family}\"", $"font-family=\"{EmbeddedFonts.Family}, Verdana, sans-serif\"", StringComparison.Ordinal);
        // A viewBox lets a page scale the figure to its column (width: 100%) instead of cutting it off.
        int root = svg.IndexOf("<svg ", StringComparison.Ordinal), close = root < 0 ? -1 : svg.IndexOf('>', root);
        if (close > 0 && !svg.AsSpan(root, close - root).Contains("viewBox", StringComparison.Ordinal))
            svg = svg.Insert(close, $" viewBox=\"0 0 {Width} {Height}\"");
        return NumberClipPaths(svg);
    }

    /// <summary>
    /// Skia names clip paths from a process-wide counter (cl_58, cl_6a, …); renumbering them in order
    /// of appearance makes the same figure give the same SVG every time.
    /// </summary>
    private static string NumberClipPaths(string svg)
    {
        var names = new Dictionary<string, string>();
        return ClipName().Replace(svg, m =>
        {
            if (!names.TryGetValue(m.Value, out var name)) names[m.Value] = name = $"clip{names.Count + 1}";
            return name;
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial System.Text.RegularExpressions.Regex ClipName();

    /// <summary>Disposes the panels.</summary>
    public void Dispose()
    {
        foreach (var panel in Panels) panel.Dispose();
    }

    private void Draw(SKCanvas canvas)
    {
        using (var background = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill })
            canvas.DrawRect(SKRect.Create(Width, Height), background);
        float top = DrawTitles(canvas);
        var rects = Cells.Select(c => new PixelRect(c.X * Width, (c.X + c.Width) * Width, top + (c.Y + c.Height) * (Height - top), top + c.Y * (Height - top))).ToArray();
        FigureLayout.Arrange(this, rects, Panels);
        for (int i = 0; i < Panels.Count; i++)
        {
            Panels[i].RenderManager.ClearCanvasBeforeEachRender = false;
            Panels[i].Render(canvas, rects[i]);
        }
    }

    /// <summary>Draws the title and subtitle centred, shrinking a line that would not fit; returns the height used.</summary>
    private float DrawTitles(SKCanvas canvas)
    {
        float y = Margin;
        y = DrawLine(canvas, Title, bold: true, FigureStyle.TitleSize, y);
        if (!string.IsNullOrEmpty(Subtitle)) y = DrawLine(canvas, Subtitle, bold: false, FigureStyle.SubtitleSize, y + 2);
        return y + 4;
    }

    private float DrawLine(SKCanvas canvas, string text, bool bold, float size, float y)
    {
        using var font = new SKFont(EmbeddedFonts.Typeface(bold), size) { Subpixel = true, Edging = SKFontEdging.Antialias };
        float available = Width - 2 * Margin;
        float measured = font.MeasureText(text);
        if (measured > available) font.Size = size * available / measured;
        using var paint = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        float baseline = y - font.Metrics.Ascent;
        canvas.DrawText(text, Width / 2f, baseline, SKTextAlign.Center, font, paint);
        return baseline + font.Metrics.Descent;
    }
}

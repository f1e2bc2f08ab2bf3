using ScottPlot;
using SkiaSharp;

namespace ScalingFit.Plotting.Style;

/// <summary>
/// Connects a line's pixels with dashes cut out of the geometry itself, so the line is dashed in
/// PNG and SVG alike with a plain stroke.
/// </summary>
/// <remarks>
/// ScottPlot dashes lines with a Skia path effect left on the paint it shares between plottables;
/// Skia's SVG canvas cannot write path effects on the shapes drawn after it, and prints
/// "Unsupported path effect in addPaint." to standard error for each. Cutting the dashes here
/// keeps the paint free of path effects.
/// </remarks>
internal sealed class DashedPath(float dash = 9, float gap = 6) : IPathStrategy
{
    public SKPath GetPath(IEnumerable<Pixel> pixels)
    {
        var path = new SKPath();
        bool drawing = true;
        float left = dash;
        Pixel? previous = null;
        foreach (var pixel in pixels)
        {
            if (float.IsNaN(pixel.X) || float.IsNaN(pixel.Y)) { previous = null; continue; }
            if (previous is not { } from)
            {
                previous = pixel;
                if (drawing) path.MoveTo(pixel.X, pixel.Y);
                continue;
            }
            float dx = pixel.X - from.X, dy = pixel.Y - from.Y;
            float length = MathF.Sqrt(dx * dx + dy * dy);
            float done = 0;
            while (length - done > left)
            {
                done += left;
                float x = from.X + dx * done / length, y = from.Y + dy * done / length;
                if (drawing) path.LineTo(x, y);
                else path.MoveTo(x, y);
                drawing = !drawing;
                left = drawing ? dash : gap;
            }
            left -= length - done;
            if (drawing) path.LineTo(pixel.X, pixel.Y);
            previous = pixel;
        }
        return path;
    }
}

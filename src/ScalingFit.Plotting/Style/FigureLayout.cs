using System.Runtime.CompilerServices;
using ScottPlot;
using SkiaSharp;

namespace ScalingFit.Plotting.Style;

/// <summary>
/// Lays a figure's panels out once, before the first drawing: panels in one column get the same
/// left and right margins and panels in one row the same top and bottom ones, so their axes line
/// up; then each legend that asked for it is placed from that layout (<see cref="LegendPlacement"/>),
/// and the layout is made again when a legend changed the plot.
/// </summary>
internal static class FigureLayout
{
    private static readonly ConditionalWeakTable<Figure, object> Done = new();

    /// <summary>At most this many rounds of layout and placement.</summary>
    private const int Rounds = 4;

    public static void Arrange(Figure figure, PixelRect[] rects, IReadOnlyList<Plot> panels)
    {
        if (Done.TryGetValue(figure, out _)) return;
        Done.Add(figure, new object());
        using var measure = new SKNoDrawCanvas((int)Math.Ceiling(rects.Max(r => r.Right)), (int)Math.Ceiling(rects.Max(r => r.Bottom)));
        for (int round = 0; round < Rounds; round++)
        {
            foreach (var panel in panels) panel.Layout.Default();
            Render(panels, rects, measure);
            if (Align(figure.Cells, panels)) Render(panels, rects, measure);
            bool changed = false;
            foreach (var panel in panels) changed |= LegendPlacement.Arrange(panel);
            if (!changed) return;
        }
    }

    private static void Render(IReadOnlyList<Plot> panels, PixelRect[] rects, SKCanvas canvas)
    {
        for (int i = 0; i < panels.Count; i++) panels[i].Render(canvas, rects[i]);
    }

    /// <summary>Equal left and right margins down a column, equal top and bottom margins along a row.</summary>
    /// <returns>Whether a panel's margins changed (so it must be laid out again).</returns>
    private static bool Align(IReadOnlyList<Figure.Cell> cells, IReadOnlyList<Plot> panels)
    {
        var padding = panels.Select(p =>
        {
            var r = p.RenderManager.LastRender;
            return (Left: r.DataRect.Left - r.FigureRect.Left, Right: r.FigureRect.Right - r.DataRect.Right,
                    Top: r.DataRect.Top - r.FigureRect.Top, Bottom: r.FigureRect.Bottom - r.DataRect.Bottom);
        }).ToArray();
        var aligned = padding.ToArray();
        for (int i = 0; i < cells.Count; i++)
        {
            if (!HasAxes(panels[i])) continue;
            for (int j = 0; j < cells.Count; j++)
            {
                if (i == j || !HasAxes(panels[j])) continue;
                if (Near(cells[i].X, cells[j].X) && Near(cells[i].Width, cells[j].Width))
                {
                    aligned[i].Left = Math.Max(aligned[i].Left, padding[j].Left);
                    aligned[i].Right = Math.Max(aligned[i].Right, padding[j].Right);
                }
                if (Near(cells[i].Y, cells[j].Y) && Near(cells[i].Height, cells[j].Height))
                {
                    aligned[i].Top = Math.Max(aligned[i].Top, padding[j].Top);
                    aligned[i].Bottom = Math.Max(aligned[i].Bottom, padding[j].Bottom);
                }
            }
        }
        bool changed = false;
        for (int i = 0; i < panels.Count; i++)
        {
            if (!HasAxes(panels[i]) || aligned[i] == padding[i]) continue;
            panels[i].Layout.Fixed(new PixelPadding(aligned[i].Left, aligned[i].Right, aligned[i].Bottom, aligned[i].Top));
            changed = true;
        }
        return changed;
    }

    private static bool HasAxes(Plot plot) => plot.Axes.Bottom.IsVisible || plot.Axes.Left.IsVisible;

    private static bool Near(float a, float b) => Math.Abs(a - b) < 1e-3;
}

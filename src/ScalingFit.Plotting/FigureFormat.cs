namespace ScalingFit.Plotting;

/// <summary>The file formats a figure is written in.</summary>
public enum FigureFormat
{
    /// <summary>A PNG raster image.</summary>
    Png,

    /// <summary>An SVG vector image, text as text elements in DejaVu Sans.</summary>
    Svg,
}

/// <summary>Choosing a <see cref="FigureFormat"/> from a file name.</summary>
public static class FigureFormats
{
    /// <summary>The format named by a file's extension: .png or .svg, any case.</summary>
    /// <exception cref="OptionException">Any other extension, or none.</exception>
    public static FigureFormat FromPath(string path)
    {
        string extension = Path.GetExtension(path);
        if (string.Equals(extension, ".png", StringComparison.OrdinalIgnoreCase)) return FigureFormat.Png;
        if (string.Equals(extension, ".svg", StringComparison.OrdinalIgnoreCase)) return FigureFormat.Svg;
        string found = extension.Length == 0 ? "has no extension" : $"ends in '{extension}'";
        throw new OptionException($"the figure file '{path}' {found}; the format is chosen by the extension: .png or .svg.");
    }
}

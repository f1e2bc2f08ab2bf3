using ScottPlot;
using SkiaSharp;

namespace ScalingFit.Plotting.Style;

/// <summary>
/// The font every figure uses: DejaVu Sans (regular and bold), shipped inside this assembly and
/// registered with ScottPlot before the first figure is made, so figures have their text on a
/// machine without fonts and look the same on every machine.
/// </summary>
/// <remarks>
/// ScottPlot asks its font resolvers in order; the system resolver comes first by default, and on a
/// machine with no fonts it yields an empty typeface that draws nothing. This resolver goes first,
/// and <see cref="Fonts.Default"/> names its family so that every label, tick and legend asks for it.
/// </remarks>
public static class EmbeddedFonts
{
    /// <summary>The family name figures ask for; also the font-family written into SVG text.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<bool> Registration = new(RegisterOnce, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the embedded font with ScottPlot; safe to call many times and from many threads.</summary>
    public static void Register() => _ = Registration.Value;

    /// <summary>The embedded typeface (regular or bold), for tests and measurements.</summary>
    internal static SKTypeface Typeface(bool bold) => Resolver.Instance.Typeface(bold);

    private static bool RegisterOnce()
    {
        Fonts.FontResolvers.Insert(0, Resolver.Instance);
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return true;
    }

    /// <summary>Serves the embedded DejaVu Sans for its family name, whatever the system has.</summary>
    private sealed class Resolver : IFontResolver
    {
        public static readonly Resolver Instance = new();

        private readonly Lazy<SKTypeface> _regular = new(() => Load("DejaVuSans.ttf"));
        private readonly Lazy<SKTypeface> _bold = new(() => Load("DejaVuSans-Bold.ttf"));

        public SKTypeface Typeface(bool bold) => bold ? _bold.Value : _regular.Value;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? Typeface(weight >= FontWeight.SemiBold) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? Typeface(bold) : null;

        private static SKTypeface Load(string file)
        {
            string name = $"ScalingFit.Plotting.Fonts.{file}";
            using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"the font resource {name} is missing from the assembly");
            using var data = SKData.Create(stream);
            return SKTypeface.FromData(data)
                ?? throw new InvalidOperationException($"the font resource {name} could not be read by SkiaSharp");
        }
    }
}

using ScalingFit.Plotting.Style;
using ScottPlot;

namespace ScalingFit.Plotting.Tests.Style;

public class EmbeddedFontsTests
{
    [Fact]
    public void Register_DefaultFontResolvesToTheEmbeddedTypeface()
    {
        EmbeddedFonts.Register();
        Assert.Equal("DejaVu Sans", Fonts.Default);
        // The very objects loaded from the assembly's resources, not a system font of the same name.
        Assert.Same(EmbeddedFonts.Typeface(bold: false), Fonts.GetTypeface(Fonts.Default, bold: false, italic: false));
        Assert.Same(EmbeddedFonts.Typeface(bold: true), Fonts.GetTypeface(Fonts.Default, bold: true, italic: false));
        Assert.IsNotType<ScottPlot.FontResolvers.SystemFontResolver>(Fonts.FontResolvers[0]);
    }

    [Fact]
    public void Typeface_IsDejaVuSansWithGlyphsForFigureText()
    {
        var regular = EmbeddedFonts.Typeface(bold: false);
        Assert.Equal("DejaVu Sans", regular.FamilyName);
        Assert.True(EmbeddedFonts.Typeface(bold: true).IsBold);
        foreach (char c in "Loss against parameters N: α β ≈ ∝ · × − ⁰¹²³⁴⁵⁶⁷⁸⁹ ⁻ ² ± → (nats/token) R²")
            Assert.True(regular.ContainsGlyph(c), $"no glyph for '{c}' (U+{(int)c:X4})");
    }

    [Fact]
    public void Register_Twice_RegistersOnce()
    {
        EmbeddedFonts.Register();
        int count = Fonts.FontResolvers.Count;
        EmbeddedFonts.Register();
        Assert.Equal(count, Fonts.FontResolvers.Count);
    }
}

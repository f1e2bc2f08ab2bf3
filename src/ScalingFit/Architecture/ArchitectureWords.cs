namespace ScalingFit.Architecture;

/// <summary>The words used for norms and positions on the command line, in reports and in JSON.</summary>
public static class ArchitectureWords
{
    /// <summary>"layernorm", "rmsnorm" or "none" (a norm without parameters).</summary>
    public static string Name(this NormKind norm) => norm switch
    {
        NormKind.LayerNorm => "layernorm",
        NormKind.RmsNorm => "rmsnorm",
        _ => "none",
    };

    /// <summary>"per-head", "full-width" or "none".</summary>
    public static string Name(this QueryKeyNorm norm) => norm switch
    {
        QueryKeyNorm.PerHead => "per-head",
        QueryKeyNorm.FullWidth => "full-width",
        _ => "none",
    };

    /// <summary>"learned", "rotary", "alibi" or "none".</summary>
    public static string Name(this PositionKind positions) => positions switch
    {
        PositionKind.Learned => "learned",
        PositionKind.Rotary => "rotary",
        PositionKind.Alibi => "alibi",
        _ => "none",
    };

    /// <summary>Parses layer, layernorm, rms, rmsnorm or none.</summary>
    /// <exception cref="OptionException">Another word.</exception>
    public static NormKind ParseNorm(string text) => text.Trim().ToLowerInvariant() switch
    {
        "layer" or "layernorm" => NormKind.LayerNorm,
        "rms" or "rmsnorm" => NormKind.RmsNorm,
        "none" => NormKind.Parameterless,
        _ => throw new OptionException($"'{text}' is not a norm; use layernorm (weight and bias), rmsnorm (weight) or none (no parameters)."),
    };

    /// <summary>Parses learned, rotary (or rope), alibi or none.</summary>
    /// <exception cref="OptionException">Another word.</exception>
    public static PositionKind ParsePositions(string text) => text.Trim().ToLowerInvariant() switch
    {
        "learned" => PositionKind.Learned,
        "rotary" or "rope" => PositionKind.Rotary,
        "alibi" => PositionKind.Alibi,
        "none" => PositionKind.None,
        _ => throw new OptionException($"'{text}' is not a kind of positions; use learned, rotary, alibi or none."),
    };
}

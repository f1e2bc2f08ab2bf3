namespace ScalingFit.Architecture;

/// <summary>The words used for norms and positions on the command line, in reports and in JSON.</summary>
public static class ArchitectureWords
{
    /// <summary>"layernorm" or "rmsnorm".</summary>
    public static string Name(this NormKind norm) => norm == NormKind.LayerNorm ? "layernorm" : "rmsnorm";

    /// <summary>"learned", "rotary", "alibi" or "none".</summary>
    public static string Name(this PositionKind positions) => positions switch
    {
        PositionKind.Learned => "learned",
        PositionKind.Rotary => "rotary",
        PositionKind.Alibi => "alibi",
        _ => "none",
    };

    /// <summary>Parses layer, layernorm, rms or rmsnorm.</summary>
    /// <exception cref="OptionException">Another word.</exception>
    public static NormKind ParseNorm(string text) => text.Trim().ToLowerInvariant() switch
    {
        "layer" or "layernorm" => NormKind.LayerNorm,
        "rms" or "rmsnorm" => NormKind.RmsNorm,
        _ => throw new OptionException($"'{text}' is not a norm; use layernorm (weight and bias) or rmsnorm (weight)."),
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

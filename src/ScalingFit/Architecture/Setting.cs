namespace ScalingFit.Architecture;

/// <summary>A value of an architecture and where it came from, so an error can name its source.</summary>
/// <param name="Value">The value.</param>
/// <param name="Origin">The configuration key, command-line option or family default it came from.</param>
public sealed record Setting<T>(T Value, SettingOrigin Origin);

/// <summary>What a <see cref="SettingOrigin"/> is.</summary>
public enum SettingSource
{
    /// <summary>A key of a configuration file (or a column of a catalog).</summary>
    Key,

    /// <summary>A command-line option.</summary>
    Option,

    /// <summary>A default of a model family.</summary>
    Default,
}

/// <summary>Where a value came from: a file's key, an option, or a family's default.</summary>
/// <param name="Source">What kind of origin this is.</param>
/// <param name="Name">The key, the option (--kv-heads) or the family.</param>
/// <param name="File">The file holding the key; null for options and defaults.</param>
/// <param name="Absent">For a default: the configuration key the file left out, whose value the default stands in for.</param>
public sealed record SettingOrigin(SettingSource Source, string Name, string? File = null, string? Absent = null)
{
    /// <summary>A key of a configuration file.</summary>
    public static SettingOrigin Key(string file, string key) => new(SettingSource.Key, key, file);

    /// <summary>A command-line option such as --kv-heads.</summary>
    public static SettingOrigin Option(string option) => new(SettingSource.Option, option);

    /// <summary>The default of a family, standing in for a key the file left out when one is named.</summary>
    public static SettingOrigin Default(string family, string? absentKey = null) => new(SettingSource.Default, family, null, absentKey);

    /// <summary>
    /// The error for a bad value from here: an <see cref="ArchitectureException"/> naming the file and
    /// key, or an <see cref="OptionException"/> naming the option.
    /// </summary>
    public ScalingFitException Error(string problem) => Source switch
    {
        SettingSource.Key => new ArchitectureException(problem, File ?? "the configuration", Name),
        SettingSource.Option => new OptionException($"{Name}: {problem}"),
        _ => new ArchitectureException(problem, $"the {Name} family's defaults"),
    };

    /// <summary>"key 'n_embd'", "--kv-heads" or "the gpt2 default".</summary>
    public override string ToString() => Source switch
    {
        SettingSource.Key => $"key '{Name}'",
        SettingSource.Option => Name,
        _ => $"the {Name} default",
    };
}

using ScalingFit.Data;

namespace ScalingFit.Laws;

/// <summary>What a law may be told when it is created: its inputs, and settings particular to some laws.</summary>
public sealed record LawSettings
{
    /// <summary>The inputs asked for, or null for the law's own.</summary>
    public IReadOnlyList<LawInput>? Inputs { get; init; }

    /// <summary>How many breaks a broken power law has (default 1).</summary>
    public int? Breaks { get; init; }

    /// <summary>The column of unique tokens for the data-constrained law (default: unique_tokens).</summary>
    public string? UniqueTokensColumn { get; init; }

    /// <summary>How the IsoFLOP minima law groups runs into budgets (default: C binned in log space).</summary>
    public Analysis.IsoFlopOptions? IsoFlop { get; init; }

    /// <summary>Requires the inputs, when given, to be exactly these (in any order).</summary>
    /// <exception cref="OptionException">Other inputs were asked for.</exception>
    public IReadOnlyList<LawInput> Require(string law, params IReadOnlyList<LawInput> inputs)
    {
        if (Inputs is { } asked && !asked.Order().SequenceEqual(inputs.Order()))
            throw new OptionException($"{nameof(LawSettings)}.{nameof(Inputs)}",
                $"the {law} law takes {inputs.Names(" and ")}, not {asked.Names(" and ")}.");
        return inputs;
    }

    /// <summary>The one input asked for, N by default.</summary>
    /// <exception cref="OptionException">More than one input.</exception>
    public LawInput One(string law, string several)
    {
        if (Inputs is null) return Quantity.ParameterCount;
        if (Inputs.Count != 1)
            throw new OptionException($"{nameof(LawSettings)}.{nameof(Inputs)}",
                $"the {law} law takes one input (N, D, C or a column), got {Inputs.Names(", ")}; {several}");
        return Inputs[0];
    }
}

/// <summary>A built-in law: its name, what it is, how to make it, and where it takes part.</summary>
/// <param name="Name">The name on the command line.</param>
/// <param name="Summary">One line: the formula and its source.</param>
/// <param name="Create">Makes the law from settings.</param>
public sealed record LawDefinition(string Name, string Summary, Func<LawSettings, IScalingLaw> Create)
{
    /// <summary>Whether the law is among those a comparison fits by default (when the runs have its inputs).</summary>
    public bool Compared { get; init; }

    /// <summary>Whether the law takes one input of the user's choice (N, D, C or a column), like the power law.</summary>
    public bool TakesOneInput { get; init; }

    /// <summary>Whether the law takes any number of inputs of the user's choice, like the joint law.</summary>
    public bool TakesInputs { get; init; }

    /// <summary>Where the law's residuals are taken unless asked otherwise (log when null).</summary>
    public ResidualSpace? Residuals { get; init; }

    /// <summary>Whether <see cref="LawSettings.Breaks"/> means something to the law.</summary>
    public bool TakesBreaks { get; init; }

    /// <summary>Whether <see cref="LawSettings.UniqueTokensColumn"/> means something to the law.</summary>
    public bool TakesUniqueTokens { get; init; }
}

/// <summary>
/// The built-in laws by name. Analyses, reports and figures ask the law objects what they can do;
/// adding a built-in law means writing its class and adding one line here.
/// </summary>
public static class LawRegistry
{
    /// <summary>The built-in laws, in the order a comparison lists them.</summary>
    public static IReadOnlyList<LawDefinition> All { get; } =
    [
        new("power", "L = (X_c/X)^α, log-log OLS (Kaplan et al. 2020)", s => new PowerLaw(s.One("power", "for several inputs use the joint law.")))
            { Compared = true, TakesOneInput = true },
        new("saturating", "L = E + A·X^−α (an irreducible loss)", s => new SaturatingLaw(s.One("saturating", "for N and D together use the chinchilla law.")))
            { Compared = true, TakesOneInput = true },
        new("joint", "L = k·N^a_N·D^a_D·C^a_C, OLS", s => new JointLaw(s.Inputs ?? LawInputs.Of(Quantity.ParameterCount, Quantity.TrainingTokens)))
            { Compared = true, TakesInputs = true },
        new("kaplan-nd", "L = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D (Kaplan et al. 2020, Eq. 1.5)",
            s => { s.Require("kaplan-nd", KaplanNdLaw.Instance.Inputs); return KaplanNdLaw.Instance; }) { Compared = true },
        new("chinchilla", "L = E + A/N^α + B/D^β (Hoffmann et al. 2022); with α tied to β, one shared exponent (Gadre et al. 2024)",
            s => { s.Require("chinchilla", ChinchillaLaw.Instance.Inputs); return ChinchillaLaw.Instance; }) { Compared = true },
        new("data-constrained", "L = E + A/N′^α + B/D′^β in effective parameters and data under repetition (Muennighoff et al. 2023)",
            s =>
            {
                var law = DataConstrainedLaw.Create(s.UniqueTokensColumn);
                s.Require("data-constrained", law.Inputs);
                return law;
            }) { TakesUniqueTokens = true },
        new("broken", "y = a + b·x^(−c₀)·Π(1 + (x/dᵢ)^(1/fᵢ))^(−cᵢ·fᵢ), a smoothly broken power law (Caballero et al. 2023)",
            s => BrokenLaw.Create(s.One("broken", "a broken law takes one input."), s.Breaks ?? 1)) { TakesOneInput = true, TakesBreaks = true },
        new("downstream", "Err = ε − k·e^(−γL), a downstream error against the loss (Gadre et al. 2024)",
            s => { s.Require("downstream", MetricLaws.Inputs); return MetricLaws.Downstream(); }) { Residuals = ResidualSpace.Linear },
        new("sigmoid", "y = lo + (hi − lo)/(1 + e^(k·(L − L₀))), a bounded metric against the loss (Llama 3 report)",
            s => { s.Require("sigmoid", MetricLaws.Inputs); return MetricLaws.Sigmoid(); }) { Residuals = ResidualSpace.Linear },
        new("isoflop-minima", "L*(C) = E + A·C^(−α) fitted to the minima of the IsoFLOP profiles (Hoffmann et al. 2022)",
            s => { s.Require("isoflop-minima", [Quantity.Compute]); return new Analysis.IsoFlopMinimaLaw(s.IsoFlop); }),
    ];

    /// <summary>The names of the built-in laws.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(d => d.Name).ToList();

    /// <summary>The definition of a built-in law, or null.</summary>
    public static LawDefinition? Find(string name) => All.FirstOrDefault(d => string.Equals(d.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A built-in law by name.</summary>
    /// <exception cref="OptionException">No built-in law of that name, or settings that do not suit it.</exception>
    public static IScalingLaw Create(string name, LawSettings? settings = null) =>
        (Find(name) ?? throw Unknown(name)).Create(settings ?? new LawSettings());

    /// <summary>The error for an unknown name, listing the laws.</summary>
    public static OptionException Unknown(string name) => new("LawSpec.Law",
        $"unknown law '{name}'; the laws are: {string.Join(", ", Names)} (or a formula such as 'E + A/N^alpha + B/D^beta').");
}

using ScalingFit.Data;

namespace ScalingFit.Laws.Formulas;

/// <summary>How to make a formula law: its name and what is known of its parameters.</summary>
public sealed record FormulaOptions
{
    /// <summary>The law's name (default "formula").</summary>
    public string? Name { get; init; }

    /// <summary>Starting values, bounds and positivity of named parameters.</summary>
    public IReadOnlyList<FormulaParameter> Parameters { get; init; } = [];

    /// <summary>Compile to delegates (true), run on the tape (false), or decide by whether the runtime generates code (null).</summary>
    public bool? Compile { get; init; }

    /// <summary>Names bound to inputs whatever the runs' columns (built-in laws: unique tokens as U).</summary>
    public IReadOnlyDictionary<string, LawInput> Inputs { get; init; } = new Dictionary<string, LawInput>();

    /// <summary>The formula as shown in reports (default: the formula itself).</summary>
    public string? Display { get; init; }

    /// <summary>The label in tables (default: the name, or the formula for an unnamed law).</summary>
    public string? Label { get; init; }
}

public sealed partial class FormulaLaw
{
    private static readonly IReadOnlyDictionary<string, string> Greek = new Dictionary<string, string>
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["eta"] = "η",
        ["kappa"] = "κ", ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν", ["rho"] = "ρ", ["sigma"] = "σ", ["tau"] = "τ",
    };

    /// <summary>Parses a formula and binds its names: quantities (N, D, C, L) and columns of the runs are inputs, the rest parameters.</summary>
    /// <param name="formula">The formula, e.g. "E + A/N^alpha + B/D^beta" or "lr = a*C^b".</param>
    /// <param name="columns">The names of the runs' other columns (matched exactly, else ignoring case).</param>
    /// <param name="options">A name, and what is known of the parameters.</param>
    /// <exception cref="OptionException">
    /// A malformed formula, an unknown function, no parameter or no input, a parameter described but
    /// not in the formula, or one that has no effect on the value; the message points at the place.
    /// </exception>
    public static FormulaLaw Create(string formula, IReadOnlyCollection<string> columns, FormulaOptions? options = null)
    {
        options ??= new FormulaOptions();
        var syntax = FormulaParser.Read(formula);
        FormulaLowering.CheckCalls(syntax);
        var names = syntax.Names();
        var inputs = new List<LawInput>();
        var inputNames = new List<string>();
        var parameterNames = new List<NameSyntax>();
        foreach (var n in names)
        {
            if ((options.Inputs.TryGetValue(n.Name, out var bound) ? bound : Input(n.Name, columns)) is { } input)
            {
                inputs.Add(input);
                inputNames.Add(n.Name);
            }
            else parameterNames.Add(n);
        }
        if (syntax.Target is { } target && names.FirstOrDefault(n => n.Name == target.Name) is { } again)
            throw FormulaParser.Error(formula, again.Column, $"'{target.Name}' is what the formula predicts, so it cannot appear on the right of '=' (column {again.Column}).");
        if (parameterNames.Count == 0)
            throw FormulaParser.Error(formula, 1,
                $"the formula has no parameter to fit: every name in it ({string.Join(", ", inputNames)}) is an input. " +
                "Give the constants names (e.g. E + A/N^alpha) and fix them to score a published law.");
        if (inputs.Count == 0)
            throw FormulaParser.Error(formula, 1,
                $"the formula takes no input: none of its names ({string.Join(", ", parameterNames.Select(p => p.Name))}) is N, D, C, L or a column of the runs.");
        var given = options.Parameters.ToDictionary(p => p.Name);
        foreach (var p in options.Parameters.Where(p => parameterNames.All(n => n.Name != p.Name)))
            throw new OptionException("LawSpec.Law",
                $"the parameter '{p.Name}' is described but does not appear in the formula {formula.Trim()}; its parameters are " +
                $"{string.Join(", ", parameterNames.Select(n => n.Name))}.");

        var roles = FormulaLowering.Roles(syntax, parameterNames.Select(p => p.Name).ToList(), inputNames.Contains);
        var parameters = parameterNames.Select(n =>
        {
            var role = roles[n.Name];
            given.TryGetValue(n.Name, out var g);
            role = g?.Role ?? role;
            bool positive = g?.Positive ?? role == ParameterRole.Scale;
            return new LawParameter(n.Name, g?.Symbol ?? Greek.GetValueOrDefault(n.Name, n.Name), g?.Description ?? Describe(role), positive)
            {
                Role = role,
                Bounds = g?.Bounds ?? ParameterBounds.None,
                Starts = g?.Starts,
            };
        }).ToList();
        var law = new FormulaLaw(syntax, options.Name ?? DefaultName, inputs, inputNames, parameters, roles, given,
            options.Compile ?? FormulaModel.CanCompile, options.Display, options.Label);
        law.RequireEffect(parameterNames);
        return law;
    }

    /// <summary>Every parameter must change the value somewhere: ∂f/∂p is not identically zero.</summary>
    private void RequireEffect(IReadOnlyList<NameSyntax> parameterNames)
    {
        var f = new NodeFactory();
        var value = FormulaLowering.Lower(_syntax.Body, f, n => Bind(f, n, positiveAsExp: false));
        for (int i = 0; i < Parameters.Count; i++)
        {
            if (new Derivative(f, Op.Param, i).Of(value).IsConst(0))
                throw FormulaParser.Error(_syntax.Text, parameterNames[i].Column,
                    $"the parameter '{Parameters[i].Name}' (column {parameterNames[i].Column}) has no effect on the law's value, so it cannot be fitted.");
        }
    }

    private static string Describe(ParameterRole role) => role switch
    {
        ParameterRole.Scale => "positive scale",
        ParameterRole.Exponent => "exponent",
        ParameterRole.Offset => "offset",
        _ => "coefficient",
    };

    /// <summary>A name as an input: N, D, C, L exactly, or a column (exactly, else ignoring case when only one matches).</summary>
    private static LawInput? Input(string name, IReadOnlyCollection<string> columns)
    {
        switch (name)
        {
            case "N": return LawInput.Of(Quantity.ParameterCount);
            case "D": return LawInput.Of(Quantity.TrainingTokens);
            case "C": return LawInput.Of(Quantity.Compute);
            case "L": return LawInput.Of(Quantity.Loss);
        }
        if (columns.Contains(name)) return LawInput.Column(name);
        var matches = columns.Where(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? LawInput.Column(matches[0]) : null;
    }
}

public sealed partial class FormulaLaw
{
    /// <summary>Checks a formula's syntax and functions before any data is read.</summary>
    /// <exception cref="OptionException">A malformed formula or an unknown function, pointing at the place.</exception>
    public static void Check(string formula) => FormulaLowering.CheckCalls(FormulaParser.Read(formula));

    /// <summary>The target named on the left of '=' in a formula, or null.</summary>
    public static string? TargetOf(string formula) => FormulaParser.Read(formula).Target?.Name;

    /// <summary>Every name in a formula (inputs and parameters alike), in order of appearance.</summary>
    /// <exception cref="OptionException">A malformed formula.</exception>
    public static IReadOnlyList<string> NamesOf(string formula) => FormulaParser.Read(formula).Names().Select(n => n.Name).ToList();

    /// <summary>The quantities a formula names as inputs by their symbols N, D, C and L (columns are bound once the runs are read).</summary>
    /// <exception cref="OptionException">A malformed formula.</exception>
    public static IReadOnlyList<Quantity> QuantitiesOf(string formula) =>
        FormulaParser.Read(formula).Names().Select(n => Input(n.Name, []) is { Quantity: { } q } ? (Quantity?)q : null).OfType<Quantity>().ToList();

    /// <summary>Whether a text looks like a formula rather than a law's name (it has an operator, a parenthesis or an '=').</summary>
    public static bool LooksLikeFormula(string text) => text.IndexOfAny(['+', '-', '−', '*', '/', '^', '(', '=', '·', ' ']) >= 0;
}

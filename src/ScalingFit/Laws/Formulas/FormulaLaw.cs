using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Laws.Formulas;

/// <summary>What a law file (or a caller) says about one parameter of a formula.</summary>
/// <param name="Name">The parameter's name in the formula.</param>
public sealed record FormulaParameter(string Name)
{
    /// <summary>Starting values in natural units, or null for the role's default.</summary>
    public IReadOnlyList<double>? Starts { get; init; }

    /// <summary>The values it may take, or null for none.</summary>
    public ParameterBounds? Bounds { get; init; }

    /// <summary>Whether it is a positive scale fitted in logs; null to decide from where it appears.</summary>
    public bool? Positive { get; init; }

    /// <summary>Its symbol in tables (default: the name, Greek names as letters).</summary>
    public string? Symbol { get; init; }

    /// <summary>What it means (default: its role).</summary>
    public string? Description { get; init; }

    /// <summary>Its role, for default starts (default: from where it appears).</summary>
    public ParameterRole? Role { get; init; }

    /// <summary>Starting values from the data (natural units), e.g. break locations within the inputs' range; overrides <see cref="Starts"/>.</summary>
    public Func<StartContext, IReadOnlyList<double>>? StartsFor { get; init; }
}

/// <summary>
/// A law written as a formula, e.g. <c>E + A/N^alpha + B/D^beta</c>. Names that are quantities
/// (N, D, C, L) or columns of the runs are inputs; the others are parameters, each with a role from
/// where it appears (exponent, positive scale fitted in logs, offset). The formula is parsed with
/// Superpower, differentiated symbolically (value, gradient and Hessian in θ, simplified, with
/// shared subexpressions) and compiled to delegates with System.Linq.Expressions, or run on a
/// vectorised tape where code cannot be generated (Native AOT): no finite differences and no tree
/// walking per run.
/// </summary>
public sealed partial class FormulaLaw : IScalingLaw, IHasObjective, IHasInputGradient
{
    /// <summary>The name of a formula law without one of its own.</summary>
    public const string DefaultName = "formula";

    private readonly FormulaSyntax _syntax;
    private readonly NodeFactory _factory = new();
    private readonly Dictionary<ResidualSpace, FormulaModel> _models = [];
    private readonly CompiledProgram _natural;
    private readonly Dictionary<string, ParameterRole> _roles;
    private readonly IReadOnlyDictionary<string, FormulaParameter> _given;
    private readonly bool _compile;

    private FormulaLaw(FormulaSyntax syntax, string name, IReadOnlyList<LawInput> inputs, IReadOnlyList<string> inputNames,
        IReadOnlyList<LawParameter> parameters, Dictionary<string, ParameterRole> roles, IReadOnlyDictionary<string, FormulaParameter> given, bool compile,
        string? display, string? label)
    {
        _label = label;
        _syntax = syntax;
        Name = name;
        Inputs = inputs;
        InputNames = inputNames;
        Parameters = parameters;
        _roles = roles;
        _given = given;
        _compile = compile;
        Target = syntax.Target?.Name;
        Formula = display ?? (syntax.Target is null ? $"L = {syntax.Text.Trim()}" : syntax.Text.Trim());
        var natural = new NodeFactory();
        var value = FormulaLowering.Lower(syntax.Body, natural, n => Bind(natural, n, positiveAsExp: false));
        var inputGradient = Enumerable.Range(0, inputs.Count).Select(j => new Derivative(natural, Op.Input, j).Of(value)).ToArray();
        _natural = new CompiledProgram(FormulaProgram.Build([value, .. inputGradient]), compile);
    }

    /// <inheritdoc/>
    public string Name { get; }

    private readonly string? _label;

    /// <inheritdoc/>
    public string Label => _label ?? (Name == DefaultName ? _syntax.Text.Trim() : Name);

    /// <inheritdoc/>
    public string Formula { get; }

    /// <summary>The target named on the left of '=' (e.g. lr in "lr = a*C^b"), or null.</summary>
    public string? Target { get; }

    /// <inheritdoc/>
    public IReadOnlyList<LawInput> Inputs { get; }

    /// <summary>The inputs as named in the formula.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <inheritdoc/>
    public IReadOnlyList<LawParameter> Parameters { get; }

    /// <summary>Whether the law runs as compiled delegates (false: on the tape).</summary>
    public bool Compiled => _compile;

    private Node Bind(NodeFactory f, string name, bool positiveAsExp)
    {
        for (int j = 0; j < InputNames.Count; j++)
            if (InputNames[j] == name) return f.Input(j);
        for (int i = 0; i < Parameters.Count; i++)
        {
            if (Parameters[i].Name != name) continue;
            return positiveAsExp && Parameters[i].Positive ? f.Exp(f.Param(i)) : f.Param(i);
        }
        throw new InvalidOperationException($"unbound name {name}");
    }

    /// <inheritdoc/>
    public double Value(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs)
    {
        Span<double> outputs = stackalloc double[1 + Inputs.Count];
        Span<double> logs = stackalloc double[inputs.Length];
        for (int j = 0; j < inputs.Length; j++) logs[j] = inputs[j] > 0 ? Math.Log(inputs[j]) : double.NaN;
        _natural.Run(parameters, inputs, logs, outputs);
        return outputs[0];
    }

    /// <inheritdoc/>
    public void InputGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, Span<double> gradient)
    {
        Span<double> outputs = stackalloc double[1 + Inputs.Count];
        Span<double> logs = stackalloc double[inputs.Length];
        for (int j = 0; j < inputs.Length; j++) logs[j] = inputs[j] > 0 ? Math.Log(inputs[j]) : double.NaN;
        _natural.Run(parameters, inputs, logs, outputs);
        outputs[1..].CopyTo(gradient);
    }

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> theta, LawRow row, ResidualSpace space, Span<double> gradient, Span<double> hessian) =>
        Model(space).Point(theta, row.Values, row.Logs, gradient, hessian);

    /// <inheritdoc/>
    public StartGrid Starts(StartContext context) => FormulaStarts.Grid(this, _roles, _given, context);

    IWeightedObjective? IHasObjective.Objective(FitData data, LossFunction loss, bool coarse) =>
        coarse ? null : new FormulaObjective(Model(data.Space), data, loss);

    /// <summary>The compiled model in a residual space (made once, on first use).</summary>
    internal FormulaModel Model(ResidualSpace space)
    {
        lock (_models)
        {
            if (_models.TryGetValue(space, out var model)) return model;
            var f = FormulaLowering.Lower(_syntax.Body, _factory, n => Bind(_factory, n, positiveAsExp: true));
            var m = space switch
            {
                ResidualSpace.Log => _factory.Ln(f),
                ResidualSpace.Logit => _factory.Sub(_factory.Ln(f), _factory.Ln(_factory.Sub(_factory.One, f))),
                _ => f,
            };
            return _models[space] = new FormulaModel(_factory, m, Parameters.Count, _compile);
        }
    }
}

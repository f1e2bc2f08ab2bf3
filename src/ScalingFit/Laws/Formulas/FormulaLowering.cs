namespace ScalingFit.Laws.Formulas;

/// <summary>
/// Turns a parsed formula into <see cref="Node"/>s: names into inputs or parameters (a positive
/// parameter as exp(θ) when lowering for fitting, as itself for natural values), the functions
/// exp, ln, log10, sqrt, min, max, sigmoid and softplus into their nodes.
/// </summary>
internal static class FormulaLowering
{
    /// <summary>The functions a formula may call, with their number of arguments.</summary>
    public static IReadOnlyDictionary<string, int> Functions { get; } = new Dictionary<string, int>
    {
        ["exp"] = 1, ["ln"] = 1, ["log10"] = 1, ["sqrt"] = 1, ["min"] = 2, ["max"] = 2, ["sigmoid"] = 1, ["softplus"] = 1,
    };

    /// <summary>Checks every call names a known function with the right number of arguments.</summary>
    /// <exception cref="OptionException">An unknown function or a wrong number of arguments, pointing at the call.</exception>
    public static void CheckCalls(FormulaSyntax formula)
    {
        void Visit(Syntax s)
        {
            switch (s)
            {
                case CallSyntax c:
                    if (!Functions.TryGetValue(c.Function, out int arity))
                        throw FormulaParser.Error(formula.Text, c.Column,
                            $"unknown function '{c.Function}' at column {c.Column}; the functions are {string.Join(", ", Functions.Keys)}" +
                            (c.Function is "log" ? " (ln is the natural logarithm, log10 the decimal one)." : "."));
                    if (c.Arguments.Count != arity)
                        throw FormulaParser.Error(formula.Text, c.Column,
                            $"{c.Function} takes {arity} argument{(arity == 1 ? "" : "s")}, got {c.Arguments.Count} at column {c.Column}.");
                    foreach (var a in c.Arguments) Visit(a);
                    break;
                case NegateSyntax u: Visit(u.Operand); break;
                case BinarySyntax b: Visit(b.Left); Visit(b.Right); break;
            }
        }
        Visit(formula.Body);
    }

    /// <summary>The node of the formula's value, each name bound to a node.</summary>
    public static Node Lower(Syntax syntax, NodeFactory f, Func<string, Node> bind) => syntax switch
    {
        NumberSyntax n => f.Const(n.Value),
        NameSyntax n => bind(n.Name),
        NegateSyntax u => f.Neg(Lower(u.Operand, f, bind)),
        BinarySyntax b => b.Operator switch
        {
            '+' => f.Add(Lower(b.Left, f, bind), Lower(b.Right, f, bind)),
            '-' => f.Sub(Lower(b.Left, f, bind), Lower(b.Right, f, bind)),
            '*' => f.Mul(Lower(b.Left, f, bind), Lower(b.Right, f, bind)),
            '/' => f.Div(Lower(b.Left, f, bind), Lower(b.Right, f, bind)),
            _ => f.Pow(Lower(b.Left, f, bind), Lower(b.Right, f, bind)),
        },
        CallSyntax c => Call(c, c.Arguments.Select(a => Lower(a, f, bind)).ToArray(), f),
        _ => throw new InvalidOperationException(syntax.GetType().Name),
    };

    private static Node Call(CallSyntax c, Node[] a, NodeFactory f) => c.Function switch
    {
        "exp" => f.Exp(a[0]),
        "ln" => f.Ln(a[0]),
        "log10" => f.Mul(f.Const(1 / Math.Log(10)), f.Ln(a[0])),
        "sqrt" => f.Sqrt(a[0]),
        "min" => f.Min(a[0], a[1]),
        "max" => f.Max(a[0], a[1]),
        "sigmoid" => f.Sigmoid(a[0]),
        _ => f.Softplus(a[0]),
    };

    /// <summary>
    /// The role of each parameter from where it appears: in an exponent (right of ^) an exponent; as
    /// a factor of a term that is a power law or an exponential of an input (A/N^α, A·e^(−kL)) or a
    /// ratio to an input (D_c/D), or in the base of a power, a positive scale; as a term of a sum an
    /// offset; otherwise a plain coefficient (b in a + b·x may be negative).
    /// </summary>
    public static Dictionary<string, ParameterRole> Roles(FormulaSyntax formula, IReadOnlyCollection<string> parameters, Func<string, bool> isInput)
    {
        bool HasInput(Syntax s) => s switch
        {
            NameSyntax n => isInput(n.Name),
            NegateSyntax u => HasInput(u.Operand),
            BinarySyntax b => HasInput(b.Left) || HasInput(b.Right),
            CallSyntax c => c.Arguments.Any(HasInput),
            _ => false,
        };
        bool Curved(Syntax s) => s switch
        {
            BinarySyntax { Operator: '^' } b => HasInput(b.Left) || HasInput(b.Right),
            CallSyntax { Function: "exp" or "sigmoid" or "softplus" } c => c.Arguments.Any(HasInput),
            NegateSyntax u => Curved(u.Operand),
            BinarySyntax b => Curved(b.Left) || Curved(b.Right),
            _ => false,
        };
        var roles = parameters.ToDictionary(p => p, _ => ParameterRole.Other);
        void Set(string name, ParameterRole role)
        {
            if (!roles.TryGetValue(name, out var old)) return;
            // Exponent over scale over offset over other.
            int Rank(ParameterRole r) => r switch { ParameterRole.Exponent => 3, ParameterRole.Scale => 2, ParameterRole.Offset => 1, _ => 0 };
            if (Rank(role) > Rank(old)) roles[name] = role;
        }
        void Visit(Syntax s, ParameterRole context, bool exponent)
        {
            switch (s)
            {
                case NameSyntax n: Set(n.Name, exponent ? ParameterRole.Exponent : context); break;
                case NegateSyntax u: Visit(u.Operand, context, exponent); break;
                case BinarySyntax { Operator: '^' } b:
                    Visit(b.Left, ParameterRole.Scale, exponent);
                    Visit(b.Right, ParameterRole.Exponent, true);
                    break;
                case BinarySyntax { Operator: '*' or '/' } b:
                {
                    bool scale = context == ParameterRole.Scale || Curved(b) || (b.Operator == '/' && HasInput(b.Right));
                    var role = scale ? ParameterRole.Scale : ParameterRole.Other;
                    Visit(b.Left, role, exponent);
                    Visit(b.Right, role, exponent);
                    break;
                }
                case BinarySyntax b:
                    Visit(b.Left, context == ParameterRole.Scale ? ParameterRole.Scale : ParameterRole.Offset, exponent);
                    Visit(b.Right, context == ParameterRole.Scale ? ParameterRole.Scale : ParameterRole.Offset, exponent);
                    break;
                case CallSyntax c:
                    foreach (var a in c.Arguments) Visit(a, ParameterRole.Offset, exponent);
                    break;
            }
        }
        Visit(formula.Body, ParameterRole.Offset, false);
        return roles;
    }
}

namespace ScalingFit.Laws.Formulas;

/// <summary>The operations of a symbolic expression.</summary>
internal enum Op
{
    Const,
    Param,
    Input,
    LogInput,
    Add,
    Mul,
    Div,
    Exp,
    Ln,
    Sqrt,
    Pow,
    Sigmoid,
    Softplus,
    Min,
    Max,
    /// <summary>A &lt; B ? C : D.</summary>
    Select,
}

/// <summary>
/// A node of a symbolic expression DAG. Nodes are made only by <see cref="NodeFactory"/>, which
/// simplifies as it builds and shares structurally equal nodes, so equal subexpressions of a value,
/// its gradient and its Hessian are one node, computed once.
/// </summary>
internal sealed class Node
{
    public Node(int id, Op op, double value, int index, Node[] args, bool uniform)
    {
        Id = id;
        Op = op;
        Value = value;
        Index = index;
        Args = args;
        Uniform = uniform;
    }

    /// <summary>A number unique to the node within its factory (creation order, so arguments come first).</summary>
    public int Id { get; }

    public Op Op { get; }

    /// <summary>The constant of a Const node.</summary>
    public double Value { get; }

    /// <summary>The parameter index of a Param node; the input index of an Input or LogInput node.</summary>
    public int Index { get; }

    public Node[] Args { get; }

    /// <summary>Whether the node depends on no input: the same for every run, computed once per evaluation.</summary>
    public bool Uniform { get; }

    public bool IsConst(double value) => Op == Op.Const && Value == value;

    public Node A => Args[0];

    public Node B => Args[1];

    public override string ToString() => Op switch
    {
        Op.Const => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        Op.Param => $"θ{Index}",
        Op.Input => $"x{Index}",
        Op.LogInput => $"ln x{Index}",
        Op.Add => $"({A} + {B})",
        Op.Mul => $"({A}·{B})",
        Op.Div => $"({A}/{B})",
        Op.Pow => $"({A}^{B})",
        Op.Select => $"({A} < {B} ? {Args[2]} : {Args[3]})",
        _ => $"{Op.ToString().ToLowerInvariant()}({string.Join(", ", Args.Select(a => a.ToString()))})",
    };
}

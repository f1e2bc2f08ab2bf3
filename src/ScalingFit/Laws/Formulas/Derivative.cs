namespace ScalingFit.Laws.Formulas;

/// <summary>
/// Symbolic derivatives of <see cref="Node"/>s by the chain rule, each derivative built by the
/// same <see cref="NodeFactory"/> (so it is simplified and shares subexpressions with the value).
/// Derivatives are taken with respect to one parameter or one input; min, max and select take the
/// derivative of the branch in force (the kink itself has measure zero).
/// </summary>
internal sealed class Derivative(NodeFactory f, Op variable, int index)
{
    private readonly Dictionary<int, Node> _memo = [];

    /// <summary>∂node/∂(the variable).</summary>
    public Node Of(Node node)
    {
        if (_memo.TryGetValue(node.Id, out var known)) return known;
        var d = Compute(node);
        _memo[node.Id] = d;
        return d;
    }

    private Node Compute(Node n)
    {
        switch (n.Op)
        {
            case Op.Const:
                return f.Zero;
            case Op.Param:
            case Op.Input:
                return n.Op == variable && n.Index == index ? f.One : f.Zero;
            case Op.LogInput:
                return variable == Op.Input && n.Index == index ? f.Div(f.One, f.Input(index)) : f.Zero;
            case Op.Add:
                return f.Add(Of(n.A), Of(n.B));
            case Op.Mul:
                return f.Add(f.Mul(Of(n.A), n.B), f.Mul(n.A, Of(n.B)));
            case Op.Div:
            {
                // (a/b)′ = a′/b − (a/b)·b′/b
                var db = Of(n.B);
                return f.Sub(f.Div(Of(n.A), n.B), f.Div(f.Mul(n, db), n.B));
            }
            case Op.Exp:
                return f.Mul(n, Of(n.A));
            case Op.Ln:
                return f.Div(Of(n.A), n.A);
            case Op.Sqrt:
                return f.Div(Of(n.A), f.Mul(f.Const(2), n));
            case Op.Pow:
                // a^c with a constant c: c·a^(c−1)·a′
                return f.Mul(f.Mul(n.B, f.Pow(n.A, f.Const(n.B.Value - 1))), Of(n.A));
            case Op.Sigmoid:
                return f.Mul(f.Mul(n, f.Sub(f.One, n)), Of(n.A));
            case Op.Softplus:
                return f.Mul(f.Sigmoid(n.A), Of(n.A));
            case Op.Min:
                return f.Select(n.A, n.B, Of(n.A), Of(n.B));
            case Op.Max:
                return f.Select(n.B, n.A, Of(n.A), Of(n.B));
            case Op.Select:
                return f.Select(n.A, n.B, Of(n.Args[2]), Of(n.Args[3]));
            default:
                throw new InvalidOperationException($"no derivative for {n.Op}");
        }
    }
}

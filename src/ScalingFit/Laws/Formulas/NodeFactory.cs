namespace ScalingFit.Laws.Formulas;

/// <summary>
/// Makes <see cref="Node"/>s, folding constants and the identities x + 0, x·1, x·0, x/1, x^1, x^0,
/// exp(ln x), ln(exp x), ln of an input (a precomputed column), x^p of a positive input as
/// exp(p·ln x), and sharing every node with an equal one made before (hash-consing). Commutative
/// operands are ordered by id, so a·b and b·a are one node.
/// </summary>
internal sealed class NodeFactory
{
    private readonly Dictionary<(Op, double, int, int, int, int, int), Node> _nodes = [];
    private readonly List<Node> _all = [];

    /// <summary>Every node made, in creation order (arguments before the nodes that use them).</summary>
    public IReadOnlyList<Node> All => _all;

    public Node Zero => Const(0);

    public Node One => Const(1);

    public Node Const(double value) => Make(Op.Const, value, 0, []);

    public Node Param(int index) => Make(Op.Param, 0, index, []);

    public Node Input(int index) => Make(Op.Input, 0, index, []);

    public Node LogInput(int index) => Make(Op.LogInput, 0, index, []);

    public Node Add(Node a, Node b)
    {
        if (a.Op == Op.Const && b.Op == Op.Const) return Const(a.Value + b.Value);
        if (a.IsConst(0)) return b;
        if (b.IsConst(0)) return a;
        return Make(Op.Add, 0, 0, Ordered(a, b));
    }

    public Node Sub(Node a, Node b) => a == b ? Zero : Add(a, Neg(b));

    public Node Neg(Node a) => Mul(Const(-1), a);

    public Node Mul(Node a, Node b)
    {
        if (a.Op == Op.Const && b.Op == Op.Const) return Const(a.Value * b.Value);
        if (a.IsConst(0) || b.IsConst(0)) return Zero;
        if (a.IsConst(1)) return b;
        if (b.IsConst(1)) return a;
        if (b.Op == Op.Const) (a, b) = (b, a);
        // c₁·(c₂·x) = (c₁c₂)·x
        if (a.Op == Op.Const && b.Op == Op.Mul && b.A.Op == Op.Const) return Mul(Const(a.Value * b.A.Value), b.B);
        return Make(Op.Mul, 0, 0, a.Op == Op.Const ? [a, b] : Ordered(a, b));
    }

    public Node Div(Node a, Node b)
    {
        if (a.Op == Op.Const && b.Op == Op.Const && b.Value != 0) return Const(a.Value / b.Value);
        if (a.IsConst(0)) return Zero;
        if (b.IsConst(1)) return a;
        if (a == b) return One;
        if (b.Op == Op.Const && b.Value != 0) return Mul(Const(1 / b.Value), a);
        // x/exp(y) = x·exp(−y): no division per run.
        if (b.Op == Op.Exp) return Mul(a, Exp(Neg(b.A)));
        return Make(Op.Div, 0, 0, [a, b]);
    }

    public Node Exp(Node a)
    {
        if (a.Op == Op.Const) return Const(Math.Exp(a.Value));
        if (a.Op == Op.Ln) return a.A;
        return Make(Op.Exp, 0, 0, [a]);
    }

    public Node Ln(Node a)
    {
        if (a.Op == Op.Const) return Const(Math.Log(a.Value));
        if (a.Op == Op.Exp) return a.A;
        if (a.Op == Op.Input) return LogInput(a.Index);
        return Make(Op.Ln, 0, 0, [a]);
    }

    public Node Sqrt(Node a) => a.Op == Op.Const ? Const(Math.Sqrt(a.Value)) : Make(Op.Sqrt, 0, 0, [a]);

    /// <summary>a^b: exp(b·ln a) for an input a (its logarithm is a column) or a parameter exponent; powers by constants kept as such.</summary>
    public Node Pow(Node a, Node b)
    {
        if (b.IsConst(0)) return One;
        if (b.IsConst(1)) return a;
        if (a.Op == Op.Const && b.Op == Op.Const) return Const(Math.Pow(a.Value, b.Value));
        if (b.IsConst(2)) return Mul(a, a);
        if (b.IsConst(-1)) return Div(One, a);
        if (b.IsConst(0.5)) return Sqrt(a);
        if (a.Op == Op.Exp) return Exp(Mul(a.A, b));
        // A power by a parameter, or by a fraction of an input, is exp(b·ln a) (a must be positive); an
        // integer power stays a power, defined for negative bases too.
        if (b.Op != Op.Const || (a.Op == Op.Input && b.Value != Math.Round(b.Value))) return Exp(Mul(b, Ln(a)));
        return Make(Op.Pow, 0, 0, [a, b]);
    }

    public Node Sigmoid(Node a) => a.Op == Op.Const ? Const(Logistic(a.Value)) : Make(Op.Sigmoid, 0, 0, [a]);

    public Node Softplus(Node a) => a.Op == Op.Const ? Const(SoftplusOf(a.Value)) : Make(Op.Softplus, 0, 0, [a]);

    public Node Min(Node a, Node b) => a == b ? a : a.Op == Op.Const && b.Op == Op.Const ? Const(Math.Min(a.Value, b.Value)) : Make(Op.Min, 0, 0, Ordered(a, b));

    public Node Max(Node a, Node b) => a == b ? a : a.Op == Op.Const && b.Op == Op.Const ? Const(Math.Max(a.Value, b.Value)) : Make(Op.Max, 0, 0, Ordered(a, b));

    /// <summary>a &lt; b ? c : d.</summary>
    public Node Select(Node a, Node b, Node c, Node d)
    {
        if (c == d) return c;
        if (a.Op == Op.Const && b.Op == Op.Const) return a.Value < b.Value ? c : d;
        return Make(Op.Select, 0, 0, [a, b, c, d]);
    }

    public static double Logistic(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    public static double SoftplusOf(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));

    private static Node[] Ordered(Node a, Node b) => a.Id <= b.Id ? [a, b] : [b, a];

    private Node Make(Op op, double value, int index, Node[] args)
    {
        var key = (op, value, index, args.Length > 0 ? args[0].Id : -1, args.Length > 1 ? args[1].Id : -1,
            args.Length > 2 ? args[2].Id : -1, args.Length > 3 ? args[3].Id : -1);
        if (_nodes.TryGetValue(key, out var existing)) return existing;
        bool uniform = op is Op.Const or Op.Param || (op is not (Op.Input or Op.LogInput) && args.All(x => x.Uniform));
        var node = new Node(_all.Count, op, value, index, args, uniform);
        _nodes[key] = node;
        _all.Add(node);
        return node;
    }
}

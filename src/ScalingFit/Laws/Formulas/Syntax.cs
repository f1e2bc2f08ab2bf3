namespace ScalingFit.Laws.Formulas;

/// <summary>A node of a parsed formula, with the 1-based column where it starts.</summary>
internal abstract record Syntax(int Column);

/// <summary>A number: 1.69, 6e-3.</summary>
internal sealed record NumberSyntax(double Value, int Column) : Syntax(Column);

/// <summary>A name: an input (N, D, C, L, a column) or a parameter.</summary>
internal sealed record NameSyntax(string Name, int Column) : Syntax(Column);

/// <summary>−x.</summary>
internal sealed record NegateSyntax(Syntax Operand, int Column) : Syntax(Column);

/// <summary>x + y, x − y, x·y, x/y, x^y.</summary>
internal sealed record BinarySyntax(char Operator, Syntax Left, Syntax Right, int Column) : Syntax(Column);

/// <summary>f(x, …).</summary>
internal sealed record CallSyntax(string Function, IReadOnlyList<Syntax> Arguments, int Column) : Syntax(Column);

/// <summary>A whole formula: an optional left-hand side (y = …) and the right-hand side.</summary>
/// <param name="Text">The formula as written.</param>
/// <param name="Target">The name on the left of '=', or null.</param>
/// <param name="Body">The expression.</param>
internal sealed record FormulaSyntax(string Text, NameSyntax? Target, Syntax Body)
{
    /// <summary>Every name in the body, in order of first appearance, with its first column.</summary>
    public IReadOnlyList<NameSyntax> Names()
    {
        var names = new List<NameSyntax>();
        void Visit(Syntax s)
        {
            switch (s)
            {
                case NameSyntax n when names.All(m => m.Name != n.Name): names.Add(n); break;
                case NegateSyntax u: Visit(u.Operand); break;
                case BinarySyntax b: Visit(b.Left); Visit(b.Right); break;
                case CallSyntax c: foreach (var a in c.Arguments) Visit(a); break;
            }
        }
        Visit(Body);
        return names;
    }
}

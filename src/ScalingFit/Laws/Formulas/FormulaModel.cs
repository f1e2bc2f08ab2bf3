using System.Runtime.CompilerServices;

namespace ScalingFit.Laws.Formulas;

/// <summary>
/// A formula's value in one residual space as compiled programs: m(θ) alone, with its gradient, and
/// with gradient and Hessian (upper triangle), each compiled to a delegate where the runtime can
/// generate code and run by <see cref="TapeEvaluator"/> otherwise.
/// </summary>
internal sealed class FormulaModel
{
    private readonly FormulaProgram[] _programs;
    private readonly Lazy<CompiledObjective>?[] _objectives;
    private readonly CompiledProgram[] _points;

    /// <summary>Builds the three programs: m, (m, ∇m), (m, ∇m, ∇²m).</summary>
    public FormulaModel(NodeFactory f, Node m, int parameters, bool compile)
    {
        Parameters = parameters;
        var gradient = Enumerable.Range(0, parameters).Select(a => new Derivative(f, Op.Param, a).Of(m)).ToArray();
        var hessian = new List<Node>();
        for (int a = 0; a < parameters; a++)
        {
            var d = new Derivative(f, Op.Param, a);
            for (int b = a; b < parameters; b++) hessian.Add(b == a ? d.Of(gradient[a]) : new Derivative(f, Op.Param, b).Of(gradient[a]));
        }
        Gradient = gradient;
        _programs =
        [
            FormulaProgram.Build([m]),
            FormulaProgram.Build([m, .. gradient]),
            FormulaProgram.Build([m, .. gradient, .. hessian]),
        ];
        Compiled = compile;
        _objectives = _programs.Select(p => compile ? new Lazy<CompiledObjective>(() => ExpressionCompiler.Objective(p, parameters)) : null).ToArray();
        _points = _programs.Select(p => new CompiledProgram(p, compile)).ToArray();
    }

    /// <summary>Whether the programs run as compiled delegates (else on the tape).</summary>
    public bool Compiled { get; }

    public int Parameters { get; }

    /// <summary>∂m/∂θₐ as nodes (to find parameters that never matter).</summary>
    public IReadOnlyList<Node> Gradient { get; }

    /// <summary>Level 0: m; 1: m and ∇m; 2: m, ∇m and the upper triangle of ∇²m.</summary>
    public FormulaProgram Program(int level) => _programs[level];

    /// <summary>The compiled objective of a level, or null on the tape.</summary>
    public CompiledObjective? Objective(int level) => _objectives[level]?.Value;

    /// <summary>m, ∇m and (when <paramref name="hessian"/> is not empty) ∇²m at one point.</summary>
    public double Point(ReadOnlySpan<double> theta, ReadOnlySpan<double> inputs, ReadOnlySpan<double> logs, Span<double> gradient, Span<double> hessian)
    {
        int level = hessian.IsEmpty ? (gradient.IsEmpty ? 0 : 1) : 2;
        var program = _programs[level];
        int k = Parameters;
        Span<double> outputs = stackalloc double[program.Outputs.Length];
        _points[level].Run(theta, inputs, logs, outputs);
        for (int a = 0; a < gradient.Length && level > 0; a++) gradient[a] = outputs[1 + a];
        if (level == 2)
        {
            int p = 1 + k;
            for (int a = 0; a < k; a++)
                for (int b = a; b < k; b++) hessian[a * k + b] = hessian[b * k + a] = outputs[p++];
        }
        return outputs[0];
    }

    /// <summary>Whether the runtime compiles generated code (false under Native AOT, where compiled expressions are interpreted).</summary>
    public static bool CanCompile => RuntimeFeature.IsDynamicCodeCompiled;
}

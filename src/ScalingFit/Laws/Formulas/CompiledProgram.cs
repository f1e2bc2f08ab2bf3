namespace ScalingFit.Laws.Formulas;

/// <summary>A program evaluated at single points: a compiled delegate where the runtime generates code, the scalar tape otherwise.</summary>
internal sealed class CompiledProgram(FormulaProgram program, bool compile)
{
    private readonly Lazy<CompiledPoint>? _compiled = compile ? new Lazy<CompiledPoint>(() => ExpressionCompiler.Point(program)) : null;

    public FormulaProgram Program => program;

    /// <summary>Every output at a point.</summary>
    public void Run(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, ReadOnlySpan<double> logs, Span<double> outputs)
    {
        if (_compiled is { } compiled)
        {
            var result = new double[program.Outputs.Length];
            compiled.Value(parameters.ToArray(), inputs.ToArray(), logs.ToArray(), result);
            result.CopyTo(outputs);
        }
        else TapeEvaluator.Point(program, parameters, inputs, logs, outputs);
    }
}

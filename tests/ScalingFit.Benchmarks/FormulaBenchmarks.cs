using BenchmarkDotNet.Attributes;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Laws.Formulas;

namespace ScalingFit.Benchmarks;

/// <summary>
/// Laws written as formulas on the replication data (240 runs): one evaluation of the objective with
/// gradient and Hessian, and whole fits from the default starts, for the two ways a formula runs —
/// compiled with System.Linq.Expressions (the JIT) and the vectorised tape (what Native AOT runs,
/// measured here under the JIT too) — beside the built-in vectorised Chinchilla kernel and the
/// generic per-run objective of the built-in law. Baseline: the built-in kernel.
/// </summary>
[MemoryDiagnoser]
public class FormulaBenchmarks
{
    private const string Chinchilla = "E + A/N^alpha + B/D^beta";
    private const string Saturating = "E + A*N^(-alpha)";
    private readonly RunSet _runs = Runs.Chinchilla(new RunSelection { DropHighestLoss = 5 });
    private FitData _data = null!;
    private IWeightedObjective _kernel = null!, _generic = null!, _compiled = null!, _tape = null!;
    private FormulaLaw _compiledLaw = null!, _tapeLaw = null!, _compiledSaturating = null!, _tapeSaturating = null!;
    private readonly double[] _theta = [Math.Log(1.8172), Math.Log(477.8), Math.Log(2143.4), 0.3473, 0.3672];
    private readonly double[] _formulaTheta = [1.8172, Math.Log(477.8), 0.3473, Math.Log(2143.4), 0.3672];
    private readonly double[] _g = new double[5], _h = new double[25];

    [GlobalSetup]
    public void Setup()
    {
        _data = FitData.From(_runs, ChinchillaLaw.Instance.Inputs);
        _kernel = LogLossObjective.For(ChinchillaLaw.Instance, _data, LossFunction.Default);
        _generic = new LogLossObjective(ChinchillaLaw.Instance, _data, LossFunction.Default);
        _compiledLaw = FormulaLaw.Create(Chinchilla, _runs.TextColumnNames, new FormulaOptions { Compile = true });
        _tapeLaw = FormulaLaw.Create(Chinchilla, _runs.TextColumnNames, new FormulaOptions { Compile = false });
        _compiledSaturating = FormulaLaw.Create(Saturating, _runs.TextColumnNames, new FormulaOptions { Compile = true });
        _tapeSaturating = FormulaLaw.Create(Saturating, _runs.TextColumnNames, new FormulaOptions { Compile = false });
        _compiled = LogLossObjective.For(_compiledLaw, _data, LossFunction.Default);
        _tape = LogLossObjective.For(_tapeLaw, _data, LossFunction.Default);
        _compiled.Evaluate(_formulaTheta, _g, _h);
    }

    [Benchmark(Baseline = true)]
    public double Evaluate_BuiltInKernel() => _kernel.Evaluate(_theta, _g, _h);

    [Benchmark]
    public double Evaluate_BuiltInGeneric() => _generic.Evaluate(_theta, _g, _h);

    [Benchmark]
    public double Evaluate_FormulaCompiled() => _compiled.Evaluate(_formulaTheta, _g, _h);

    [Benchmark]
    public double Evaluate_FormulaTape() => _tape.Evaluate(_formulaTheta, _g, _h);

    [Benchmark]
    public FitResult Fit_ChinchillaBuiltIn() => NonlinearFitter.Fit(_runs, ChinchillaLaw.Instance);

    [Benchmark]
    public FitResult Fit_ChinchillaFormulaCompiled() => NonlinearFitter.Fit(_runs, _compiledLaw);

    [Benchmark]
    public FitResult Fit_ChinchillaFormulaTape() => NonlinearFitter.Fit(_runs, _tapeLaw);

    [Benchmark]
    public FitResult Fit_SaturatingFormulaCompiled() => NonlinearFitter.Fit(_runs, _compiledSaturating);

    [Benchmark]
    public FitResult Fit_SaturatingFormulaTape() => NonlinearFitter.Fit(_runs, _tapeSaturating);

    /// <summary>Parse, differentiate and compile: what a whole-process fit of a formula pays once.</summary>
    [Benchmark]
    public double Compile_ChinchillaFormula()
    {
        var law = FormulaLaw.Create(Chinchilla, _runs.TextColumnNames, new FormulaOptions { Compile = true });
        return LogLossObjective.For(law, _data, LossFunction.Default).Evaluate(_formulaTheta, _g, _h);
    }
}

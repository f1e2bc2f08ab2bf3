using System.CommandLine;
using ScalingFit.Cli.Common;
using ScalingFit.Reporting;

namespace ScalingFit.Cli.Fit;

/// <summary>scalingfit fit: fit a scaling law to observed runs and report it.</summary>
internal static class FitCommand
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var law = new LawOptions();
        var output = new OutputOptions();
        var nonlinear = new NonlinearOptions();
        var command = new Command("fit", "Fit a scaling law to training runs: exponents with standard errors, 95% intervals and diagnostics.");
        data.AddTo(command);
        law.AddTo(command);
        nonlinear.AddTo(command);
        output.AddTo(command);
        command.SetAction(parse => CliApp.Guarded(context, () =>
        {
            var spec = law.Spec(parse);
            var runs = data.Load(parse, [.. spec.Inputs, ScalingFit.Data.Quantity.Loss]);
            var fit = nonlinear.Fit(parse, context, spec, runs);
            output.Write(parse, context, () => FitReport.Build(fit), () => JsonOutput.Fit(fit));
        }));
        return command;
    }
}

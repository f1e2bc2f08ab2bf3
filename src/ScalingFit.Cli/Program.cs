using ScalingFit.Cli;

return CliApp.Run(args, CliContext.ForConsole());

using System.CommandLine;
using ComplianceRules.Cli;
using ComplianceRules.Cli.Commands;

var root = new RootCommand("ComplianceRules: checks children's social care case files for compliance.")
{
    CheckCommand.Create(),
    MergeCommand.Create(),
    RulesCommand.Create(),
    TestCommand.Create(),
    TuneCommand.Create(),
    DiffCommand.Create(),
    GenerateCommand.Create(),
};

return CommandLineApp.Run(root, args);

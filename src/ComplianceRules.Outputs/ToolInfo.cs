using System.Reflection;

namespace ComplianceRules.Outputs;

/// <summary>The tool's name and version, as every output states them.</summary>
public static class ToolInfo
{
    public const string Name = "ComplianceRules";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
